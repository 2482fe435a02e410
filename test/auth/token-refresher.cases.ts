import { jest } from '@jest/globals';
import { AltinnAuthError, AltinnConfigurationError, type AltinnTokenProvider } from '../../lib/index.js';
import { resolveTokenPrefetch, TokenRefresher } from '../../lib/auth/token-refresher.js';
import { CaptureLogger } from '../support/capture-logger.js';

// The timing rules of the background refresh, on fake timers with a stub provider. The same refresher against
// the simulator's Maskinporten, over HTTP, is in token-prefetch.cases.ts.

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);

/** A provider whose tokens are due `lifetimeMs` after each successful prefetch; `failures` next prefetches fail. */
class StubProvider implements AltinnTokenProvider {
  prefetches = 0;
  getTokens = 0;
  failures = 0;
  error: unknown = new AltinnAuthError('Maskinporten request failed: network error', { retryable: true });
  due?: number;

  constructor(private readonly lifetimeMs: number) {}

  getToken(): Promise<string> {
    this.getTokens += 1;
    return Promise.resolve('token');
  }

  prefetch(): Promise<void> {
    this.prefetches += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(this.error);
    }
    this.due = Date.now() + this.lifetimeMs;
    return Promise.resolve();
  }

  expiresAt(): number | undefined {
    return this.due;
  }
}

const logger = new CaptureLogger();
const refresher = (provider: AltinnTokenProvider, failFast = false) =>
  new TokenRefresher(provider, { enabled: true, failFast, logger });
