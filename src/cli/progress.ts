/**
 * Progress of a long scan on standard error, one line redrawn in place: which project of how many,
 * and how many files have been analysed of the total. Only on a terminal; `--no-progress`, `--quiet`
 * and a redirected standard error turn it off. The line is erased before anything else is printed.
 */
export interface Progress {
  /** A project starts; `files` is how many files it is expected to analyse. */
  project(index: number, total: number, label: string, files: number): void;
  /** A file of the current project starts. */
  file(done: number, total: number): void;
  /** A project is done, having analysed `files` files. */
  projectDone(files: number): void;
  /** Erases the line. */
  clear(): void;
}

export const noProgress: Progress = { project() {}, file() {}, projectDone() {}, clear() {} };

export interface ProgressOptions {
  write(text: string): void;
  /** The terminal's width; lines are cut to it. */
  columns?: number;
  /** Milliseconds between redraws of the same project's line. */
  interval?: number;
  now?: () => number;
}

export function terminalProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const interval = options.interval ?? 100;
  const width = Math.max(20, (options.columns ?? 80) - 1);
  let label = '';
  let projectIndex = 0;
  let projectTotal = 0;
  let before = 0; // files analysed in the finished projects
  let expected = 0; // files the current project is expected to analyse
  let current = 0;
  let last = -Infinity;
  let shown = false;

  const draw = (force: boolean): void => {
    const time = now();
    if (!force && time - last < interval) return;
    last = time;
    // The counts first, so that a narrow terminal cuts the project's name rather than them.
    const here = expected > 0 ? ` (${current}/${expected} in this one)` : '';
    let line = `phi-scan: ${before + current} files analysed, project ${projectIndex}/${projectTotal}${here}: ${label}`;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    options.write(`\r${line}\u001b[K`);
    shown = true;
  };

  return {
    project(index, total, name, files) {
      projectIndex = index;
      projectTotal = total;
      label = name;
      expected = files;
      current = 0;
      draw(true);
    },
    file(done, total) {
      current = done;
      expected = total;
      draw(false);
    },
    projectDone(files) {
      before += files;
      current = 0;
      expected = 0;
    },
    clear() {
      if (shown) options.write('\r\u001b[K');
      shown = false;
    },
  };
}
