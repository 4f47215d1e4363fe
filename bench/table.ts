/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

export function fixed(value: number | undefined | null, digits = 2): string {
  return value === undefined || value === null || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

/** `0.98–1.13`: the smallest and largest of some ratios; a single value as it is. */
export function range(values: readonly number[], digits = 2): string {
  if (values.length === 0) return '-';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? fixed(low, digits) : `${fixed(low, digits)}–${fixed(high, digits)}`;
}
