import type { IncomingMessage } from 'node:http';
import type { SimulatorContext } from './simulator.context.js';
import { bearerToken, cookieToken, emptyReply, type Reply } from './simulator.http.js';
import { CREATE_SCOPE, hasScope } from './simulator.tokens.js';

/** The caller as the API sees it after authentication and the scope policy. */
export interface Caller {
  /** `urn:altinn:org`; the controller answers 403 later when it is missing. */
  org?: string;
}

/**
 * JWT bearer (or `AltinnStudioRuntime` cookie) checked like the Notifications API does: signature by the
 * platform key and lifetime with zero clock skew (401, empty body), then the create scope (403, empty body).
 */
export async function authorize(ctx: SimulatorContext, req: IncomingMessage): Promise<Caller | Reply> {
  const token = bearerToken(req) ?? cookieToken(req);
  const payload = token ? await ctx.altinnKey.verify(token, { clockToleranceSeconds: 0 }) : null;
  if (!payload) return emptyReply(401, { 'www-authenticate': 'Bearer' });
  if (!hasScope(payload, CREATE_SCOPE)) return emptyReply(403);
  const org = payload['urn:altinn:org'];
  return { org: typeof org === 'string' && org.length > 0 ? org : undefined };
}

export function isReply(value: Caller | Reply): value is Reply {
  return 'status' in value;
}
