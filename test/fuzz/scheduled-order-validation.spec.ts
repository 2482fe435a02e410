import fc from 'fast-check';
import { AltinnApiError, AltinnValidationError, type NotificationOrder } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, type TestClient } from '../support/altinn-client.js';
import { registerContacts } from '../orders/support.js';
import { anyScheduledOrder } from './scheduled-order.arbitraries.js';

// FUZZ_RUNS=20000 for a longer hunt; `npm test` keeps it quick.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const ORDERS = '/notifications/api/v1/future/orders';

/**
 * Every generated scheduled order either goes out and passes the simulator's server rules (201, or 422 when the
 * contact registry knows no address for a recipient: validation passed, the lookup did not), or is refused with
 * `AltinnValidationError` before any HTTP call. Never a 400 from the server, never another error.
 */
describe('fuzzing scheduled order validation (fast-check)', () => {
  let sim: AltinnSimulator;
  let client: TestClient;
  const tally = { accepted: 0, unknownRecipient: 0, rejected: 0 };

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await createTestClient(sim, { retry: false, logging: false });
    registerContacts(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it(`${RUNS} generated orders: accepted by both sides, or rejected locally without a request`, async () => {
    await fc.assert(
      fc.asyncProperty(anyScheduledOrder, async (order) => {
        const before = sim.requests.length;
        try {
          const result = await client.service.sendOrder(order as NotificationOrder);
          expect(sim.requests.slice(before).map((r) => [r.path, r.status])).toEqual([
            [ORDERS, result.created ? 201 : 200],
          ]);
          tally.accepted += 1;
        } catch (err) {
          if (err instanceof AltinnApiError && err.status === 422 && err.code === 'NOT-00001') {
            tally.unknownRecipient += 1;
            return;
          }
          if (!(err instanceof AltinnValidationError)) throw err;
          expect(err.errors.length).toBeGreaterThan(0);
          expect(sim.requests.length).toBe(before);
          tally.rejected += 1;
        }
      }),
      { numRuns: RUNS },
    );
    // Both outcomes in real numbers: a generator drifted to all-valid or all-invalid would test nothing.
    expect(tally.accepted + tally.unknownRecipient).toBeGreaterThan(RUNS / 20);
    expect(tally.accepted).toBeGreaterThan(RUNS / 50);
    expect(tally.rejected).toBeGreaterThan(RUNS / 20);
  }, 600_000);
});
