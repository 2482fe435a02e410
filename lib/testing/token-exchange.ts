import type { IncomingMessage } from 'node:http';
import { bearerToken, emptyReply, jsonReply, textReply, traceId, type Reply } from './simulator.http.js';
import type { JwtClaims } from './simulator.jws.js';
import { altinnClaims, type SigningKey } from './simulator.tokens.js';

export interface ExchangeSetup {
  maskinportenIssuer: string;
  maskinportenKey: SigningKey;
  altinnIssuer: string;
  altinnKey: SigningKey;
  org: string;
  lifetimeSeconds: number;
}

/** Claims the exchange does not carry over from the Maskinporten token. */
const DROPPED = new Set(['aud', 'client_amr', 'iss', 'sid', 'iat', 'nbf', 'exp']);

/** JSON when `Accept` prefers `application/json` over `text/plain`, as ASP.NET negotiates a string result. */
function wantsJson(accept: string | undefined): boolean {
  let best: { json: boolean; q: number } | undefined;
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    if (type !== 'application/json' && type !== 'text/plain') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!best || q > best.q) best = { json: type === 'application/json', q };
  }
  return best?.json ?? false;
}

/** `GET /authentication/api/v1/exchange/{provider}`: Maskinporten token in, Altinn token out. */
export async function exchangeToken(
  setup: ExchangeSetup,
  req: IncomingMessage,
  provider: string,
): Promise<{ reply: Reply; exchanged: boolean }> {
  if (req.headers['x-altinn-enterpriseuser-authentication'] !== undefined) {
    const gone = { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.11', title: 'Gone', status: 410 };
    return { reply: jsonReply(410, { ...gone, traceId: traceId() }), exchanged: false };
  }
  if (provider.toLowerCase() !== 'maskinporten') {
    return { reply: textReply(400, 'Invalid token provider'), exchanged: false };
  }
  const token = bearerToken(req);
  const mp = token
    ? await setup.maskinportenKey.verify(token, {
        clockToleranceSeconds: 10,
        issuer: setup.maskinportenIssuer,
      })
    : null;
  const orgNumber = mp ? consumerOrgNumber(mp) : undefined;
  if (!mp || orgNumber === undefined) return { reply: emptyReply(401), exchanged: false };

  const scope = typeof mp.scope === 'string' ? mp.scope : '';
  const extra: JwtClaims = {};
  for (const [name, value] of Object.entries(mp)) if (!DROPPED.has(name)) extra[name] = value;
  const claims = altinnClaims({
    issuer: setup.altinnIssuer,
    scope,
    org: scope.includes('altinn:serviceowner') ? setup.org : null,
    orgNumber,
    extra,
  });
  const altinnToken = await setup.altinnKey.sign(claims, setup.lifetimeSeconds);
  const reply = wantsJson(req.headers.accept)
    ? jsonReply(200, altinnToken)
    : textReply(200, altinnToken, 'text/plain; charset=utf-8');
  return { reply, exchanged: true };
}

/** The org number from `consumer` (`iso6523-actorid-upis`, `0192:<orgno>`); undefined when malformed. */
function consumerOrgNumber(payload: JwtClaims): string | undefined {
  const consumer = payload.consumer as { authority?: unknown; ID?: unknown } | undefined;
  if (!consumer || consumer.authority !== 'iso6523-actorid-upis' || typeof consumer.ID !== 'string')
    return undefined;
  const separator = consumer.ID.indexOf(':');
  const orgNumber = separator >= 0 ? consumer.ID.slice(separator + 1) : '';
  return orgNumber.length > 0 ? orgNumber : undefined;
}
