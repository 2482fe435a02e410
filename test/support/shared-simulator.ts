import { AltinnSimulator, type AltinnSimulatorOptions } from '../../lib/testing/index.js';

/**
 * One simulator for a file's tests, reset before each. A test that needs other options (a token lifetime, say)
 * starts its own with `start(options)`; `sim` is that one until the test ends, then it is closed.
 */
export function useSharedSimulator() {
  let shared: AltinnSimulator;
  let own: AltinnSimulator | undefined;
  beforeAll(async () => {
    shared = await AltinnSimulator.start();
  });
  afterAll(() => shared.close());
  beforeEach(() => shared.reset());
  afterEach(async () => {
    await own?.close();
    own = undefined;
  });
  return {
    get sim(): AltinnSimulator {
      return own ?? shared;
    },
    async start(options: AltinnSimulatorOptions): Promise<AltinnSimulator> {
      own = await AltinnSimulator.start(options);
      return own;
    },
  };
}
