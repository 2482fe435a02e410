import type { AltinnAuditRecord, AltinnNotificationsModuleOptions } from '../../lib/index.js';
import {
  AltinnSimulator,
  type AltinnSimulatorOptions,
  type SimulatorRequestRecord,
} from '../../lib/testing/index.js';
import { createTestClient, type TestClient } from '../support/altinn-client.js';

export interface ResilienceClient extends TestClient {
  audit: AltinnAuditRecord[];
}

/** The library against the simulator with a small retry delay, so a suite of retries stays fast. */
export async function retryClient(
  sim: AltinnSimulator,
  overrides: Partial<AltinnNotificationsModuleOptions> = {},
): Promise<ResilienceClient> {
  const audit: AltinnAuditRecord[] = [];
  const client = await createTestClient(sim, {
    retry: { delayMs: 20 },
    onAudit: (record) => void audit.push(record),
    ...overrides,
  });
  return { ...client, audit };
}

/**
 * Runs `run` against its own simulator and client (5 s timeout, the minimum), so that tests which wait for
 * timeouts can run concurrently without sharing a fault queue.
 */
export async function withOwnSimulator<T>(
  options: Partial<AltinnNotificationsModuleOptions>,
  run: (sim: AltinnSimulator, client: ResilienceClient) => Promise<T>,
  simOptions: AltinnSimulatorOptions = {},
): Promise<T> {
  const sim = await AltinnSimulator.start(simOptions);
  const client = await retryClient(sim, { timeoutMs: 5000, ...options });
  try {
    return await run(sim, client);
  } finally {
    await client.close();
    await sim.close();
  }
}

/** What reached the instant order endpoints: one entry per HTTP attempt. */
export function orderAttempts(sim: AltinnSimulator): SimulatorRequestRecord[] {
  return sim.requests.filter((r) => r.path.includes('/future/orders/instant'));
}

/** The rejection of a call that is expected to fail (or a marker when it did not). */
export function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => new Error('expected the call to fail, and it succeeded'),
    (e: unknown) => e,
  );
}

export const SMS_PATH = '/future/orders/instant/sms';

export const NOT_00004 = {
  kind: 'status',
  status: 503,
  body: {
    type: 'urn:altinn:error:NOT-00004',
    title: 'A temporary network failure occurred',
    status: 503,
    code: 'NOT-00004',
    traceId: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  },
} as const;
