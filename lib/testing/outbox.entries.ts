import type { ShipmentRecord } from './order-chain.store.js';
import type { RecipientSpec } from './order.types.js';
import { notificationStatus } from './scheduled-shipment.manifest.js';
import { content } from './shipment-processing.js';
import { recipientStatus } from './shipment.manifest.js';
import type { SimulatorContext } from './simulator.context.js';
import type { OutboxEntry, SimulatorDelivery } from './simulator.interfaces.js';

const iso = (ms: number) => new Date(ms).toISOString();

function describeRecipient(r: RecipientSpec): { to: string; channel: 'sms' | 'email' } {
  if (r.kind === 'email') return { to: r.address, channel: 'email' };
  if (r.kind === 'sms') return { to: r.phoneNumber, channel: 'sms' };
  const smsFirst = r.channelSchema === 'Sms' || r.channelSchema === 'SmsPreferred';
  return {
    to: `${r.kind === 'externalIdentity' ? 'identity' : r.kind} ${r.id}`,
    channel: smsFirst ? 'sms' : 'email',
  };
}

/** Shipments not processed yet, and notifications held back (Daytime SMS), as `scheduled` entries. */
function scheduled(ctx: SimulatorContext, s: ShipmentRecord, now: number): OutboxEntry[] {
  const base = {
    state: 'scheduled' as const,
    type: s.type,
    idempotencyId: s.idempotencyId,
    shipmentId: s.shipmentId,
  };
  if (s.status === 'Order_Registered' || s.status === 'Order_Processing') {
    const { to, channel } = describeRecipient(s.recipient);
    const { from, subject, body } = content(s.recipient, channel);
    const subjectField = subject === undefined ? {} : { subject };
    return [
      {
        ...base,
        at: iso(s.requestedSendTime),
        channel,
        to,
        from,
        ...subjectField,
        body,
        status: s.status,
        persisted: true,
      },
    ];
  }
  if (s.status !== 'Order_Processed') return [];
  return s.notifications
    .filter((n) => n.sendAt !== undefined && n.sendAt > now)
    .map((n) => ({
      ...base,
      at: iso(n.sendAt ?? now),
      channel: n.channel,
      to: n.destination,
      from: n.from,
      ...(n.subject === undefined ? {} : { subject: n.subject }),
      body: n.body,
      status: notificationStatus(n, ctx.deliveryStepMs, now).status,
      persisted: true,
    }));
}

function sent(ctx: SimulatorContext, d: SimulatorDelivery, now: number): OutboxEntry {
  const chainShipment = ctx.chains.shipment(d.shipmentId);
  const n = chainShipment?.notifications.find((x) => x.channel === d.channel && x.destination === d.to);
  return {
    at: d.at.toISOString(),
    state: 'sent',
    type: chainShipment?.type ?? 'Instant',
    channel: d.channel,
    to: d.to,
    from: d.from,
    ...(d.subject === undefined ? {} : { subject: d.subject }),
    body: d.body,
    idempotencyId: d.idempotencyId,
    shipmentId: d.shipmentId,
    status: n
      ? notificationStatus(n, ctx.deliveryStepMs, now).status
      : recipientStatus(d.channel, d.at, ctx.deliveryStepMs, now).status,
    persisted: chainShipment !== undefined || ctx.store.findByShipment(d.shipmentId) !== undefined,
  };
}

/** Scheduled entries (soonest first), then every sent message (newest first), each with its current status. */
export function outboxEntries(ctx: SimulatorContext): OutboxEntry[] {
  const now = ctx.clock.now();
  const pending = ctx.chains.shipments
    .flatMap((s) => scheduled(ctx, s, now))
    .sort((a, b) => a.at.localeCompare(b.at));
  return [...pending, ...[...ctx.store.deliveries].reverse().map((d) => sent(ctx, d, now))];
}
