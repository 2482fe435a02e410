import type { FaultHandle, FaultMatch, SimulatorFault } from './simulator.interfaces.js';
import { emptyReply, jsonReply, textReply, type Reply } from './simulator.http.js';

interface QueuedFault {
  fault: SimulatorFault;
  path?: string | RegExp;
  remaining: number;
  hits: number;
}

/** Paths a path-less fault leaves alone, so a test can still read the outbox while faults are queued. */
const OUTBOX_PATHS = new Set(['/', '/outbox', '/outbox.json']);

function matches(queued: QueuedFault, path: string): boolean {
  if (queued.path === undefined) return !OUTBOX_PATHS.has(path);
  if (typeof queued.path === 'string') return path === queued.path || path.endsWith(queued.path);
  queued.path.lastIndex = 0;
  return queued.path.test(path);
}

/** FIFO queue of scripted faults; each matching request consumes one use of the first fault that matches. */
export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: SimulatorFault, match: FaultMatch = {}): FaultHandle {
    const times = match.times ?? 1;
    if (!(times > 0)) throw new RangeError('FaultMatch.times must be a positive number (or Infinity)');
    const queued: QueuedFault = { fault, path: match.path, remaining: times, hits: 0 };
    this.queue.push(queued);
    return {
      get remaining() {
        return queued.remaining;
      },
      get hits() {
        return queued.hits;
      },
      cancel: () => {
        queued.remaining = 0;
        this.queue = this.queue.filter((q) => q !== queued);
      },
    };
  }

  take(path: string): SimulatorFault | undefined {
    const queued = this.queue.find((q) => q.remaining > 0 && matches(q, path));
    if (!queued) return undefined;
    queued.remaining -= 1;
    queued.hits += 1;
    if (queued.remaining <= 0) this.queue = this.queue.filter((q) => q !== queued);
    return queued.fault;
  }

  clear(): void {
    for (const queued of this.queue) queued.remaining = 0;
    this.queue = [];
  }
}

/** The canned answer of a `status` or `retryAfter` fault. */
export function faultReply(fault: Extract<SimulatorFault, { kind: 'status' | 'retryAfter' }>): Reply {
  if (fault.kind === 'retryAfter') {
    const headers = { 'retry-after': String(fault.seconds) };
    // 429 in front of Altinn comes from API Management, which answers with its own small JSON body.
    return fault.status === 429
      ? jsonReply(
          429,
          { statusCode: 429, message: `Rate limit is exceeded. Try again in ${fault.seconds} seconds.` },
          headers,
        )
      : emptyReply(503, headers);
  }
  const headers = { ...fault.headers };
  if (fault.body === undefined) {
    return { ...emptyReply(fault.status, headers), headers: withType(headers, fault.contentType) };
  }
  if (typeof fault.body === 'string') {
    const reply = textReply(fault.status, fault.body, fault.contentType ?? 'text/plain; charset=utf-8');
    return { ...reply, headers: { ...reply.headers, ...headers } };
  }
  const reply = jsonReply(fault.status, fault.body, headers);
  return { ...reply, headers: withType(reply.headers ?? {}, fault.contentType) };
}

function withType(headers: Record<string, string>, contentType: string | undefined): Record<string, string> {
  return contentType === undefined ? headers : { ...headers, 'content-type': contentType };
}
