import type { NotificationRecord, ShipmentRecord } from './order-chain.store.js';
import { recipientStatus } from './shipment.manifest.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** When a notification reaches its final status (`*_Delivered`, a test-set outcome, or a failure at creation). */
export function notificationFinalAt(n: NotificationRecord, stepMs: number): number {
  if (n.sendAt === undefined) return n.createdAt;
  return n.sendAt + (n.fixedStatus === undefined ? 2 : 1) * Math.max(0, stepMs);
}

/** The status of one notification at `now`: `*_New` until it goes out, then the delivery steps. */
export function notificationStatus(n: NotificationRecord, stepMs: number, now: number) {
  if (n.sendAt === undefined) return { status: n.fixedStatus ?? '', lastUpdate: n.createdAt };
  if (now < n.sendAt)
    return { status: n.channel === 'sms' ? 'SMS_New' : 'Email_New', lastUpdate: n.createdAt };
  if (n.fixedStatus !== undefined) {
    const finalAt = notificationFinalAt(n, stepMs);
    return now >= finalAt
      ? { status: n.fixedStatus, lastUpdate: finalAt }
      : { status: n.channel === 'sms' ? 'SMS_New' : 'Email_New', lastUpdate: n.sendAt };
  }
  const step = recipientStatus(n.channel, new Date(n.sendAt), stepMs, now);
  return { status: step.status, lastUpdate: step.lastUpdate.getTime() };
}

/** `NotificationDeliveryManifestExt` of a `/future/orders` shipment (`type` Notification or Reminder). */
export function scheduledManifest(s: ShipmentRecord, stepMs: number, now: number): object {
  const withRecipients = s.status === 'Order_Processed' || s.status === 'Order_Completed';
  return {
    shipmentId: s.shipmentId,
    ...(s.sendersReference === undefined ? {} : { sendersReference: s.sendersReference }),
    type: s.type,
    status: s.status,
    lastUpdate: iso(Math.max(s.created, s.processed ?? s.created, s.completed ?? s.created)),
    recipients: withRecipients
      ? s.notifications.map((n) => {
          const { status, lastUpdate } = notificationStatus(n, stepMs, now);
          return {
            type: n.channel === 'sms' ? 'SMS' : 'Email',
            destination: n.destination,
            status,
            lastUpdate: iso(lastUpdate),
          };
        })
      : [],
  };
}