const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('TokenRefresher', () => {
  let stop: (() => void) | undefined;

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    logger.lines.length = 0;
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    jest.useRealTimers();
  });

  async function boot(provider: AltinnTokenProvider, failFast = false): Promise<TokenRefresher> {
    const r = refresher(provider, failFast);
    stop = () => r.onModuleDestroy();
    await r.onApplicationBootstrap();
    return r;
  }

  it('prefetches at bootstrap, then 5 minutes before each expiry of a 30-minute token', async () => {
    const provider = new StubProvider(30 * MIN);
    await boot(provider);
    expect(provider.prefetches).toBe(1);
    await advance(25 * MIN - 1);
    expect(provider.prefetches).toBe(1);
    await advance(1);
    expect(provider.prefetches).toBe(2);
    await advance(25 * MIN);
    expect(provider.prefetches).toBe(3);
    expect(provider.getTokens).toBe(0);
  });

  it('renews a short token when a quarter of its time is left', async () => {
    const provider = new StubProvider(4_000);
    await boot(provider);
    await advance(2_999);
    expect(provider.prefetches).toBe(1);
    await advance(1);
    expect(provider.prefetches).toBe(2);
    await advance(3_000);
    expect(provider.prefetches).toBe(3);
  });

  it('a failure at bootstrap is logged, not thrown, and retried with backoff (1 s, 2 s, 4 s …)', async () => {
    const provider = new StubProvider(30 * MIN);
    provider.failures = 3;
    await boot(provider);
    expect(provider.prefetches).toBe(1);
    expect(logger.lines).toEqual([
      'warn Altinn token prefetch failed (Maskinporten request failed: network error); next try in 1000 ms',
    ]);
    await advance(1_000);
    expect(provider.prefetches).toBe(2);
    await advance(1_999);
    expect(provider.prefetches).toBe(2);
    await advance(1);
    expect(provider.prefetches).toBe(3);
    await advance(4_000);
    expect(provider.prefetches).toBe(4); // succeeded: back to the expiry plan
    expect(logger.lines).toHaveLength(3);
    await advance(25 * MIN - 1);
    expect(provider.prefetches).toBe(4);
    await advance(1);
    expect(provider.prefetches).toBe(5);
  });

  it('backoff stops growing at one minute', async () => {
    const provider = new StubProvider(30 * MIN);
    provider.failures = Infinity;
    await boot(provider);
    await advance(1_000 + 2_000 + 4_000 + 8_000 + 16_000 + 32_000);
    expect(provider.prefetches).toBe(7);
    expect(logger.lines.at(-1)).toMatch(/next try in 60000 ms$/);
    await advance(60_000);
    expect(provider.prefetches).toBe(8);
  });

  it('a failed background renewal keeps trying while the cached token is still in use', async () => {
    const provider = new StubProvider(30 * MIN);
    await boot(provider);
    const due = provider.due;
    provider.failures = 2;
    await advance(25 * MIN + 1_000 + 2_000);
    expect(provider.prefetches).toBe(4);
    expect(provider.due).toBeGreaterThan(due!);
  });

  it('with failFast, bootstrap rejects with the AltinnAuthError and nothing is scheduled', async () => {
    const provider = new StubProvider(30 * MIN);
    provider.failures = 1;
    await expect(boot(provider, true)).rejects.toBe(provider.error);
    await advance(10 * MIN);
    expect(provider.prefetches).toBe(1);
  });

  it("names only the class of a custom provider's own error, in the log and with failFast", async () => {
    const provider = new StubProvider(30 * MIN);
    provider.error = new Error('vault said: s3cr3t-token');
    provider.failures = 2;
    await boot(provider);
    expect(logger.lines).toEqual(['warn Altinn token prefetch failed (Error); next try in 1000 ms']);
    stop?.();
    const error = await boot(provider, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnAuthError);
    expect(String(error)).not.toContain('s3cr3t');
  });

  it('re-plans without fetching when the token was renewed meanwhile (a 401 refresh, say)', async () => {
    const provider = new StubProvider(30 * MIN);
    await boot(provider);
    await advance(10 * MIN);
    provider.due = Date.now() + 30 * MIN; // a send fetched a new token itself, due at 40 min
    await advance(15 * MIN);
    expect(provider.prefetches).toBe(1);
    // Re-planned at 25 min for the new token: a quarter of its 15 minutes left, so at 36:15.
    await advance(11.25 * MIN - 1);
    expect(provider.prefetches).toBe(1);
    await advance(1);
    expect(provider.prefetches).toBe(2);
  });

  it('stops at module destroy, also with a prefetch in flight', async () => {
    const provider = new StubProvider(30 * MIN);
    const r = await boot(provider);
    let release!: () => void;
    provider.prefetch = () => {
      provider.prefetches += 1;
      return new Promise<void>((resolve) => (release = resolve));
    };
    await advance(25 * MIN);
    expect(provider.prefetches).toBe(2);
    r.onModuleDestroy();
    release();
    await advance(60 * MIN);
    expect(provider.prefetches).toBe(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a prefetch in flight that fails after module destroy is neither logged nor retried', async () => {
    const provider = new StubProvider(30 * MIN);
    const r = await boot(provider);
    let fail!: (err: unknown) => void;
    provider.prefetch = () => {
      provider.prefetches += 1;
      return new Promise<void>((_, reject) => (fail = reject));
    };
    await advance(25 * MIN);
    r.onModuleDestroy();
    fail(provider.error);
    await advance(60 * MIN);
    expect(provider.prefetches).toBe(2);
    expect(logger.lines).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves providers without prefetch() alone; prefetch() without expiresAt() runs at bootstrap only', async () => {
    const plain = { getToken: jest.fn(() => Promise.resolve('t')) };
    await boot(plain);
    expect(plain.getToken).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);

    const warmOnly = { getToken: () => Promise.resolve('t'), prefetch: jest.fn(() => Promise.resolve()) };
    await boot(warmOnly);
    await advance(60 * MIN);
    expect(warmOnly.prefetch).toHaveBeenCalledTimes(1);
  });

  it('does nothing when tokenPrefetch is false', async () => {
    const provider = new StubProvider(30 * MIN);
    const r = new TokenRefresher(provider, { ...resolveTokenPrefetch(false, logger), logger });
    await r.onApplicationBootstrap();
    expect(provider.prefetches).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('survives a provider whose expiresAt() throws: it prefetches about once a second, no crash', async () => {
    const provider = new StubProvider(30 * MIN);
    provider.expiresAt = () => {
      throw new Error('broken');
    };
    await boot(provider);
    await advance(3_000);
    expect(provider.prefetches).toBe(4);
  });
});

describe('the tokenPrefetch option', () => {
  it.each([
    [undefined, { enabled: true, failFast: false }],
    [true, { enabled: true, failFast: false }],
    [false, { enabled: false, failFast: false }],
    [{}, { enabled: true, failFast: false }],
    [{ failFast: true }, { enabled: true, failFast: true }],
  ])('%p resolves to %p', (option, expected) => {
    expect(resolveTokenPrefetch(option, undefined)).toEqual({ ...expected, logger: undefined });
  });

  it.each([
    ['yes', 'option "tokenPrefetch" must be a boolean or { failFast?: boolean }'],
    [{ failFast: 'yes' }, 'option "tokenPrefetch.failFast" must be a boolean'],
  ])('refuses %p with AltinnConfigurationError', (option, message) => {
    const resolve = () => resolveTokenPrefetch(option as never, undefined);
    expect(resolve).toThrow(AltinnConfigurationError);
    expect(resolve).toThrow(message);
  });
});
