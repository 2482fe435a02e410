import type { InternalAxiosRequestConfig } from 'axios';
import type { AltinnSendKind } from '../altinn-notifications.constants.js';

/** @internal What the interceptors may know of a call: never the body, the token or a raw recipient. */
export interface CallContext {
  channel?: AltinnSendKind;
  idempotencyId?: string;
  recipientHash?: string;
}

/**
 * @internal One attempt's context, riding along on the axios config (axios keeps unknown keys). A class, not an
 * object literal: axios deep-copies plain objects of a config on every request, and passes instances as they are.
 */
export class RequestContext implements CallContext {
  readonly channel?: AltinnSendKind;
  readonly idempotencyId?: string;
  readonly recipientHash?: string;
  startedAt?: number;

  constructor(
    call: CallContext,
    readonly attempt: number,
  ) {
    this.channel = call.channel;
    this.idempotencyId = call.idempotencyId;
    this.recipientHash = call.recipientHash;
  }
}

/** @internal The module's axios config: the usual one plus the attempt's context. */
export interface AltinnAxiosConfig extends InternalAxiosRequestConfig {
  altinn?: RequestContext;
}

/** @internal One Altinn call as the service describes it. */
export interface AltinnRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  context: CallContext;
  signal?: AbortSignal;
  /** Values cut from any server text, also escaped or in part (`AltinnSendOptions.secrets`). */
  secrets?: readonly string[];
}

/** @internal A 2xx answer with its JSON body. */
export interface AltinnResponse {
  status: number;
  data: unknown;
  attempts: number;
}
