import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** The key as a KeyObject, made once: `createHmac` with a string key imports it again on every call. */
let cached: { key: string; keyObject: KeyObject } | undefined;

/**
 * Keyed hash of a normalised recipient for logs and audit records. Keyed because Norwegian mobile numbers are a
 * space of 10^8: a bare SHA-256 of one is reversed by brute force in seconds.
 */
export function hashRecipient(key: string, recipient: string): string {
  if (cached?.key !== key) cached = { key, keyObject: createSecretKey(Buffer.from(key, 'utf8')) };
  return createHmac('sha256', cached.keyObject)
    .update(recipient.trim().toLowerCase())
    .digest('hex')
    .slice(0, 16);
}
