import { Inject, Injectable } from '@nestjs/common';
import { ALTINN_PATHS, ALTINN_RESOLVED_OPTIONS } from './altinn-notifications.constants.js';
import type {
  AltinnChannel,
  AltinnSendOptions,
  InstantOrderResult,
} from './altinn-notifications.interfaces.js';
import { AuditRecorder, type AuditEntry } from './audit/audit.recorder.js';
import type { InstantEmailOrder, InstantSmsOrder } from './dto/order.interfaces.js';
import { toWireEmailOrder, toWireSmsOrder } from './dto/order.validation.js';
import {
  AltinnApiError,
  AltinnNotificationsError,
  AltinnRequestError,
} from './errors/altinn-notifications.error.js';
import { AltinnHttpClient } from './http/altinn-http.client.js';
import type { AltinnResponse } from './http/request-context.js';
import { hashRecipient } from './http/recipient-hash.js';
import type { ResolvedOptions } from './options/resolve-options.js';
import type { AltinnShipment } from './shipment/shipment.interfaces.js';
import { checkShipmentId, toShipment } from './shipment/shipment.parser.js';

interface Send {
  channel: AltinnChannel;
  path: string;
  body: { idempotencyId: string; sendersReference?: string };
  recipient: string;
}

/** Sends instant SMS and email through Altinn Notifications. */
@Injectable()
export class AltinnNotificationsService {
  /** Calls in flight by idempotencyId: two concurrent first requests make Altinn send twice (contract §5). */
  private readonly inFlight = new Map<string, Promise<InstantOrderResult>>();

  constructor(
    @Inject(ALTINN_RESOLVED_OPTIONS) private readonly options: ResolvedOptions,
    private readonly client: AltinnHttpClient,
    private readonly audit: AuditRecorder,
  ) {}

  /** `POST /future/orders/instant/sms`. Rejects with `AltinnValidationError` before any network call. */
  sendInstantSms(order: InstantSmsOrder, options?: AltinnSendOptions): Promise<InstantOrderResult> {
    return this.dispatch(() => {
      const body = toWireSmsOrder(
        order,
        this.options.phonePolicy,
        this.options.defaults,
        this.options.maxSmsSegments,
      );
      return { channel: 'sms', path: ALTINN_PATHS.sms, body, recipient: body.recipientSms.phoneNumber };
    }, options);
  }

  /** `POST /future/orders/instant/email`. Rejects with `AltinnValidationError` before any network call. */
  sendInstantEmail(order: InstantEmailOrder, options?: AltinnSendOptions): Promise<InstantOrderResult> {
    return this.dispatch(() => {
      const body = toWireEmailOrder(order, this.options.defaults);
      return {
        channel: 'email',
        path: ALTINN_PATHS.email,
        body,
        recipient: body.recipientEmail.emailAddress,
      };
    }, options);
  }

  /**
   * Every local check `sendInstantSms` makes (Altinn's rules, phone policy, segment cap), and nothing sent:
   * throws `AltinnValidationError`. For callers that must refuse before spending something, e.g. a rate limit.
   */
  checkInstantSms(order: InstantSmsOrder): void {
    toWireSmsOrder(order, this.options.phonePolicy, this.options.defaults, this.options.maxSmsSegments);
  }

  /** Every local check `sendInstantEmail` makes, and nothing sent: throws `AltinnValidationError`. */
  checkInstantEmail(order: InstantEmailOrder): void {
    toWireEmailOrder(order, this.options.defaults);
  }

  /**
   * `GET /future/shipment/{id}`: where the message is now (`SMS_New` … `SMS_Delivered`). Rejects with
   * `AltinnValidationError` for a non-GUID id, and `AltinnApiError` `NOT-00003` (404) for an unknown shipment.
   */
  async getShipment(shipmentId: string, options: AltinnSendOptions = {}): Promise<AltinnShipment> {
    const path = ALTINN_PATHS.shipment + checkShipmentId(shipmentId);
    const response = await this.client.execute({ method: 'GET', path, context: {}, signal: options.signal });
    return toShipment(response, path);
  }

