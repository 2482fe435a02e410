import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ALTINN_PATHS,
  ALTINN_RESOLVED_OPTIONS,
  type AltinnSendKind,
} from './altinn-notifications.constants.js';
import type { AltinnSendOptions, InstantOrderResult } from './altinn-notifications.interfaces.js';
import { AuditRecorder, type AuditEntry } from './audit/audit.recorder.js';
import type { InstantEmailOrder, InstantSmsOrder } from './dto/order.interfaces.js';
import { toWireEmailOrder, toWireSmsOrder } from './dto/order.validation.js';
import { warmUpValidation } from './dto/validation.warmup.js';
import { AltinnApiError } from './errors/altinn-notifications.error.js';
import { AltinnHttpClient } from './http/altinn-http.client.js';
import { hashRecipient } from './http/recipient-hash.js';
import { SharedCall } from './http/shared-call.js';
import type { AltinnResponse } from './http/request-context.js';
import type { ResolvedOptions } from './options/resolve-options.js';
import { AltinnOrderNotCancellableError } from './orders/order.errors.js';
import { traceOperation, traceSend } from './telemetry/altinn-tracing.js';
import { SPAN } from './telemetry/telemetry.constants.js';
import type {
  CancelOrderResult,
  CancelOrderTarget,
  NotificationOrder,
  NotificationOrderResult,
  SendOrderOptions,
} from './orders/order.interfaces.js';
import { orderReceipt, toCancelResult } from './orders/order.result.js';
import { orderPolicy, toWireOrder } from './orders/order.validation.js';
import type { AltinnShipment } from './shipment/shipment.interfaces.js';
import { checkShipmentId, toShipment } from './shipment/shipment.parser.js';

/** What the audit record says of a receipt. */
type Receipt = Pick<AuditEntry, 'notificationOrderId' | 'shipmentId'> & { created: boolean };

/** One validated order on its way out: where it goes, what the audit record names, how the answer is read. */
interface Send<R> {
  channel: AltinnSendKind;
  path: string;
  body: { idempotencyId: string; sendersReference?: string };
  recipient: string;
  parse: (
    response: AltinnResponse,
    sent: { path: string; idempotencyId: string },
  ) => {
    result: R;
    receipt: Receipt;
  };
}

/** Sends instant SMS and email and scheduled orders through Altinn Notifications; reads and cancels shipments. */
@Injectable()
export class AltinnNotificationsService implements OnApplicationBootstrap {
  /** Calls in flight by idempotencyId: two concurrent first requests would make Altinn send twice. */
  private readonly inFlight = new Map<string, SharedCall<unknown>>();

  constructor(
    @Inject(ALTINN_RESOLVED_OPTIONS) private readonly options: ResolvedOptions,
    private readonly client: AltinnHttpClient,
    private readonly audit: AuditRecorder,
  ) {}

  /** The validators' first run (metadata loading) happens at start-up, not on the first send. */
  onApplicationBootstrap(): void {
    warmUpValidation();
  }

  /** `POST /future/orders/instant/sms`. Rejects with `AltinnValidationError` before any network call. */
  async sendInstantSms(order: InstantSmsOrder, options: AltinnSendOptions = {}): Promise<InstantOrderResult> {
    return traceSend(SPAN.send, 'sms', async () => {
      const { phonePolicy, defaults, maxSmsSegments } = this.options;
      const body = toWireSmsOrder(order, phonePolicy, defaults, maxSmsSegments);
      const recipient = body.recipientSms.phoneNumber;
      return this.send(
        { channel: 'sms', path: ALTINN_PATHS.sms, body, recipient, parse: instantReceipt },
        options,
      );
    });
  }

