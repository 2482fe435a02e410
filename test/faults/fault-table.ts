/** One line of the fault matrix, as `npm run faults` prints it. */
export interface FaultRow {
  fault: string;
  expected: string;
  outcome: string;
  attempts: number;
  sent: number;
  /** idempotencyIds the simulator sent more than one message for. */
  duplicates: number;
  /** Kinds of secret found in logs, errors or audit records. */
  leaks: string[];
}

const HEADERS = ['fault', 'expected outcome', 'outcome', 'attempts', 'messages sent', 'leaks'];

/** A plain Markdown table (readable in a terminal, and pasteable into the README), then the totals. */
export function formatFaultTable(rows: readonly FaultRow[]): string {
  const cells = rows.map((r) => [
    r.fault,
    r.expected,
    r.outcome,
    String(r.attempts),
    String(r.sent),
    r.leaks.length === 0 ? '0' : r.leaks.join(', '),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const pad = (v: string, i: number) => (i >= 3 ? v.padStart(widths[i]) : v.padEnd(widths[i]));
  const line = (c: string[]) => `| ${c.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i >= 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  const mismatches = rows.filter((r) => r.outcome !== r.expected).length;
  const duplicates = rows.reduce((n, r) => n + r.duplicates, 0);
  const leaks = rows.reduce((n, r) => n + r.leaks.length, 0);
  return [
    line(HEADERS),
    rule,
    ...cells.map(line),
    '',
    `${rows.length} scenarios, ${mismatches} unexpected outcomes, ${duplicates} duplicates, ${leaks} leaks`,
    '',
  ].join('\n');
}
