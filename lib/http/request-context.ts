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
