import type { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder, type TestClient } from '../support/altinn-client.js';

/** Time after a send until its feed row is visible: two delivery steps to Delivered, then Altinn's 2 s delay. */
const UNTIL_VISIBLE_MS = 2 * 500 + 2000 + 1;

/** Sends `n` SMS through `client` and lets the simulator deliver them: `n` feed rows, in send order. */
export async function deliveredSms(
  sim: AltinnSimulator,
  client: Pick<TestClient, 'service'>,
  n: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await client.service.sendInstantSms(smsOrder())).notification.shipmentId);
  await sim.advance(UNTIL_VISIBLE_MS);
  return ids;
}
