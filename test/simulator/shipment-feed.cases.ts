import { AltinnSimulator } from '../../lib/testing/index.js';
import { call, postOrder, smsBody } from './simulator.helpers.js';
import { cancel, getJson, NIN, personOrder, postChain } from './scheduled.helpers.js';

const feedUrl = (sim: AltinnSimulator, query: string) => `/future/shipment/feed${query}`;

const start = () => AltinnSimulator.start({ startTime: '2026-03-02T10:00:00Z', deliveryStepMs: 1000 });

describe('AltinnSimulator GET /future/shipment/feed', () => {
  let sim: AltinnSimulator;
  const feed = async (query: string) => getJson(sim, feedUrl(sim, query));

  // These read times and sequence numbers from the start: a fresh simulator each (reset() keeps the clock and the
  // feed's identity column, as the real table does).
  describe('from a fresh start', () => {
    beforeEach(async () => {
      sim = await start();
      sim.contacts.setPerson(NIN, { email: 'kari@example.com' });
    });
    afterEach(() => sim.close());

    it('writes one row per shipment at its final status only, visible 2 s later', async () => {
      const instant = (await postOrder(sim, 'sms', smsBody())).json.notification.shipmentId;
      const chain = (await postChain(sim, personOrder(sim, {}, 2))).json.notification.shipmentId;
      await sim.advance(1000);
      expect((await feed('')).json).toEqual([]); // Processing / not yet due: nothing
      await sim.advance(1000);
      expect((await feed('')).json).toEqual([]); // the instant row exists but is younger than 2 s
      expect(sim.feed).toHaveLength(1);
      await sim.advance(2000);
      const page = (await feed('')).json;
      expect(page).toEqual([
        {
          sequenceNumber: 1,
          shipmentId: instant,
          sendersReference: 'ref-1',
          shipmentType: 'Instant',
          status: 'Order_Completed',
          lastUpdate: '2026-03-02T10:00:02.000Z',
          recipients: [
            { destination: '+4799999999', status: 'SMS_Delivered', lastUpdate: '2026-03-02T10:00:02.000Z' },
          ],
        },
      ]);
      await sim.advance(2 * 60_000);
      const next = (await feed('?seq=1')).json;
      expect(next).toEqual([
        expect.objectContaining({
          sequenceNumber: 2,
          shipmentId: chain,
          shipmentType: 'Notification',
          status: 'Order_Completed',
        }),
      ]);
      expect(next[0].recipients[0]).not.toHaveProperty('type');
      await sim.advance(60 * 60_000);
      expect((await feed('?seq=0')).json).toHaveLength(2); // no second row for the same shipment
    });

    it('pages from cursor 0 through several pages, and reads backwards with orderBy=desc', async () => {
      for (let i = 0; i < 5; i++) await postOrder(sim, 'sms', smsBody());
      await sim.advance(5000);
      const seen: number[] = [];
      let cursor = 0;
      for (;;) {
        const page = (await feed(`?seq=${cursor}&pageSize=2`)).json as { sequenceNumber: number }[];
        if (page.length === 0) break;
        seen.push(...page.map((e) => e.sequenceNumber));
        cursor = page[page.length - 1].sequenceNumber;
      }
      expect(seen).toEqual([1, 2, 3, 4, 5]);
      expect(
        (await feed('?orderBy=desc&pageSize=1')).json.map(
          (e: { sequenceNumber: number }) => e.sequenceNumber,
        ),
      ).toEqual([5]);
      expect(
        (await feed('?seq=4&orderBy=DESC')).json.map((e: { sequenceNumber: number }) => e.sequenceNumber),
      ).toEqual([3, 2, 1]);
      expect((await feed('?pageSize=0')).json).toHaveLength(1); // clamped, not rejected
      expect((await feed('?pageSize=100000')).json).toHaveLength(5);
    });
  });

  // The rest holds with any clock and cursor: one simulator (a start makes two RSA key pairs), reset between tests.
  describe('on a shared simulator', () => {
    let shared: AltinnSimulator;
    beforeAll(async () => {
      shared = await start();
    });
    afterAll(() => shared.close());
    beforeEach(() => {
      sim = shared;
      sim.reset();
      sim.contacts.setPerson(NIN, { email: 'kari@example.com' });
    });

    it('writes no row for a cancelled shipment, and a row with no recipients when the condition was not met', async () => {
      const id = (await postChain(sim, personOrder(sim, {}, 60))).json.notification.shipmentId;
      expect((await cancel(sim, id)).status).toBe(200);
      await sim.advance(2 * 60 * 60_000);
      expect(sim.feed).toEqual([]);
    });

    it('shows each org only its own rows', async () => {
      await postOrder(sim, 'sms', smsBody());
      await sim.advance(5000);
      const other = await sim.issueToken({ org: 'digdir' });
      expect((await getJson(sim, feedUrl(sim, ''), other)).json).toEqual([]);
      expect((await feed('')).json).toHaveLength(1);
    });

    it.each([
      ['?seq=-1', { Seq: ['The field Seq must be between 0 and 9.223372036854776E+18.'] }],
      ['?seq=abc', { Seq: ["The value 'abc' is not valid for Seq."] }],
      ['?orderBy=newest', { OrderBy: ["The value 'newest' is not valid for OrderBy."] }],
    ])('answers 400 for %s', async (query, errors) => {
      const res = await feed(query);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        title: 'One or more validation errors occurred.',
        status: 400,
        errors,
      });
    });

    it('answers 415 for a non-JSON Content-Type, 403 without an org claim, 401 without a token', async () => {
      const url = `${sim.baseUrl}/future/shipment/feed`;
      const token = await sim.issueToken();
      const typed = await call(url, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      });
      expect(typed.status).toBe(415);
      expect((await getJson(sim, feedUrl(sim, ''), await sim.issueToken({ org: null }))).status).toBe(403);
      expect((await call(url)).status).toBe(401);
    });
  });
});
