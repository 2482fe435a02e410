import { randomUUID } from 'node:crypto';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { call, type HttpResult } from './simulator.helpers.js';

export const NIN = '01017012345';
export const ORG_NO = '987654321';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const emailSettings = { subject: 'Application received', body: 'We got it.' };
export const smsSettings = { body: 'We got it.' };

/** A valid order to a person by e-mail, `minutes` after the simulator's now. */
export function personOrder(sim: AltinnSimulator, overrides: Record<string, unknown> = {}, minutes = 60) {
  return {
    idempotencyId: randomUUID(),
    sendersReference: 'case-1',
    requestedSendTime: new Date(sim.now().getTime() + minutes * 60_000).toISOString(),
    recipient: {
      recipientPerson: { nationalIdentityNumber: NIN, channelSchema: 'Email', emailSettings },
    },
    ...overrides,
  };
}

export async function postChain(
  sim: AltinnSimulator,
  body: unknown,
  options: { token?: string | null; contentType?: string; signal?: AbortSignal } = {},
): Promise<HttpResult> {
  const token = options.token === undefined ? await sim.issueToken() : options.token;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return call(`${sim.baseUrl}/future/orders`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: options.signal,
  });
}

export async function getJson(sim: AltinnSimulator, path: string, token?: string): Promise<HttpResult> {
  return call(`${sim.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token ?? (await sim.issueToken())}` },
  });
}

export async function cancel(sim: AltinnSimulator, id: string): Promise<HttpResult> {
  return call(`${sim.baseUrl}/orders/${id}/cancel`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await sim.issueToken()}` },
  });
}
