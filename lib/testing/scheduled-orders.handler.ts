import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  chainReceipt,
  type ChainRecord,
  type ShipmentRecord,
  type ShipmentType,
} from './order-chain.store.js';
import type { ShipmentSpec } from './order.types.js';
import { validateOrderChain } from './order.validation.js';
import { hasContactPoint } from './recipient-lookup.js';
import { scheduleShipment } from './shipment-processing.js';
import { authorize, isReply } from './simulator.auth.js';
import type { SimulatorContext } from './simulator.context.js';
import { emptyReply, jsonReply, type Reply } from './simulator.http.js';
import { altinnProblem, unsupportedMediaType } from './simulator.problems.js';

function shipment(
  spec: ShipmentSpec,
  type: ShipmentType,
  chain: { chainId: string; org: string; idempotencyId: string },
  created: number,
): ShipmentRecord {
  return {
    shipmentId: randomUUID(),
    ...chain,
    type,
    ...(spec.sendersReference === undefined ? {} : { sendersReference: spec.sendersReference }),
    requestedSendTime: spec.requestedSendTime,
    ...(spec.conditionEndpoint === undefined ? {} : { conditionEndpoint: spec.conditionEndpoint }),
    recipient: spec.recipient,
    created,
    status: 'Order_Registered',
    conditionAttempts: 0,
    notifications: [],
  };
}

/**
 * `POST /future/orders` in the server's order (`API/Controllers/FutureOrdersController.cs`,
 * `CORE/Services/OrderRequestService.cs`): auth, media type, binding and validation (400), org (403), idempotency
 * (200), contact lookup (422 NOT-00001, nothing stored), then one commit (201). Validation before the idempotency
 * lookup is why a retry after `requestedSendTime` has passed gets 400. Null when the client went away first.
 */
export async function handleScheduledOrder(
  ctx: SimulatorContext,
  req: IncomingMessage,
  body: Buffer,
  signal: AbortSignal,
): Promise<Reply | null> {
  const now = ctx.clock.now();
  const caller = await authorize(ctx, req);
  if (isReply(caller)) return caller;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') return unsupportedMediaType();

  const validated = validateOrderChain(body.toString('utf8').replace(/^\uFEFF/, ''), now);
  if (!validated.ok) return validated.reply;
  if (caller.org === undefined) return emptyReply(403);
  const { spec, json } = validated;

  const existing = ctx.chains.find(caller.org, spec.idempotencyId);
  if (existing) return jsonReply(200, chainReceipt(existing));

  // Main first, then each reminder; the first recipient without a contact point rejects the whole chain.
  for (const s of [spec.main, ...spec.reminders]) {
    if (!hasContactPoint(ctx.contacts, s.recipient)) return altinnProblem('NOT-00001');
  }

  await ctx.timers.sleep(ctx.sendLatencyMs);
  // An aborted request rolls the transaction back: nothing stored, a retry with the same id creates it.
  if (signal.aborted) return null;
  // Two concurrent first requests: the unique index throws in the second one's commit, unhandled → 500.
  if (ctx.chains.find(caller.org, spec.idempotencyId)) return emptyReply(500);

  const head = { chainId: randomUUID(), org: caller.org, idempotencyId: spec.idempotencyId };
  const created = ctx.clock.now();
  const chain: ChainRecord = {
    ...head,
    main: shipment(spec.main, 'Notification', head, created),
    reminders: spec.reminders.map((r) => shipment(r, 'Reminder', head, created)),
    request: json,
  };
  ctx.chains.insert(chain);
  for (const s of [chain.main, ...chain.reminders]) scheduleShipment(ctx, s);
  const location = `${ctx.url}/notifications/api/v1/orders/chain/${chain.chainId}`;
  return jsonReply(201, chainReceipt(chain), { location });
}
