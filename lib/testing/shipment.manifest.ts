import type { SimulatorChannel, SimulatorDelivery, SimulatorOrder } from './simulator.interfaces.js';

/** Happy-path lifecycles; one step every `deliveryStepMs` after the hand-over. */
const STEPS: Record<SimulatorChannel, readonly string[]> = {
  sms: ['SMS_New', 'SMS_Accepted', 'SMS_Delivered'],
  email: ['Email_New', 'Email_Sending', 'Email_Delivered'],
};

export interface RecipientStatus {
  status: string;
  lastUpdate: Date;
  final: boolean;
}

export function recipientStatus(
  channel: SimulatorChannel,
  sentAt: Date,
  stepMs: number,
  now: number,
): RecipientStatus {
  const steps = STEPS[channel];
  const last = steps.length - 1;
  const index =
    stepMs <= 0 ? last : Math.max(0, Math.min(last, Math.floor((now - sentAt.getTime()) / stepMs)));
  return {
    status: steps[index],
    lastUpdate: new Date(sentAt.getTime() + index * Math.max(0, stepMs)),
    final: index === last,
  };
}

/**
 * `NotificationDeliveryManifestExt` for an instant order (one recipient); null fields left out like the server, the
 * recipient's `type` discriminator first.
 */
export function shipmentManifest(
  order: SimulatorOrder,
  delivery: SimulatorDelivery,
  stepMs: number,
  now: number,
): object {
  const recipient = recipientStatus(delivery.channel, delivery.at, stepMs, now);
  return {
    shipmentId: order.shipmentId,
    ...(order.sendersReference === undefined ? {} : { sendersReference: order.sendersReference }),
    type: 'Instant',
    status: recipient.final ? 'Order_Completed' : 'Order_Processing',
    lastUpdate: recipient.lastUpdate.toISOString(),
    recipients: [
      {
        type: delivery.channel === 'sms' ? 'SMS' : 'Email',
        destination: delivery.to,
        status: recipient.status,
        lastUpdate: recipient.lastUpdate.toISOString(),
      },
    ],
  };
}
