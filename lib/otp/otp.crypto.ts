import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { OtpChallengeRecord } from './otp-store.interfaces.js';

/**
 * @internal The service's keyed hashes. One sub-key per purpose (HKDF), so a value made for one purpose (an
 * idempotencyId seen in Altinn's logs, a recipient hash in ours) says nothing about another (the code).
 */
export class OtpKeys {
  readonly #derive: Buffer;
  readonly #code: Buffer;
  readonly #recipient: Buffer;
  readonly #idempotency: Buffer;

  constructor(secret: Buffer) {
    const sub = (purpose: string) =>
      Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `altinn-otp/${purpose}`, 32));
    this.#derive = sub('code-derivation');
    this.#code = sub('code-hash');
    this.#recipient = sub('recipient');
    this.#idempotency = sub('idempotency');
  }

  /**
   * The code of a challenge: uniform over `length` digits, from HMAC(secret, challengeId ‖ nonce) by rejection
   * sampling. Derived rather than stored, so a retried send re-sends the same code while the store holds only
   * its hash; the randomness is the challenge's 128-bit nonce from `crypto.randomBytes`.
   */
  deriveCode(challenge: Pick<OtpChallengeRecord, 'challengeId' | 'nonce'>, length: number): string {
    const modulus = 10 ** length;
    // 48-bit chunks: 2^48 > 10^10, and the largest multiple of the modulus below 2^48 keeps the draw uniform.
    const limit = Math.floor(2 ** 48 / modulus) * modulus;
    for (let round = 0; ; round++) {
      const bytes = hmac(this.#derive, `${challenge.challengeId}\n${challenge.nonce}\n${round}`);
      for (let i = 0; i + 6 <= bytes.length; i += 6) {
        const value = bytes.readUIntBE(i, 6);
        if (value < limit) return String(value % modulus).padStart(length, '0');
      }
    }
  }

  /** Keyed hash of a code: without the secret, a leaked store does not give the codes up to brute force. */
  hashCode(code: string): string {
    return hmac(this.#code, code).toString('hex');
  }

  /** Keyed hash of channel and normalised recipient: the store's and the logs' name for a recipient. */
  recipientKey(channel: string, normalisedRecipient: string): string {
    return hmac(this.#recipient, `${channel}\n${normalisedRecipient}`).toString('hex').slice(0, 32);
  }

  /** Same challenge → same idempotencyId, so Altinn sends one message however often the send is retried. */
  idempotencyId(challenge: Pick<OtpChallengeRecord, 'challengeId' | 'nonce' | 'channel'>): string {
    const mac = hmac(this.#idempotency, `${challenge.channel}\n${challenge.challengeId}\n${challenge.nonce}`);
    return `otp-${challenge.channel}-${mac.toString('base64url').slice(0, 32)}`;
  }
}

/** @internal Constant-time equality of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  // Unequal lengths only happen with a corrupt record; compare anyway so the timing does not depend on the input.
  return timingSafeEqual(x.length === y.length ? x : y, y) && x.length === y.length;
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
