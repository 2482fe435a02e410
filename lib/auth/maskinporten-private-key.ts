import { createPrivateKey, X509Certificate, type JsonWebKey, type KeyObject } from 'node:crypto';
import { MIN_RSA_MODULUS_BITS } from './maskinporten.constants.js';
import { AltinnConfigurationError } from '../errors/altinn-configuration.error.js';
import { maskinportenOptionError } from './maskinporten-option.error.js';

/** @internal The signing key, ready for node:crypto's sign, and the `kid` a JWK carried (if any). */
export interface LoadedKey {
  key: KeyObject;
  jwkKid?: string;
}

/**
 * @internal Reads a PEM (PKCS#8 or PKCS#1) or a JWK (object or JSON string) with node:crypto.
 * Errors say what was wrong with the shape, never anything from the value: the key must not reach a log.
 */
export function loadPrivateKey(input: unknown): LoadedKey {
  const jwk = asJwk(input);
  let key: KeyObject;
  try {
    key = jwk ? createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }) : createPrivateKey(pemOf(input));
  } catch (err) {
    if (err instanceof AltinnConfigurationError) throw err;
    const what = jwk ? 'a private RSA JWK (with "d", "p", "q", …)' : 'a PEM private key (PKCS#8 or PKCS#1)';
    throw maskinportenOptionError('privateKey', `could not be read as ${what}`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw maskinportenOptionError(
      'privateKey',
      'must be an RSA key: Maskinporten signs with RS256/RS384/RS512',
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_MODULUS_BITS) {
    throw maskinportenOptionError('privateKey', `must be at least ${MIN_RSA_MODULUS_BITS} bits (RFC 7518)`);
  }
  const kid = jwk && typeof jwk.kid === 'string' && jwk.kid !== '' ? jwk.kid : undefined;
  return { key, jwkKid: kid };
}

function asJwk(input: unknown): Record<string, unknown> | undefined {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return input as Record<string, unknown>;
  }
  if (typeof input === 'string' && input.trim().startsWith('{')) {
    try {
      return JSON.parse(input) as Record<string, unknown>;
    } catch {
      throw maskinportenOptionError('privateKey', 'looks like a JWK JSON string but is not valid JSON');
    }
  }
  return undefined;
}

/** Environment variables often hold PEMs with literal `\n`; accept those too. */
function pemOf(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw maskinportenOptionError('privateKey', 'is required: a PEM string or a JWK');
  }
  const pem = input.includes('\\n') ? input.replace(/\\n/g, '\n') : input;
  if (!pem.includes('-----BEGIN')) {
    throw maskinportenOptionError('privateKey', 'must be a PEM (-----BEGIN PRIVATE KEY-----) or a JWK');
  }
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || pem.includes('Proc-Type: 4,ENCRYPTED')) {
    throw maskinportenOptionError(
      'privateKey',
      'is encrypted: give the decrypted PEM (keep it in a secret store)',
    );
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) {
    throw maskinportenOptionError(
      'privateKey',
      'must be a private key PEM (a public key or certificate was given)',
    );
  }
  return pem;
}

/**
 * @internal The `x5c` header: base64 DER certificates, leaf first. Accepts that array as is, or PEM text holding one
 * or more certificates. The leaf must belong to the private key, so a mismatch fails at start-up, not at Maskinporten.
 */
export function loadCertificateChain(input: unknown, key: KeyObject): string[] {
  const certs = parseChain(input);
  if (!certs[0].checkPrivateKey(key)) {
    throw maskinportenOptionError(
      'certificateChain',
      'does not match privateKey (the first certificate must be the leaf)',
    );
  }
  return certs.map((c) => c.raw.toString('base64'));
}

function parseChain(input: unknown): X509Certificate[] {
  const parts =
    typeof input === 'string'
      ? (input.replace(/\\n/g, '\n').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ??
        [])
      : Array.isArray(input)
        ? input
        : [];
  if (parts.length === 0) {
    throw maskinportenOptionError(
      'certificateChain',
      'must be PEM certificates or an array of base64 DER certificates (x5c), leaf first',
    );
  }
  return parts.map((part, i) => {
    try {
      if (typeof part !== 'string') throw new TypeError('not a string');
      return new X509Certificate(part.includes('-----BEGIN') ? part : Buffer.from(part, 'base64'));
    } catch {
      throw maskinportenOptionError('certificateChain', `entry ${i} is not a readable X.509 certificate`);
    }
  });
}