  /**
   * Validation errors reject rather than throw, as from an async method; written out because an async method that
   * returns the send's promise costs every send three more turns of the microtask queue.
   */
  private dispatch(build: () => Send, options: AltinnSendOptions = {}): Promise<InstantOrderResult> {
    let send: Send;
    try {
      send = build();
    } catch (err) {
      return Promise.reject(err);
    }
    return this.send(send, options);
  }

  /** A second call with an id already in flight shares the first call's request and result. */
  private send(send: Send, options: AltinnSendOptions): Promise<InstantOrderResult> {
    const id = send.body.idempotencyId;
    const pending = this.inFlight.get(id);
    if (pending) return options.signal ? untilAborted(pending, options.signal, send.path) : pending;
    // sendOnce removes the entry when it ends, which cannot happen before the entry is set: it awaits first.
    const call = this.sendOnce(send, options);
    this.inFlight.set(id, call);
    return call;
  }

  private async sendOnce(send: Send, options: AltinnSendOptions): Promise<InstantOrderResult> {
    const started = performance.now();
    const { idempotencyId, sendersReference } = send.body;
    const recipientHash = this.audit.wantsRecipientHash
      ? hashRecipient(this.options.recipientHashKey, send.recipient)
      : '';
    const base = { channel: send.channel, recipientHash, idempotencyId, sendersReference };
    // No promise to wait for unless `onAudit` returned one: a send takes no extra turn of the event loop.
    const audit = (outcome: Omit<AuditEntry, keyof typeof base | 'durationMs'>) =>
      this.audit.record({ ...base, durationMs: Math.round(performance.now() - started), ...outcome });
    try {
      const response = await this.client.execute({
        method: 'POST',
        path: send.path,
        body: send.body,
        context: { channel: send.channel, idempotencyId, recipientHash },
        signal: options.signal,
      });
      const result = toResult(response, idempotencyId, send.path);
      const pending = audit({
        result: result.created ? 'created' : 'replayed',
        status: response.status,
        attempts: response.attempts,
        notificationOrderId: result.notificationOrderId,
        shipmentId: result.notification.shipmentId,
      });
      if (pending) await pending;
      return result;
    } catch (err) {
      const e = err as AltinnNotificationsError & Partial<AltinnApiError>;
      const pending = audit({
        result: 'failed',
        // Altinn Notifications' own status only: an AltinnAuthError's status is the token call's.
        status: err instanceof AltinnApiError ? err.status : undefined,
        error: e.code ? `${e.name} ${e.code}` : e.name,
        attempts: e.attempts ?? 1,
      });
      if (pending) await pending;
      throw err;
    } finally {
      this.inFlight.delete(idempotencyId);
    }
  }
}

/** A joining caller's own signal ends its wait; the shared request goes on for the caller that started it. */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal, path: string): Promise<T> {
  const aborted = () =>
    new AltinnRequestError('aborted', { method: 'POST', path, attempts: 0, detail: 'aborted by the caller' });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    void pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function toResult(response: AltinnResponse, idempotencyId: string, path: string): InstantOrderResult {
  const data = response.data as {
    notificationOrderId?: unknown;
    notification?: { shipmentId?: unknown; sendersReference?: unknown };
  };
  if (typeof data?.notificationOrderId !== 'string' || typeof data.notification?.shipmentId !== 'string') {
    throw new AltinnApiError({
      status: response.status,
      method: 'POST',
      path,
      attempts: response.attempts,
      detail: 'Altinn answered without notificationOrderId and shipmentId',
    });
  }
  const { shipmentId, sendersReference } = data.notification;
  return {
    notificationOrderId: data.notificationOrderId,
    notification: { shipmentId, ...(typeof sendersReference === 'string' && { sendersReference }) },
    idempotencyId,
    created: response.status === 201,
  };
}
