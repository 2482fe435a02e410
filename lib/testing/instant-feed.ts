import { recipientStatus } from './shipment.manifest.js';
import type { SimulatorContext } from './simulator.context.js';
import type { SimulatorDelivery, SimulatorOrder } from './simulator.interfaces.js';

/** An instant order's one feed row, written when its recipient reaches `*_Delivered` (the last status step). */
export function scheduleInstantFeedRow(
  ctx: SimulatorContext,
  order: SimulatorOrder,
  delivery: SimulatorDelivery,
): void {
  const finalAt = delivery.at.getTime() + 2 * Math.max(0, ctx.deliveryStepMs);
  ctx.scheduler.at(finalAt, (at) => {
    const recipient = recipientStatus(delivery.channel, delivery.at, ctx.deliveryStepMs, at);
    const lastUpdate = recipient.lastUpdate.toISOString();
    ctx.feed.append(order.org, at, {
      shipmentId: order.shipmentId,
      ...(order.sendersReference === undefined ? {} : { sendersReference: order.sendersReference }),
      shipmentType: 'Instant',
      status: 'Order_Completed',
      lastUpdate,
      recipients: [{ destination: delivery.to, status: recipient.status, lastUpdate }],
    });
  });
}
