import { AltinnApiError } from '../errors/altinn-notifications.error.js';
import type { AltinnResponse } from '../http/request-context.js';
import type {
  CancelOrderResult,
  CancelOrderTarget,
  NotificationOrderResult,
  OrderShipmentReceipt,
} from './order.interfaces.js';

type Json = Record<string, unknown> | undefined;

/** @internal The receipt of `POST /future/orders` and what the audit record names of it. */
export function orderReceipt(response: AltinnResponse, sent: { path: string; idempotencyId: string }) {
  const result = toOrderResult(response, sent.idempotencyId, sent.path);
  const { created, notificationOrderId, notification } = result;
  return { result, receipt: { created, notificationOrderId, shipmentId: notification.shipmentId } };
}

/** @internal A 201/200 body of `POST /future/orders` (`NotificationOrderChainResponseExt`); 201 and 200 look alike. */
export function toOrderResult(
  response: AltinnResponse,
  idempotencyId: string,
  path: string,
): NotificationOrderResult {
  const data = response.data as Json;
  const notification = data?.notification as Json;
  const main = receipt(notification);
  // Left out when there are none, on 201 and 200 alike.
  const reminders = notification?.reminders === undefined ? [] : notification.reminders;
  const receipts = Array.isArray(reminders) ? reminders.map((r) => receipt(r as Json)) : [undefined];
  if (typeof data?.notificationOrderId !== 'string' || !main || receipts.includes(undefined)) {
    throw malformed(response, 'POST', path, 'Altinn answered without notificationOrderId and shipment ids');
  }
  return {
    notificationOrderId: data.notificationOrderId,
    notification: { ...main, reminders: receipts as OrderShipmentReceipt[] },
    idempotencyId,
    created: response.status === 201,
  };
}

function receipt(value: Json): OrderShipmentReceipt | undefined {
  if (typeof value?.shipmentId !== 'string') return undefined;
  const { shipmentId, sendersReference } = value;
  return { shipmentId, ...(typeof sendersReference === 'string' && { sendersReference }) };
}

/** @internal The 200 of `PUT /orders/{id}/cancel` (`NotificationOrderWithStatusExt`; its status has no `Order_` prefix). */
export function toCancelResult(
  response: AltinnResponse,
  shipmentId: string,
  target: CancelOrderTarget,
  path: string,
): CancelOrderResult {
  const data = response.data as Json;
  const status = data?.processingStatus as Json;
  if (status?.status !== 'Cancelled') {
    throw malformed(response, 'PUT', path, 'Altinn answered 200 without the cancelled status');
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const sendersReference = text(data?.sendersReference);
  const requestedSendTime = text(data?.requestedSendTime);
  const lastUpdate = text(status.lastUpdate);
  return {
    shipmentId,
    status: 'Cancelled',
    ...(sendersReference !== undefined && { sendersReference }),
    ...(requestedSendTime !== undefined && { requestedSendTime }),
    ...(lastUpdate !== undefined && { lastUpdate }),
    ...(typeof target === 'object' && {
      reminders: (target.reminders ?? []).map((r) => ({ ...r })),
    }),
  };
}

function malformed(response: AltinnResponse, method: string, path: string, detail: string) {
  return new AltinnApiError({ status: response.status, method, path, attempts: response.attempts, detail });
}
