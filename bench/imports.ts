/** The import declarations of a generated file, collected while its code is written. */
export class Imports {
  private readonly values = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();

  /** `import { name } from 'from'`; returns the name for use in code. */
  value(from: string, name: string): string {
    add(this.values, from, name);
    return name;
  }

  /** `import type { name } from 'from'`. */
  type(from: string, name: string): string {
    add(this.types, from, name);
    return name;
  }

  toString(): string {
    const modules = [...new Set([...this.values.keys(), ...this.types.keys()])].sort(byModule);
    const lines: string[] = [];
    for (const from of modules) {
      const values = [...(this.values.get(from) ?? [])].sort();
      if (values.length > 0) lines.push(`import { ${values.join(', ')} } from '${from}';`);
      const types = [...(this.types.get(from) ?? [])].filter((name) => !values.includes(name)).sort();
      if (types.length > 0) lines.push(`import type { ${types.join(', ')} } from '${from}';`);
    }
    return lines.join('\n');
  }
}

function add(map: Map<string, Set<string>>, from: string, name: string): void {
  let names = map.get(from);
  if (!names) map.set(from, (names = new Set()));
  names.add(name);
}

/** Packages first, then relative modules, each alphabetically. */
function byModule(a: string, b: string): number {
  const relative = (name: string): number => (name.startsWith('.') ? 1 : 0);
  return relative(a) - relative(b) || a.localeCompare(b);
}
