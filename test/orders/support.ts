import type { AltinnSimulator } from '../../lib/testing/index.js';
import { NIN, ORG, ORG_2 } from './order-rules.table.js';

/** The recipients of the rule table's base order, known to the simulator's contact registry. */
export function registerContacts(sim: AltinnSimulator): void {
  sim.contacts
    .setPerson(NIN, { email: 'kari@example.no', mobile: '+4799999999' })
    .setOrganisation(ORG, { emails: ['post@digdir.example.no'] })
    .setOrganisation(ORG_2, { emails: ['post@brreg.example.no'], mobiles: ['+4741234567'] });
}

/** `POST /future/orders` as any client would send it: the simulator's own verdict, no library in between. */
export async function postRaw(sim: AltinnSimulator, token: string, order: unknown) {
  const res = await fetch(`${sim.baseUrl}/future/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as { errors?: Record<string, string[]>; code?: string }) : {};
  return { status: res.status, json, messages: Object.values(json.errors ?? {}).flat() };
}
