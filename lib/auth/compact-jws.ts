import { sign, type KeyObject } from 'node:crypto';
import type { GRANT_ALGORITHMS } from './maskinporten.constants.js';

/** @internal RSASSA-PKCS1-v1_5 with these hashes is RS256/384/512 (RFC 7518, section 3.3). */
const HASHES: Record<(typeof GRANT_ALGORITHMS)[number], string> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
};

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const encode = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * @internal A compact JWS (RFC 7515, section 7.1): base64url header and payload, signed by node:crypto. Signing
 * runs on libuv's thread pool, off the event loop.
 */
export function signCompactJws(
  header: { alg: (typeof GRANT_ALGORITHMS)[number] } & Record<string, unknown>,
  payload: object,
  key: KeyObject,
): Promise<string> {
  const input = `${encode(header)}.${encode(payload)}`;
  return new Promise((resolve, reject) => {
    sign(HASHES[header.alg], Buffer.from(input, 'ascii'), key, (err, signature) => {
      if (err) reject(err);
      else resolve(`${input}.${signature.toString('base64url')}`);
    });
  });
}

/**
 * @internal The claims of a compact JWT, not verified: the Altinn token is Altinn's to check, we only read its
 * `exp`. Throws when the text is not three base64url parts with a JSON object in the middle.
 */
export function readJwtClaims(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    throw new TypeError('not a compact JWT');
  }
  const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new TypeError('the JWT payload is not a JSON object');
  }
  return claims as Record<string, unknown>;
}
