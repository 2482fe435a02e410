import { randomUUID } from 'node:crypto';
import type { OtpChallengeRecord, OtpSendLimits, OtpStore } from '../../lib/index.js';

/** Two handles on one backend: the same object in memory, two clients for Redis (two app instances). */
export interface StoreUnderTest {
  store: OtpStore;
  peer: OtpStore;
}

const T0 = 1_700_000_000_000;
const TTL_MS = 300_000;
const HASH = 'a'.repeat(64);
const WRONG = 'b'.repeat(64);
const LIMITS: OtpSendLimits = { cooldownMs: 60_000, maxSends: 3, windowMs: 3_600_000 };

function challenge(overrides: Partial<OtpChallengeRecord> = {}): OtpChallengeRecord {
  return {
    challengeId: randomUUID(),
    recipientKey: `rk-${randomUUID()}`,
    channel: 'sms',
    codeHash: HASH,
    nonce: randomUUID(),
    createdAt: T0,
    expiresAt: T0 + TTL_MS,
    maxAttempts: 3,
    ...overrides,
  };
}

/** The `OtpStore` contract, run against every store. */
export function otpStoreContract(setup: () => Promise<StoreUnderTest>): void {
  let store: OtpStore;
  let peer: OtpStore;
  beforeEach(async () => ({ store, peer } = await setup()));

  describe('begin', () => {
    it('creates a challenge, and a retry of the live id returns it unchanged without counting', async () => {
      const c = challenge();
      expect(await store.begin(c, LIMITS, T0)).toEqual({ status: 'created', challenge: c });
      const retry = { ...c, nonce: 'other', codeHash: WRONG, createdAt: T0 + 1000, expiresAt: T0 + 999_999 };
      expect(await peer.begin(retry, LIMITS, T0 + 1000)).toEqual({ status: 'existing', challenge: c });
      // Retries are free, but a new id for the same recipient is still in the cooldown of the first send.
      const next = challenge({ recipientKey: c.recipientKey });
      expect(await store.begin(next, LIMITS, T0 + 2000)).toEqual({
        status: 'cooldown',
        retryAfterMs: 58_000,
      });
    });

    it('refuses a new code inside the cooldown and allows it after', async () => {
      const c = challenge();
      await store.begin(c, LIMITS, T0);
      const next = challenge({ recipientKey: c.recipientKey });
      expect(await peer.begin(next, LIMITS, T0 + 59_999)).toEqual({ status: 'cooldown', retryAfterMs: 1 });
      expect((await peer.begin(next, LIMITS, T0 + 60_000)).status).toBe('created');
    });

    it('caps sends per window and opens again when the window ends', async () => {
      const rk = `rk-${randomUUID()}`;
      const limits = { ...LIMITS, cooldownMs: 0, maxSends: 2 };
      expect((await store.begin(challenge({ recipientKey: rk }), limits, T0)).status).toBe('created');
      expect((await peer.begin(challenge({ recipientKey: rk }), limits, T0 + 10)).status).toBe('created');
      expect(await store.begin(challenge({ recipientKey: rk }), limits, T0 + 20)).toEqual({
        status: 'limit',
        retryAfterMs: 3_600_000 - 20,
      });
      const later = T0 + 3_600_000;
      expect(
        (await peer.begin(challenge({ recipientKey: rk, createdAt: later }), limits, later)).status,
      ).toBe('created');
    });

    it('keeps limits per recipient', async () => {
      await store.begin(challenge({ recipientKey: 'rk-one' + randomUUID() }), LIMITS, T0);
      expect((await store.begin(challenge(), LIMITS, T0 + 1)).status).toBe('created');
    });

    it('counts limits per limitKey when given: two recipients of one mailbox share a budget', async () => {
      const limitKey = `lk-${randomUUID()}`;
      const first = challenge({ limitKey });
      expect(await store.begin(first, LIMITS, T0)).toEqual({ status: 'created', challenge: first });
      expect(await peer.begin(challenge({ limitKey }), LIMITS, T0 + 1000)).toEqual({
        status: 'cooldown',
        retryAfterMs: 59_000,
      });
      // The challenge itself is still the recipient's own: found by its recipientKey, without the limit key.
      const { limitKey: _l, ...record } = first;
      expect(await peer.begin({ ...first, nonce: 'retry' }, LIMITS, T0 + 2000)).toEqual({
        status: 'existing',
        challenge: record,
      });
      expect((await store.check({ recipientKey: first.recipientKey }, HASH, T0 + 3000)).result).toBe(
        'SUCCESS',
      );
    });

    it('treats an expired id as a new challenge that counts against the limits', async () => {
      const c = challenge();
      const limits = { ...LIMITS, cooldownMs: 0 };
      await store.begin(c, limits, T0);
      const after = T0 + TTL_MS + 1;
      const again = { ...c, nonce: 'fresh', createdAt: after, expiresAt: after + TTL_MS };
      expect(await peer.begin(again, limits, after)).toEqual({ status: 'created', challenge: again });
    });

    it('a new challenge replaces the recipient’s previous one', async () => {
      const first = challenge();
      const second = challenge({ recipientKey: first.recipientKey, codeHash: WRONG });
      await store.begin(first, { ...LIMITS, cooldownMs: 0 }, T0);
      await peer.begin(second, { ...LIMITS, cooldownMs: 0 }, T0 + 5);
      expect((await store.check({ challengeId: first.challengeId }, HASH, T0 + 6)).result).toBe(
        'NO_OTP_FOUND',
      );
      expect(await peer.check({ recipientKey: first.recipientKey }, WRONG, T0 + 7)).toEqual({
        result: 'SUCCESS',
        challengeId: second.challengeId,
        recipientKey: first.recipientKey,
        channel: 'sms',
      });
    });
  });

  describe('check', () => {
    it('follows Altinn’s OTP example: INVALID_OTP with attempts left, then TOO_MANY_ATTEMPTS even for the right code', async () => {
      const c = challenge();
      await store.begin(c, LIMITS, T0);
      const byId = { challengeId: c.challengeId };
      const known = { challengeId: c.challengeId, recipientKey: c.recipientKey, channel: 'sms' };
      expect(await store.check(byId, WRONG, T0 + 1)).toEqual({
        result: 'INVALID_OTP',
        attemptsLeft: 2,
        ...known,
      });
      expect(await peer.check(byId, WRONG, T0 + 2)).toEqual({
        result: 'INVALID_OTP',
        attemptsLeft: 1,
        ...known,
      });
      expect(await store.check(byId, WRONG, T0 + 3)).toEqual({
        result: 'INVALID_OTP',
        attemptsLeft: 0,
        ...known,
      });
      expect(await peer.check(byId, HASH, T0 + 4)).toEqual({ result: 'TOO_MANY_ATTEMPTS', ...known });
    });

    it('accepts the right code once (single use), by id or by recipient', async () => {
      const a = challenge();
      const b = challenge();
      await store.begin(a, LIMITS, T0);
      await store.begin(b, LIMITS, T0);
      expect((await peer.check({ challengeId: a.challengeId }, HASH, T0 + 1)).result).toBe('SUCCESS');
      expect((await store.check({ challengeId: a.challengeId }, HASH, T0 + 2)).result).toBe('NO_OTP_FOUND');
      expect((await store.check({ recipientKey: a.recipientKey }, HASH, T0 + 2)).result).toBe('NO_OTP_FOUND');
      expect((await peer.check({ recipientKey: b.recipientKey }, HASH, T0 + 3)).result).toBe('SUCCESS');
      expect((await store.check({ challengeId: b.challengeId }, HASH, T0 + 4)).result).toBe('NO_OTP_FOUND');
    });

    it('is valid up to expiresAt and OTP_EXPIRED after it, without counting an attempt', async () => {
      const c = challenge();
      await store.begin(c, LIMITS, T0);
      const byId = { challengeId: c.challengeId };
      expect((await store.check(byId, HASH, c.expiresAt + 1)).result).toBe('OTP_EXPIRED');
      expect((await peer.check(byId, HASH, c.expiresAt + 60_000)).result).toBe('OTP_EXPIRED');
      expect((await store.check(byId, HASH, c.expiresAt)).result).toBe('SUCCESS');
    });

    it('answers NO_OTP_FOUND for unknown ids and recipients', async () => {
      expect(await store.check({ challengeId: randomUUID() }, HASH, T0)).toEqual({ result: 'NO_OTP_FOUND' });
      expect(await store.check({ recipientKey: 'rk-nobody' }, HASH, T0)).toEqual({ result: 'NO_OTP_FOUND' });
    });

    it('two instances racing with the right code: exactly one SUCCESS', async () => {
      const c = challenge({ maxAttempts: 10 });
      await store.begin(c, LIMITS, T0);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? peer : store).check({ challengeId: c.challengeId }, HASH, T0 + 1),
        ),
      );
      const counts = tally(results.map((r) => r.result));
      expect(counts).toEqual({ SUCCESS: 1, NO_OTP_FOUND: 9 });
    });

    it('two instances racing with wrong codes: never more than maxAttempts guesses in total', async () => {
      const c = challenge();
      await store.begin(c, LIMITS, T0);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? peer : store).check({ recipientKey: c.recipientKey }, WRONG, T0 + 1),
        ),
      );
      expect(tally(results.map((r) => r.result))).toEqual({ INVALID_OTP: 3, TOO_MANY_ATTEMPTS: 17 });
      expect(
        results
          .filter((r) => r.result === 'INVALID_OTP')
          .map((r) => r.attemptsLeft)
          .sort(),
      ).toEqual([0, 1, 2]);
    });
  });

  describe('races on begin', () => {
    it('many new challenges for one recipient at once: exactly one is created', async () => {
      const rk = `rk-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? peer : store).begin(challenge({ recipientKey: rk }), LIMITS, T0),
        ),
      );
      expect(tally(results.map((r) => r.status))).toEqual({ created: 1, cooldown: 9 });
    });

    it('the same new id from two instances at once: one created, the other gets the same challenge', async () => {
      const c = challenge();
      const [a, b] = await Promise.all([
        store.begin(c, LIMITS, T0),
        peer.begin({ ...c, nonce: 'x' }, LIMITS, T0),
      ]);
      expect([a.status, b.status].sort()).toEqual(['created', 'existing']);
      const winner = a.status === 'created' ? c : { ...c, nonce: 'x' };
      expect(a.status === 'cooldown' || b.status === 'cooldown').toBe(false);
      expect((a as { challenge: OtpChallengeRecord }).challenge.nonce).toBe(winner.nonce);
      expect((b as { challenge: OtpChallengeRecord }).challenge.nonce).toBe(winner.nonce);
    });
  });

  describe('discard', () => {
    it('removes the challenge and the recipient’s pointer to it', async () => {
      const c = challenge();
      await store.begin(c, LIMITS, T0);
      await peer.discard(c.challengeId);
      expect((await store.check({ challengeId: c.challengeId }, HASH, T0)).result).toBe('NO_OTP_FOUND');
      expect((await store.check({ recipientKey: c.recipientKey }, HASH, T0)).result).toBe('NO_OTP_FOUND');
      await expect(store.discard(randomUUID())).resolves.toBeUndefined();
    });
  });
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