  /** `POST /future/orders/instant/email`. Rejects with `AltinnValidationError` before any network call. */
  async sendInstantEmail(
    order: InstantEmailOrder,
    options: AltinnSendOptions = {},
  ): Promise<InstantOrderResult> {
    return traceSend(SPAN.send, 'email', async () => {
      const body = toWireEmailOrder(order, this.options.defaults);
      const recipient = body.recipientEmail.emailAddress;
      return this.send(
        { channel: 'email', path: ALTINN_PATHS.email, body, recipient, parse: instantReceipt },
        options,
      );
    });
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
   * `POST /future/orders`: a scheduled order chain, the main shipment and its reminders, each with its own
   * `shipmentId`. Rejects with `AltinnValidationError` before any network call (Altinn's rules and the local extras
   * of `SendOrderOptions`), with `AltinnApiError` 422 `NOT-00001` when Altinn finds no contact point for some
   * recipient (it does not say which).
   */
  async sendOrder(
    order: NotificationOrder,
    options: SendOrderOptions = {},
  ): Promise<NotificationOrderResult> {
    return traceSend(SPAN.order, 'order', async () => {
      const { body, recipient } = toWireOrder(order, orderPolicy(this.options, options));
      return this.send(
        { channel: 'order', path: ALTINN_PATHS.orders, body, recipient, parse: orderReceipt },
        options,
      );
    });
  }

  /** Every local check `sendOrder` makes, and nothing sent: throws `AltinnValidationError`. */
  checkOrder(order: NotificationOrder, options: SendOrderOptions = {}): void {
    toWireOrder(order, orderPolicy(this.options, options));
  }

  /**
   * `PUT /orders/{id}/cancel` (legacy; the only cancel there is) for one shipment: the main one or a reminder.
   * Cancelling one never cancels another: given a `sendOrder` result's `notification`, the result names the
   * reminders still scheduled. Rejects with `AltinnOrderNotCancellableError` (409) once processing has begun or the
   * send time is 5 minutes away or less. Cancelling again is a success.
   */
  cancelOrder(target: CancelOrderTarget, options: AltinnSendOptions = {}): Promise<CancelOrderResult> {
    return traceOperation(SPAN.cancel, () => this.cancelOnce(target, options));
  }

  private async cancelOnce(
    target: CancelOrderTarget,
    options: AltinnSendOptions,
  ): Promise<CancelOrderResult> {
    const shipmentId = checkShipmentId(typeof target === 'object' && target ? target.shipmentId : target);
    const path = `${ALTINN_PATHS.legacyOrders}${shipmentId}/cancel`;
    const request = {
      method: 'PUT' as const,
      path,
      context: {},
      signal: options.signal,
      secrets: options.secrets,
    };
    const response = await this.client.execute(request).catch((err: unknown) => {
      throw err instanceof AltinnApiError && err.status === 409
        ? new AltinnOrderNotCancellableError(err, shipmentId)
        : err;
    });
    return toCancelResult(response, shipmentId, target, path);
  }

  /**
   * `GET /future/shipment/{id}`: where the message is now (`SMS_New` … `SMS_Delivered`). Rejects with
   * `AltinnValidationError` for a non-GUID id, and `AltinnApiError` `NOT-00003` (404) for an unknown shipment.
   */
  getShipment(shipmentId: string, options: AltinnSendOptions = {}): Promise<AltinnShipment> {
    return traceOperation(SPAN.shipment, async () => {
      const path = ALTINN_PATHS.shipment + checkShipmentId(shipmentId);
      const response = await this.client.execute({
        method: 'GET',
        path,
        context: {},
        signal: options.signal,
        secrets: options.secrets,
      });
      return toShipment(response, path);
    });
  }

  /** A second call with an id already in flight shares the first call's request and result. */
  private send<R>(send: Send<R>, options: AltinnSendOptions): Promise<R> {
    // Scheduled orders have their own idempotency key space at Altinn; instant SMS and email share one.
    const id = send.channel === 'order' ? `order:${send.body.idempotencyId}` : send.body.idempotencyId;
    let call = this.inFlight.get(id) as SharedCall<R> | undefined;
    if (!call) {
      const shared = new SharedCall<R>(
        (signal) => this.sendOnce(send, { ...options, signal }).finally(() => this.inFlight.delete(id)),
        { method: 'POST', path: send.path },
        options.signal,
      );
      this.inFlight.set(id, shared);
      call = shared;
    }
    return call.join(options.signal);
  }

  private async sendOnce<R>(send: Send<R>, options: AltinnSendOptions): Promise<R> {
    const started = performance.now();
    const { idempotencyId, sendersReference } = send.body;
    const recipientHash = hashRecipient(this.options.recipientHashKey, send.recipient);
    const base = { channel: send.channel, recipientHash, idempotencyId, sendersReference };
    const audit = (outcome: Omit<AuditEntry, keyof typeof base | 'durationMs'>) =>
      this.audit.record({ ...base, durationMs: Math.round(performance.now() - started), ...outcome });
    let response: AltinnResponse;
    let parsed: ReturnType<Send<R>['parse']>;
    try {
      response = await this.client.execute({
        method: 'POST',
        path: send.path,
        body: send.body,
        context: { channel: send.channel, idempotencyId, recipientHash },
        signal: options.signal,
        secrets: options.secrets,
      });
      parsed = send.parse(response, { path: send.path, idempotencyId });
    } catch (err) {
      const e = err as Error & { code?: string; attempts?: number };
      await audit({
        result: 'failed',
        // Altinn Notifications' own status only: an AltinnAuthError's status is the token call's.
        status: err instanceof AltinnApiError ? err.status : undefined,
        error: e.code ? `${e.name} ${e.code}` : e.name,
        attempts: e.attempts ?? 1,
      });
      throw err;
    }
    const { created, ...ids } = parsed.receipt;
    await audit({
      result: created ? 'created' : 'replayed',
      status: response.status,
      attempts: response.attempts,
      ...ids,
    });
    return parsed.result;
  }
}

/** The receipt of `POST /future/orders/instant/{sms,email}`, 201 or 200 alike. */
function instantReceipt(
  response: AltinnResponse,
  { path, idempotencyId }: { path: string; idempotencyId: string },
): { result: InstantOrderResult; receipt: Receipt } {
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
  const created = response.status === 201;
  const result: InstantOrderResult = {
    notificationOrderId: data.notificationOrderId,
    notification: { shipmentId, ...(typeof sendersReference === 'string' && { sendersReference }) },
    idempotencyId,
    created,
  };
  return { result, receipt: { created, notificationOrderId: result.notificationOrderId, shipmentId } };
}
