import { randomUUID } from 'node:crypto';
import type { AltinnSimulator } from '../../lib/testing/index.js';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function call(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function smsBody(overrides: Record<string, unknown> = {}, sms: Record<string, unknown> = {}) {
  return {
    idempotencyId: randomUUID(),
    sendersReference: 'ref-1',
    recipientSms: {
      phoneNumber: '+4799999999',
      timeToLiveInSeconds: 300,
      smsSettings: { sender: 'Altinn', body: 'Your code is 123456' },
      ...sms,
    },
    ...overrides,
  };
}

export function emailBody(overrides: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  return {
    idempotencyId: randomUUID(),
    sendersReference: 'ref-e',
    recipientEmail: {
      emailAddress: 'user@example.com',
      emailSettings: { subject: 'Your code', body: 'Code 654321', contentType: 'Plain', ...settings },
    },
    ...overrides,
  };
}

/** POSTs a JSON (or raw string) body to an instant endpoint with a valid token unless one is given. */
export async function postOrder(
  sim: AltinnSimulator,
  channel: 'sms' | 'email' | 'legacy',
  body: unknown,
  options: { token?: string | null; contentType?: string; signal?: AbortSignal } = {},
): Promise<HttpResult> {
  const token = options.token === undefined ? await sim.issueToken() : options.token;
  const path = channel === 'legacy' ? '/future/orders/instant' : `/future/orders/instant/${channel}`;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return call(`${sim.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: options.signal,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
