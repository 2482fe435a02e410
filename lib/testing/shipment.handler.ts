import type { IncomingMessage } from 'node:http';
import { scheduledManifest } from './scheduled-shipment.manifest.js';
import { shipmentManifest } from './shipment.manifest.js';
import { authorize, isReply } from './simulator.auth.js';
import type { SimulatorContext } from './simulator.context.js';
import { emptyReply, jsonReply, type Reply } from './simulator.http.js';
import { altinnProblem } from './simulator.problems.js';

const HEX = '[0-9a-fA-F]';
const GUID_D = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;
/** Formats `Guid.TryParse` accepts for a `{id:guid}` route: D, N, B and P. */
const GUID = new RegExp(`^(?:${GUID_D}|${HEX}{32}|\\{${GUID_D}\\}|\\(${GUID_D}\\))$`);

/** Canonical lower-case D form, or undefined when the route constraint would not match. */
export function parseGuid(value: string): string | undefined {
  if (!GUID.test(value)) return undefined;
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `GET /future/shipment/{id}`: the delivery manifest of any shipment type, or NOT-00003 for unknown ids and other orgs' shipments. */
export async function handleShipment(
  ctx: SimulatorContext,
  req: IncomingMessage,
  shipmentId: string,
): Promise<Reply> {
  const caller = await authorize(ctx, req);
  if (isReply(caller)) return caller;
  if (caller.org === undefined) return emptyReply(403);
  const now = ctx.clock.now();
  const scheduled = ctx.chains.shipment(shipmentId);
  if (scheduled) {
    if (scheduled.org !== caller.org) return altinnProblem('NOT-00003');
    return jsonReply(200, scheduledManifest(scheduled, ctx.deliveryStepMs, now));
  }
  const order = ctx.store.findByShipment(shipmentId);
  const delivery = order ? ctx.store.deliveryFor(order.shipmentId) : undefined;
  if (!order || !delivery || order.org !== caller.org) return altinnProblem('NOT-00003');
  return jsonReply(200, shipmentManifest(order, delivery, ctx.deliveryStepMs, now));
}
