import type { ShipmentRecord } from './order-chain.store.js';
import type { SimulatorContext } from './simulator.context.js';

/** The scope Altinn's Maskinporten token carries on condition calls (`INT/SendCondition/SendConditionClient.cs`). */
const CONDITION_SCOPE = 'altinn:system/notifications.condition.check';
/** Digdir, the consumer Altinn's token names. */
const DIGDIR_CONSUMER = '0192:991825827';
const TIMEOUT_MS = 10_000;

/**
 * `GET conditionEndpoint` with a Maskinporten bearer token: 2xx with `{"sendNotification": true|false}` (the name
 * matched case-sensitively) decides; anything else is an error (`INT/SendCondition/SendCondition{Client,Response}.cs`).
 */
export async function checkSendCondition(
  ctx: SimulatorContext,
  shipment: ShipmentRecord,
  url: string,
  at: number,
): Promise<'send' | 'skip' | 'error'> {
  let status = 0;
  let outcome: 'send' | 'skip' | 'error' = 'error';
  try {
    const token = await ctx.exchange.maskinportenKey.sign(
      {
        iss: ctx.exchange.maskinportenIssuer,
        scope: CONDITION_SCOPE,
        consumer: { authority: 'iso6523-actorid-upis', ID: DIGDIR_CONSUMER },
      },
      120,
    );
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = res.status;
    const text = await res.text();
    if (res.ok) {
      const value: unknown = JSON.parse(text);
      const flag =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>).sendNotification
          : undefined;
      if (flag === true) outcome = 'send';
      if (flag === false) outcome = 'skip';
    }
  } catch {
    outcome = 'error';
  }
  ctx.conditionChecks.push({ shipmentId: shipment.shipmentId, url, outcome, status, at: new Date(at) });
  return outcome;
}
