// The retry arithmetic on its own: no server, no clock. The loopback suites beside this one show the same rules
// on the wire; this one covers every branch in milliseconds.
import {
  AltinnApiError,
  AltinnAuthError,
  AltinnConfigurationError,
  AltinnRequestError,
  StaticTokenProvider,
} from '../../lib/index.js';
import { fullJitterDelay, isRetryable, RESPONSE_TOO_LARGE, retryDelay } from '../../lib/http/retry.policy.js';
import { resolveOptions } from '../../lib/options/resolve-options.js';

const site = { method: 'POST', path: '/p' };
const api = (status: number, retryAfterSeconds?: number) =>
  new AltinnApiError({ ...site, status, retryAfterSeconds });
const fixed = { retries: 3, delayMs: 2000, backoff: 'fixed' as const, maxDelayMs: 30_000 };
const exponential = { ...fixed, backoff: 'exponential' as const };

describe('isRetryable', () => {
  it.each([
    [api(429), true],
    [api(500), true],
    [api(502), true],
    [api(503), true],
    [api(504), true],
    [api(501), false],
    [api(400), false],
    [api(401), false],
    [api(409), false],
    [new AltinnRequestError('network', site), true],
    [new AltinnRequestError('timeout', site), true],
    [new AltinnRequestError('aborted', site), false],
    [new AltinnRequestError('network', { ...site, code: RESPONSE_TOO_LARGE }), false],
    [new AltinnAuthError('down', { status: 503 }), true],
    [new AltinnAuthError('no', { status: 400, error: 'invalid_grant' }), false],
    [new Error('other'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('retryDelay', () => {
  it('fixed: delayMs every time', () => {
    expect([1, 2, 3].map((n) => retryDelay(fixed, api(503), n))).toEqual([2000, 2000, 2000]);
  });

  it('exponential: full jitter over delayMs × 2^(n-1)', () => {
    expect([1, 2, 3].map((n) => retryDelay(exponential, api(503), n, () => 1))).toEqual([2000, 4000, 8000]);
    expect(retryDelay(exponential, api(503), 3, () => 0.5)).toBe(4000);
    expect(retryDelay(exponential, api(503), 3, () => 0)).toBe(0);
  });

  it('exponential: the cap comes before the draw, so late retries still spread out', () => {
    const capped = { ...exponential, maxDelayMs: 3000 };
    expect(retryDelay(capped, api(503), 5, () => 0.5)).toBe(1500);
    expect(retryDelay(capped, api(503), 5, () => 0.1)).toBe(300);
    expect(fullJitterDelay(1000, 3000, 5, () => 0.5)).toBe(1500);
  });

  it('Retry-After wins when longer, and maxDelayMs caps both', () => {
    expect(retryDelay(fixed, api(429, 5), 1)).toBe(5000);
    expect(retryDelay(fixed, api(429, 1), 1)).toBe(2000);
    expect(retryDelay(fixed, api(429, 120), 1)).toBe(30_000);
    expect(retryDelay({ ...exponential, maxDelayMs: 3000 }, api(503), 5, () => 1)).toBe(3000);
  });
});

describe('the default deadline: what the retry policy allows', () => {
  const resolve = (extra: object) =>
    resolveOptions({ baseUrl: 'http://127.0.0.1:1', tokenProvider: new StaticTokenProvider('t'), ...extra });

  it.each([
    [{}, 15_000 * 2 + 2000],
    [{ retry: false }, 15_000],
    [{ timeoutMs: 5000, retry: { retries: 2, delayMs: 100 } }, 5000 * 3 + 200],
    [
      { timeoutMs: 5000, retry: { retries: 3, delayMs: 1000, backoff: 'exponential' } },
      5000 * 4 + 1000 + 2000 + 4000,
    ],
    [
      { timeoutMs: 5000, retry: { retries: 3, delayMs: 1000, backoff: 'exponential', maxDelayMs: 1500 } },
      20_000 + 4000,
    ],
    [{ deadlineMs: 7000 }, 7000],
  ])('%j → %d ms', (options, deadline) => {
    expect(resolve(options).deadlineMs).toBe(deadline);
  });

  it('maxResponseBytes defaults to 1 MiB and refuses less than 16 kB', () => {
    expect(resolve({}).maxResponseBytes).toBe(1024 * 1024);
    expect(() => resolve({ maxResponseBytes: 1000 })).toThrow(AltinnConfigurationError);
  });
});
