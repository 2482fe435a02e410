import { randomUUID } from 'node:crypto';
import { AltinnConfigurationError, InMemoryOtpStore, type OtpChallengeRecord } from '../../lib/index.js';
import { otpStoreContract } from './otp-store.contract.js';

describe('InMemoryOtpStore', () => {
  otpStoreContract(async () => {
    const store = new InMemoryOtpStore();
    return { store, peer: store };
  });

  describe('maxRecipients', () => {
    const T0 = 1_700_000_000_000;
    const LIMITS = { cooldownMs: 60_000, maxSends: 3, windowMs: 600_000 };
    const challenge = (recipientKey: string, at = T0): OtpChallengeRecord => ({
      challengeId: randomUUID(),
      recipientKey,
      channel: 'sms',
      codeHash: 'a'.repeat(64),
      nonce: randomUUID(),
      createdAt: at,
      expiresAt: at + 300_000,
      maxAttempts: 3,
    });

    it('refuses a new recipient when full, serves the ones it has, and makes room as entries age out', async () => {
      const store = new InMemoryOtpStore({ maxRecipients: 3 });
      for (const rk of ['a', 'b', 'c']) {
        expect((await store.begin(challenge(rk), LIMITS, T0)).status).toBe('created');
      }
      expect(await store.begin(challenge('d'), LIMITS, T0 + 1)).toEqual({
        status: 'limit',
        retryAfterMs: 60_000,
      });
      // A recipient already tracked still gets its next code after the cooldown.
      expect((await store.begin(challenge('a', T0 + 60_000), LIMITS, T0 + 60_000)).status).toBe('created');
      // Once the window of the first sends has passed, their counters go, and a new recipient fits again.
      expect((await store.begin(challenge('d', T0 + 600_001), LIMITS, T0 + 600_001)).status).toBe('created');
    });

    it('a full store rescans at most once a second, so a flood at capacity costs no full scan per call', async () => {
      const store = new InMemoryOtpStore({ maxRecipients: 1 });
      await store.begin(challenge('a'), LIMITS, T0); // its counter may go at T0 + 600 000
      expect((await store.begin(challenge('b'), LIMITS, T0 + 599_500)).status).toBe('limit'); // scanned: 'a' stays
      // 'a' could go now, but the last scan was 0.7 s ago: refused without one.
      expect((await store.begin(challenge('c'), LIMITS, T0 + 600_200)).status).toBe('limit');
      // A second after that scan, the next call scans again and finds the room.
      expect((await store.begin(challenge('d'), LIMITS, T0 + 600_600)).status).toBe('created');
    });

    it('rejects a maxRecipients that is not a positive integer', () => {
      expect(() => new InMemoryOtpStore({ maxRecipients: 0 })).toThrow(AltinnConfigurationError);
      expect(() => new InMemoryOtpStore({ maxRecipients: 1.5 })).toThrow(/positive integer/);
    });
  });
});
