import type { InternalAxiosRequestConfig } from 'axios';
import type { AltinnChannel } from '../altinn-notifications.interfaces.js';

/** @internal What the interceptors may know of a call: never the body, the token or a raw recipient. */
export interface RequestContext {
  channel?: AltinnChannel;
  idempotencyId?: string;
  recipientHash?: string;
  attempt: number;
  startedAt?: number;
}

/** @internal Axios keeps unknown config keys, so the context rides along on the request config. */
export interface AltinnAxiosConfig extends InternalAxiosRequestConfig {
  altinn?: RequestContext;
}

/** @internal One Altinn call as the service describes it. */
export interface AltinnRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  context: Omit<RequestContext, 'attempt'>;
  signal?: AbortSignal;
}

/** @internal A 2xx answer with its JSON body. */
export interface AltinnResponse {
  status: number;
  data: unknown;
  attempts: number;
}
