import { nextDaytime } from './daytime-window.js';
import type { NotificationRecord, ShipmentRecord } from './order-chain.store.js';
import type { RecipientSpec } from './order.types.js';
import { planNotifications, type PlannedNotification } from './recipient-lookup.js';
import { notificationFinalAt, scheduledManifest } from './scheduled-shipment.manifest.js';
import { checkSendCondition } from './send-condition.js';
import type { SimulatorContext } from './simulator.context.js';
import { DEFAULT_EMAIL_SENDER, DEFAULT_SMS_SENDER } from './simulator.rules.js';

/** The per-minute job claims orders due within the next minute (`FP/getorderspastsendtimeupdatestatus.sql`). */
export const CLAIM_AHEAD_MS = 60_000;
/** `PastDueOrdersRetryDelayMs`: the one retry of a failed condition check, after which it sends anyway. */
export const CONDITION_RETRY_MS = 60_000;

/** Registers a new shipment's processing at its send time (a minute early, like the server's claim). */
export function scheduleShipment(ctx: SimulatorContext, s: ShipmentRecord): void {
  ctx.scheduler.at(Math.max(s.created, s.requestedSendTime - CLAIM_AHEAD_MS), (at) =>
    processShipment(ctx, s, at),
  );
}

/** The message a recipient gets on `channel`, after the server's sender defaults. */
export function content(r: RecipientSpec, channel: 'sms' | 'email') {
  const email = r.kind === 'email' ? r.email : r.kind === 'sms' ? undefined : r.email;
  const sms = r.kind === 'sms' ? r.sms : r.kind === 'email' ? undefined : r.sms;
  if (channel === 'email') {
    return {
      from: email?.senderEmailAddress ?? DEFAULT_EMAIL_SENDER,
      subject: email?.subject ?? '',
      body: email?.body ?? '',
      contentType: email?.contentType ?? 'Plain',
      daytime: false,
    };
  }
  return { from: sms?.sender ?? DEFAULT_SMS_SENDER, body: sms?.body ?? '', daytime: sms?.daytime ?? true };
}

function toNotification(ctx: SimulatorContext, s: ShipmentRecord, p: PlannedNotification, at: number) {
  const { daytime, ...message } = content(s.recipient, p.channel);
  const n: NotificationRecord = { channel: p.channel, destination: p.destination, createdAt: at, ...message };
  if (p.failed !== undefined) n.fixedStatus = p.failed;
  else {
    n.sendAt = daytime ? nextDaytime(at) : at;
    const outcome = ctx.deliveryOutcomes.get(p.destination);
    if (outcome !== undefined) n.fixedStatus = outcome;
  }
  return n;
}

/** The message leaves: it shows in `deliveries`, the outbox and the log line. */
function deliver(ctx: SimulatorContext, s: ShipmentRecord, n: NotificationRecord, at: number): void {
  if (s.status !== 'Order_Processed') return;
  const delivery = {
    channel: n.channel,
    idempotencyId: s.idempotencyId,
    to: n.destination,
    from: n.from,
    ...(n.subject === undefined ? {} : { subject: n.subject, contentType: n.contentType }),
    body: n.body,
    at: new Date(at),
    shipmentId: s.shipmentId,
  };
  ctx.store.deliveries.push(delivery);
  const subject = n.subject === undefined ? '' : ` "${n.subject}"`;
  ctx.log(
    `[altinn-simulator] ${n.channel.toUpperCase()} to ${n.destination} from ${n.from}${subject}: ${n.body}`,
  );
}

/** Final: `Order_Completed` (or SendConditionNotMet) and the shipment's one feed row. */
export function finish(ctx: SimulatorContext, s: ShipmentRecord, at: number): void {
  if (s.status === 'Order_Processed') s.status = 'Order_Completed';
  s.completed = at;
  const { type, recipients, ...rest } = scheduledManifest(s, ctx.deliveryStepMs, at) as {
    type: string;
    recipients: { type: string; destination: string; status: string; lastUpdate: string }[];
    shipmentId: string;
    status: string;
    lastUpdate: string;
  };
  const feedRecipients = recipients.map(({ type: _type, ...r }) => r);
  ctx.feed.append(s.org, at, { ...rest, shipmentType: type, recipients: feedRecipients });
}

/** Claim → condition check → recipient lookup → notifications (`CORE/Services/OrderProcessingService.cs`). */
export async function processShipment(ctx: SimulatorContext, s: ShipmentRecord, at: number): Promise<void> {
  if (s.status !== 'Order_Registered') return; // cancelled meanwhile
  s.status = 'Order_Processing';
  if (s.conditionEndpoint !== undefined) {
    s.conditionAttempts += 1;
    const outcome = await checkSendCondition(ctx, s, s.conditionEndpoint, at);
    if (outcome === 'skip') {
      s.status = 'Order_SendConditionNotMet';
      s.processed = at;
      finish(ctx, s, at);
      return;
    }
    if (outcome === 'error' && s.conditionAttempts < 2) {
      s.status = 'Order_Registered';
      ctx.scheduler.at(at + CONDITION_RETRY_MS, (retryAt) => processShipment(ctx, s, retryAt));
      return;
    }
    // A second failure: the server sends anyway.
  }
  s.notifications = planNotifications(ctx.contacts, s.recipient).map((p) => toNotification(ctx, s, p, at));
  s.processed = at;
  s.status = 'Order_Processed';
  for (const n of s.notifications) {
    const sendAt = n.sendAt;
    if (sendAt !== undefined) ctx.scheduler.at(sendAt, () => deliver(ctx, s, n, sendAt));
  }
  const finalAt = Math.max(at, ...s.notifications.map((n) => notificationFinalAt(n, ctx.deliveryStepMs)));
  ctx.scheduler.at(finalAt, (doneAt) => finish(ctx, s, doneAt));
}
