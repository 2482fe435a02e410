import { createHmac } from 'node:crypto';

/**
 * Keyed hash of a normalised recipient for logs and audit records: HMAC-SHA256 with the key, first 16 hex
 * characters. Keyed because Norwegian mobile numbers are a space of 10^8: a bare SHA-256 of one is reversed by
 * brute force in seconds.
 */
export function hashRecipient(key: string, recipient: string): string {
  return createHmac('sha256', key).update(recipient.trim().toLowerCase()).digest('hex').slice(0, 16);
}
