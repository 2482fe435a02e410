import { randomBytes } from 'node:crypto';
import { OtpKeys } from '../../lib/otp/otp.crypto.js';

const keys = new OtpKeys(Buffer.from('k'.repeat(32)));
const other = new OtpKeys(Buffer.from('j'.repeat(32)));

describe('OtpKeys (keyed hashes of the OTP service)', () => {
  it('derives the same code for the same challenge and nonce, and another for another nonce or secret', () => {
    const c = { challengeId: 'c1', nonce: 'n1' };
    expect(keys.deriveCode(c, 6)).toBe(keys.deriveCode({ ...c }, 6));
    const variants = new Set([
      keys.deriveCode(c, 10),
      keys.deriveCode({ ...c, nonce: 'n2' }, 10),
      keys.deriveCode({ ...c, challengeId: 'c2' }, 10),
      other.deriveCode(c, 10),
    ]);
    expect(variants.size).toBe(4);
  });

  it.each([6, 7, 8, 9, 10])('gives %i digits, leading zeros kept', (length) => {
    for (let i = 0; i < 200; i++) {
      expect(keys.deriveCode({ challengeId: 'c', nonce: String(i) }, length)).toMatch(
        new RegExp(`^\\d{${length}}$`),
      );
    }
  });

  it('is uniform: every digit position is flat (chi-square over 20 000 codes)', () => {
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const code = keys.deriveCode({ challengeId: 'uniform', nonce: randomBytes(8).toString('hex') }, 6);
      [...code].forEach((d, pos) => counts[pos][Number(d)]++);
    }
    for (const position of counts) {
      const chi = position.reduce((sum, observed) => sum + (observed - n / 10) ** 2 / (n / 10), 0);
      // 9 degrees of freedom: p = 0.0001 at 33.7; a biased draw (e.g. a plain modulo of one byte) lands far above.
      expect(chi).toBeLessThan(33.7);
    }
  });

  it('hashes codes with the secret, and compares hashes only', () => {
    expect(keys.hashCode('123456')).toBe(keys.hashCode('123456'));
    expect(keys.hashCode('123456')).not.toBe(other.hashCode('123456'));
    expect(keys.hashCode('123456')).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.hashCode('123456')).not.toContain('123456');
  });

  it('names a recipient by a keyed hash per channel', () => {
    const sms = keys.recipientKey('sms', '+4799999999');
    expect(sms).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.recipientKey('email', '+4799999999')).not.toBe(sms);
    expect(other.recipientKey('sms', '+4799999999')).not.toBe(sms);
  });

  it('derives one idempotencyId per challenge and channel', () => {
    const c = { challengeId: 'c1', nonce: 'n1', channel: 'sms' as const };
    expect(keys.idempotencyId(c)).toBe(keys.idempotencyId({ ...c }));
    expect(keys.idempotencyId(c)).toMatch(/^otp-sms-[A-Za-z0-9_-]{32}$/);
    expect(keys.idempotencyId({ ...c, channel: 'email' })).toMatch(/^otp-email-/);
    expect(keys.idempotencyId({ ...c, nonce: 'n2' })).not.toBe(keys.idempotencyId(c));
  });
});
