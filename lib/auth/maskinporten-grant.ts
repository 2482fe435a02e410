import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { GRANT_LIFETIME_SECONDS } from './maskinporten.constants.js';
import type { ResolvedMaskinportenOptions } from './maskinporten-options.js';

type GrantSigner = Pick<
  ResolvedMaskinportenOptions,
  'clientId' | 'key' | 'keyId' | 'x5c' | 'scope' | 'algorithm' | 'audience'
>;

/**
 * @internal A fresh JWT grant for one Maskinporten call: Maskinporten refuses a reused `jti` and any claim outside
 * its spec, so this holds exactly `aud`, `iss`, `scope`, `iat`, `exp` and `jti`. `iat` is the real clock: it must be
 * within 10 s of Maskinporten's.
 */
export function signGrant(o: GrantSigner): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: o.scope })
    .setProtectedHeader(o.x5c ? { alg: o.algorithm, x5c: o.x5c } : { alg: o.algorithm, kid: o.keyId })
    .setAudience(o.audience)
    .setIssuer(o.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + GRANT_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(o.key);
}
