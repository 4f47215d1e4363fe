/**
 * How a library call passes data through: the result holds what the listed arguments (or the
 * receiver) held. Like sinks, summaries are data, matched by module or global and callee.
 */
export interface FlowSummary {
  id: string;
  module?: string[];
  global?: string[];
  callee: string;
  kind?: 'call' | 'new';
  /**
   * Argument indexes, `rest:N` for N and after, `receiver`, or `result:N` for what the function
   * passed as argument N returns (`useMemo(() => value)`).
   */
  from: (number | `rest:${number}` | `result:${number}` | 'receiver')[];
}
