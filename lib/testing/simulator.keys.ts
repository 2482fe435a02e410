import { createPublicKey, KeyObject, X509Certificate, type JsonWebKey, type webcrypto } from 'node:crypto';
import type { SimulatorPublicKey } from './simulator.interfaces.js';

/** Turns any accepted public-key form (a private key works too) into a public Node KeyObject. */
export function toPublicKeyObject(key: SimulatorPublicKey): KeyObject {
  if (typeof key === 'string') {
    return key.includes('BEGIN CERTIFICATE') ? new X509Certificate(key).publicKey : createPublicKey(key);
  }
  if (key instanceof KeyObject) return key.type === 'public' ? key : createPublicKey(key);
  if ('usages' in key && 'algorithm' in key) {
    return toPublicKeyObject(KeyObject.from(key as unknown as webcrypto.CryptoKey));
  }
  return createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
}

/** The public key of the first certificate of an `x5c` chain (base64 DER, not base64url). */
export function certificateKey(x5c: unknown): KeyObject | undefined {
  if (!Array.isArray(x5c) || x5c.length === 0 || typeof x5c[0] !== 'string') return undefined;
  try {
    return new X509Certificate(Buffer.from(x5c[0], 'base64')).publicKey;
  } catch {
    return undefined;
  }
}

export function sameKey(a: KeyObject, b: KeyObject): boolean {
  return a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
}
