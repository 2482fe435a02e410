import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { authorize, isReply } from './simulator.auth.js';
import type { SimulatorContext } from './simulator.context.js';
import { emptyReply, jsonReply, type Reply } from './simulator.http.js';
import type { SimulatorDelivery, SimulatorOrder } from './simulator.interfaces.js';
import { unsupportedMediaType } from './simulator.problems.js';
import { scheduleInstantFeedRow } from './instant-feed.js';
import { DEFAULT_EMAIL_SENDER, DEFAULT_SMS_SENDER } from './simulator.rules.js';
import { validateOrder, type OrderEndpoint, type OrderInput } from './simulator.validation.js';

function receipt(order: SimulatorOrder): object {
  return {
    notificationOrderId: order.notificationOrderId,
    notification: {
      shipmentId: order.shipmentId,
      ...(order.sendersReference === undefined ? {} : { sendersReference: order.sendersReference }),
    },
  };
}

function toDelivery(input: OrderInput, shipmentId: string, at: number): SimulatorDelivery {
  const base = { idempotencyId: input.idempotencyId, body: input.body, at: new Date(at), shipmentId };
  if (input.channel === 'sms') {
    const from = input.sender?.trim() ? input.sender : DEFAULT_SMS_SENDER;
    return {
      ...base,
      channel: 'sms',
      to: input.phoneNumber,
      from,
      timeToLiveInSeconds: input.timeToLiveInSeconds,
    };
  }
  return {
    ...base,
    channel: 'email',
    to: input.emailAddress,
    from: input.senderEmailAddress ?? DEFAULT_EMAIL_SENDER,
    subject: input.subject,
    contentType: input.contentType,
  };
}

function describe(d: SimulatorDelivery): string {
  const subject = d.subject === undefined ? '' : ` "${d.subject}"`;
  return `[altinn-simulator] ${d.channel.toUpperCase()} to ${d.to} from ${d.from}${subject}: ${d.body}`;
}

/**
 * `POST /future/orders/instant[/sms|/email]` in the server's order of checks. Returns null when the client
 * went away during the send: the message is out, nothing is stored (the server would log 499 NOT-00002).
 */
export async function handleInstantOrder(
  ctx: SimulatorContext,
  req: IncomingMessage,
  endpoint: OrderEndpoint,
  body: Buffer,
  signal: AbortSignal,
): Promise<Reply | null> {
  const caller = await authorize(ctx, req);
  if (isReply(caller)) return caller;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') return unsupportedMediaType();

  const validated = validateOrder(endpoint, body.toString('utf8').replace(/^\uFEFF/, ''));
  if (!validated.ok) return validated.reply;
  if (caller.org === undefined) return emptyReply(403);
  const { input, json } = validated;

  const existing = ctx.store.findOrder(caller.org, input.idempotencyId);
  if (existing) return jsonReply(200, receipt(existing));

  // The real server hands the message over first and persists afterwards; both duplicate traps come from that.
  const order: SimulatorOrder = {
    channel: input.channel,
    org: caller.org,
    idempotencyId: input.idempotencyId,
    ...(input.sendersReference === null ? {} : { sendersReference: input.sendersReference }),
    notificationOrderId: randomUUID(),
    shipmentId: randomUUID(),
    request: json,
    createdAt: new Date(ctx.clock.now()),
  };
  const delivery = toDelivery(input, order.shipmentId, ctx.clock.now());
  ctx.store.deliveries.push(delivery);
  ctx.log(describe(delivery));
  await ctx.timers.sleep(ctx.sendLatencyMs);

  if (signal.aborted) return null;
  // A concurrent first request already stored the key: the unique index throws and nothing handles it.
  if (!ctx.store.insertOrder(order)) return emptyReply(500);
  scheduleInstantFeedRow(ctx, order, delivery);
  const location = `${ctx.url}/notifications/api/v1/orders/chain/${order.notificationOrderId}`;
  return jsonReply(201, receipt(order), { location });
}
