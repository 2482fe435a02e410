import autocannon from 'autocannon';
import { smsOrder, SMS_PATH } from './orders.js';

export interface CapacityResult {
  connections: number;
  seconds: number;
  requests: number;
  non2xx: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * The ceiling: what the simulator answers per second to a load generator that does nothing but send the same
 * order JSON (fresh idempotencyId each time) with a valid token, on `connections` keep-alive connections.
 */
export async function measureCapacity(
  baseUrl: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<CapacityResult> {
  const result = await autocannon({
    url: `${baseUrl}${SMS_PATH}`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(smsOrder()) }) }],
  });
  const ok = result['2xx'];
  return {
    connections,
    seconds: result.duration,
    requests: ok + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    perSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
