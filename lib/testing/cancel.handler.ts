import type { IncomingMessage } from 'node:http';
import type { ShipmentRecord } from './order-chain.store.js';
import type { RecipientSpec } from './order.types.js';
import { authorize, isReply } from './simulator.auth.js';
import type { SimulatorContext } from './simulator.context.js';
import { emptyReply, jsonReply, traceId, type Reply } from './simulator.http.js';

/** `cancelorder_v2` cancels only while more than 5 minutes remain before the send time (`FP/cancelorder.sql`). */
const CANCEL_CUTOFF_MS = 5 * 60_000;

/** ASP.NET Core's client-error ProblemDetails for `Conflict()` / `NotFound()`. */
function frameworkProblem(status: 404 | 409): Reply {
  const [title, section] = status === 404 ? ['Not Found', '15.5.5'] : ['Conflict', '15.5.10'];
  return jsonReply(status, {
    type: `https://tools.ietf.org/html/rfc9110#section-${section}`,
    title,
    status,
    traceId: traceId(),
  });
}

function channelOf(r: RecipientSpec): string {
  return r.kind === 'email' ? 'Email' : r.kind === 'sms' ? 'Sms' : r.channelSchema;
}

/** `NotificationOrderWithStatusExt` (`API/Models/NotificationOrderWithStatusExt.cs`); status without the `Order_` prefix. */
function orderWithStatus(s: ShipmentRecord, at: number): object {
  const r = s.recipient;
  return {
    id: s.shipmentId,
    ...(s.sendersReference === undefined ? {} : { sendersReference: s.sendersReference }),
    requestedSendTime: new Date(s.requestedSendTime).toISOString(),
    creator: s.org,
    created: new Date(s.created).toISOString(),
    notificationChannel: channelOf(r),
    ...(r.kind === 'person' ? { ignoreReservation: r.ignoreReservation } : {}),
    ...(s.conditionEndpoint === undefined ? {} : { conditionEndpoint: s.conditionEndpoint }),
    processingStatus: {
      status: 'Cancelled',
      description: 'Order processing was stopped due to order being cancelled.',
      lastUpdate: new Date(at).toISOString(),
    },
  };
}

/**
 * Legacy `PUT /orders/{id}/cancel` (`API/Controllers/OrdersController.cs`, `CORE/Services/CancelOrderService.cs`):
 * 200 while Registered and more than 5 min before the send time (again 200 once cancelled), otherwise 409.
 * Cancelling a main shipment leaves its reminders alone. Instant orders are past Registered, so 409.
 */
export async function handleCancel(
  ctx: SimulatorContext,
  req: IncomingMessage,
  id: string | undefined,
): Promise<Reply> {
  const caller = await authorize(ctx, req);
  if (isReply(caller)) return caller;
  if (id === undefined) {
    return jsonReply(400, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { id: ['The value is not valid.'] },
      traceId: traceId(),
    });
  }
  if (caller.org === undefined) return emptyReply(403);
  const now = ctx.clock.now();
  const shipment = ctx.chains.shipment(id);
  if (!shipment || shipment.org !== caller.org) {
    const instant = ctx.store.findByShipment(id);
    return instant && instant.org === caller.org ? frameworkProblem(409) : frameworkProblem(404);
  }
  if (shipment.status === 'Order_Registered' && shipment.requestedSendTime > now + CANCEL_CUTOFF_MS) {
    shipment.status = 'Order_Cancelled';
    shipment.processed = now;
  }
  if (shipment.status !== 'Order_Cancelled') return frameworkProblem(409);
  return jsonReply(200, orderWithStatus(shipment, shipment.processed ?? now));
}
