import type ts from '#typescript';
import type { Flow } from './flow.js';

/**
 * What an answer was computed from: a source file whose syntax it read, or a function name whose
 * callers it looked up (callers are found by name across the whole project, so a new call anywhere
 * can change the answer).
 */
export type Read = ts.SourceFile | string;

interface Entry {
  flows: Flow[];
  reads: readonly Read[];
}

/**
 * The evaluator's answers per (expression, property path), each with what it read. Answers about
 * unchanged files stay valid in the next program of an edited project (TypeScript reuses the
 * unchanged SourceFile objects), so an engine built for the next program keeps the memo and drops
 * only the answers that read what the edit touched.
 */
export class EvaluationMemo {
  private readonly entries = new Map<ts.Node, Map<string, Entry>>();

  get(node: ts.Node, pathKey: string): Entry | undefined {
    return this.entries.get(node)?.get(pathKey);
  }

  set(node: ts.Node, pathKey: string, flows: Flow[], reads: readonly Read[]): void {
    let byPath = this.entries.get(node);
    if (!byPath) {
      byPath = new Map();
      this.entries.set(node, byPath);
    }
    byPath.set(pathKey, { flows, reads });
  }

  /** Drops every answer that read one of `staleFiles` (by file name) or looked up the callers of one of `staleNames`. */
  invalidate(staleFiles: ReadonlySet<string>, staleNames: ReadonlySet<string>): { kept: number; dropped: number } {
    let kept = 0;
    let dropped = 0;
    const isStale = (read: Read): boolean => (typeof read === 'string' ? staleNames.has(read) : staleFiles.has(read.fileName));
    for (const [node, byPath] of this.entries) {
      for (const [pathKey, entry] of byPath) {
        if (entry.reads.some(isStale)) {
          byPath.delete(pathKey);
          dropped++;
        } else {
          kept++;
        }
      }
      if (byPath.size === 0) this.entries.delete(node);
    }
    return { kept, dropped };
  }
}
