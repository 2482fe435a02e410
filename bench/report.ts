import type { BenchResults } from './results.js';
import { SEGMENTS, type ThroughputRow } from './throughput.js';

const int = (n: number) => Math.round(n).toLocaleString('en');
const perSend = (mb: number, sends: number) => `${Math.round((mb * 1024 * 1024) / sends)} bytes`;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

/** Left-aligned first column, the rest right-aligned, columns as wide as their widest cell. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])));
  const [head, ...body] = rows;
  const rule = widths.map((w) => '-'.repeat(w));
  return [line(head), rule, ...body.map(line)].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function variantLine(label: string, row: ThroughputRow): string {
  return (
    `   with ${label} at concurrency ${row.concurrency}: module ${int(row.module.perSecond)} req/s vs bare ` +
    `${int(row.bare.perSecond)} req/s, ratio ${row.ratio.toFixed(2)} (pairs ${row.pairedMedianRatio.toFixed(2)}); ` +
    `client CPU µs/send ${int(row.module.cpuMicrosPerSend)} / ${int(row.bare.cpuMicrosPerSend)}`
  );
}

/** The table the bench prints; the same text goes into the README's Performance section. */
export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const c = r.capacity;
  const throughput = table([
    [
      'concurrency',
      'sends each',
      'module req/s',
      'bare req/s',
      'ratio',
      'module p50 / p99 ms',
      'bare p50 / p99 ms',
      'client CPU µs/send module / bare',
    ],
    ...r.throughput.map((row) => [
      String(row.concurrency),
      int(row.module.sends),
      int(row.module.perSecond),
      int(row.bare.perSecond),
      row.ratio.toFixed(2),
      `${ms(row.module.p50Ms)} / ${ms(row.module.p99Ms)}`,
      `${ms(row.bare.p50Ms)} / ${ms(row.bare.p99Ms)}`,
      `${int(row.module.cpuMicrosPerSend)} / ${int(row.bare.cpuMicrosPerSend)}`,
    ]),
  ]);
  const mem = r.memory;
  const lc = r.localCost;
  const ts = r.tokenStorm;
  const targets = table([
    ['target', 'wanted', 'measured', 'met'],
    ...r.targets.map((t) => [t.name, t.target, t.value, t.met ? 'yes' : 'NO']),
  ]);
  return [
    `Machine: ${m.cores} cores, ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, Linux ${m.kernel}; ` +
      `load average ${m.loadAverage.start.toFixed(2)} at start, ${m.loadAverage.end.toFixed(2)} at end`,
    `Setup: ${r.setup.simulator}; ${r.setup.logging}; ${r.setup.keepAlive}`,
    '',
    `1. Simulator capacity (autocannon, ${c.connections} connections, ${c.seconds} s): ${int(c.perSecond)} req/s, ` +
      `p50 ${ms(c.p50Ms)} ms, p99 ${ms(c.p99Ms)} ms (${int(c.non2xx)} non-2xx, ${int(c.errors)} errors)`,
    '',
    '2. sendInstantSms through the module vs bare axios.post (same JSON, same token, same keep-alive agent)',
    throughput,
    `   median of the ${SEGMENTS} neighbouring segment pairs' ratios: ` +
      r.throughput.map((row) => `${row.pairedMedianRatio.toFixed(2)} at ${row.concurrency}`).join(', '),
    variantLine('logging: false', r.loggingOff),
    variantLine('logging into a logger that discards', r.loggingDiscarded),
    '',
    `3. Token storm: ${int(ts.sends)} concurrent first sends → ${ts.grants} grant(s), ${ts.exchanges} exchange(s); ` +
      `${int(ts.created)} created in ${ts.seconds.toFixed(2)} s`,
    `4. Local cost (toWireSmsOrder + JSON.stringify, warm, ${int(lc.iterations)} orders in ${lc.rounds.length} rounds): ` +
      `median of the rounds ${lc.medianMicros.toFixed(1)} µs; rounds ` +
      lc.rounds.map((x) => `${x.meanMicros.toFixed(1)} (after ${x.after})`).join(', ') +
      ` µs; p99 of batch means ${lc.p99BatchMicros.toFixed(1)} µs`,
    `5. Memory over ${int(mem.sends)} sends at concurrency ${mem.concurrency} (${int(mem.load.perSecond)} req/s, ${mem.load.failures} failed): ` +
      `RSS ${mem.before.rssMB.toFixed(1)} → ${mem.after.rssMB.toFixed(1)} MB, heap used ${mem.before.heapUsedMB.toFixed(1)} → ` +
      `${mem.after.heapUsedMB.toFixed(1)} MB (${perSend(mem.heapGrowthMB, mem.sends)} per send), in flight after: ${mem.inFlightAfter}`,
    '',
    targets,
    '',
    `Whole run: ${r.durationSeconds.toFixed(0)} s`,
  ].join('\n');
}
