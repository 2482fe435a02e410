import { AltinnApiError } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { fakeDate } from '../auth/support/fake-date.js';
import { createMaskinportenClient, registerClient } from '../auth/support/maskinporten-client.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { smsOrder } from '../support/altinn-client.js';

const SMS = /instant\/sms$/;
const SENDS = 30;

/**
 * Attack (or a misconfiguration that looks like one): every send is refused with 401, as when the tokens come from
 * another environment's platform, or a proxy answers 401. A 401 used to cost a Maskinporten grant and an exchange
 * per send: load on the app became a token storm at Maskinporten. Now one token is dropped per 10 s, and a token the
 * provider kept is not sent again.
 */
describe('attack: every send answered 401', () => {
  it('costs one token refresh per 10 s, not one per send, and never resends a refused token', async () => {
    const sim = await AltinnSimulator.start({ log: () => undefined });
    const client = await createMaskinportenClient(sim, registerClient(sim, rsaKey()), { retry: false });
    const clock = fakeDate();
    try {
      await client.service.sendInstantSms(smsOrder()); // a token Altinn accepted
      const before = sim.counters;
      sim.inject({ kind: 'status', status: 401 }, { path: SMS, times: Infinity });
      const send = () => client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
      const errors = [];
      for (let i = 0; i < SENDS; i++) errors.push(await send());
      errors.push(...(await Promise.all(Array.from({ length: SENDS }, send))));

      expect(errors.every((e) => e instanceof AltinnApiError && e.status === 401)).toBe(true);
      expect(sim.counters.grants - before.grants).toBe(1);
      expect(sim.counters.exchanges - before.exchanges).toBe(1);
      // The first send: refused, a fresh token, refused again. Every other send: one request.
      const refused = () => sim.requests.filter((r) => SMS.test(r.path) && r.status === 401);
      expect(refused()).toHaveLength(2 * SENDS + 1);
      expect(new Set(refused().map((r) => r.authorization)).size).toBe(2);

      clock.advance(10_000);
      await send();
      expect(sim.counters.grants - before.grants).toBe(2);
      expect(refused()).toHaveLength(2 * SENDS + 3);
    } finally {
      clock.restore();
      await client.close();
      await sim.close();
    }
  });
});
