import fc from 'fast-check';
import {
  AltinnValidationError,
  type InstantEmailOrder,
  type InstantSmsOrder,
  type InstantOrderResult,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, type TestClient } from '../support/altinn-client.js';
import { anyOrder, type GeneratedOrder } from './order.arbitraries.js';

// FUZZ_RUNS=20000 for a longer hunt; `npm test` keeps it quick.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/**
 * Every generated order either goes out (and the simulator, which applies Altinn's server-side rules, accepts it:
 * the local rules are at least as strict as the server's) or is refused with `AltinnValidationError` before any
 * HTTP call. Nothing else may come out: no TypeError, no 400 from the server.
 */
describe('fuzzing order validation (fast-check)', () => {
  let sim: AltinnSimulator;
  let client: TestClient;
  const tally = { sms: { accepted: 0, rejected: 0 }, email: { accepted: 0, rejected: 0 } };

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await createTestClient(sim, { retry: false, logging: false });
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  function send({ channel, order }: GeneratedOrder): Promise<InstantOrderResult> {
    return channel === 'sms'
      ? client.service.sendInstantSms(order as InstantSmsOrder)
      : client.service.sendInstantEmail(order as InstantEmailOrder);
  }

  it(`${RUNS} generated orders: accepted by both sides, or rejected locally without a request`, async () => {
    await fc.assert(
      fc.asyncProperty(anyOrder, async (generated) => {
        const before = sim.requests.length;
        let result: InstantOrderResult;
        try {
          result = await send(generated);
        } catch (err) {
          if (!(err instanceof AltinnValidationError)) throw err;
          expect(err.errors.length).toBeGreaterThan(0);
          expect(sim.requests.length).toBe(before);
          tally[generated.channel].rejected += 1;
          return;
        }
        const requests = sim.requests.slice(before);
        expect(requests.map((r) => r.status)).toEqual([result.created ? 201 : 200]);
        expect(sim.sentCount(result.idempotencyId)).toBe(1);
        tally[generated.channel].accepted += 1;
      }),
      { numRuns: RUNS },
    );

    // Both outcomes on both channels, in real numbers: a generator that drifted to all-valid or all-invalid
    // would make this suite pass without testing anything.
    for (const channel of ['sms', 'email'] as const) {
      expect(tally[channel].accepted).toBeGreaterThan(RUNS / 20);
      expect(tally[channel].rejected).toBeGreaterThan(RUNS / 20);
    }
  }, 600_000);
});
