import { jest } from '@jest/globals';

/** Every API Jest can fake except `Date`: timers, ticks and I/O stay real, so HTTP on loopback works as ever. */
const REAL = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Fakes `Date` alone, stopped at the present until `advance(ms)` moves it. The library (token `exp`, refresh
 * deadlines) and the simulator (`iat`/`exp` it signs and checks) read the same clock, so a token's expiry is
 * reached without waiting for it. Call `restore()` in a `finally` or `afterEach`.
 */
export function fakeDate(): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({ doNotFake: [...REAL], now: Date.now() });
  return {
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    restore: () => jest.useRealTimers(),
  };
}
