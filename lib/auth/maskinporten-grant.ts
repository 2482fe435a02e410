import { randomUUID } from 'node:crypto';
import { signCompactJws } from './compact-jws.js';
import { GRANT_LIFETIME_SECONDS } from './maskinporten.constants.js';
import type { ResolvedMaskinportenOptions } from './maskinporten-options.js';

type GrantSigner = Pick<
  ResolvedMaskinportenOptions,
  'clientId' | 'key' | 'keyId' | 'x5c' | 'scope' | 'algorithm' | 'audience'
>;

/**
 * @internal A fresh JWT grant for one Maskinporten call: Maskinporten refuses a reused `jti` and any claim outside
 * its spec, so this holds exactly `aud`, `iss`, `scope`, `iat`, `exp` and `jti`. `iat` is the real clock: it must be
 * within 10 s of Maskinporten's. https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_token
 */
export function signGrant(o: GrantSigner): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const header = o.x5c ? { alg: o.algorithm, x5c: o.x5c } : { alg: o.algorithm, kid: o.keyId };
  const claims = {
    aud: o.audience,
    iss: o.clientId,
    scope: o.scope,
    iat,
    exp: iat + GRANT_LIFETIME_SECONDS,
    jti: randomUUID(),
  };
  return signCompactJws(header, claims, o.key);
}
