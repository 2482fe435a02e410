import { createModuleClient } from './client-app.js';
import { smsOrder } from './orders.js';
import type { SimProcess } from './sim-process.js';

export interface TokenStormResult {
  sends: number;
  created: number;
  grants: number;
  exchanges: number;
  seconds: number;
}

/**
 * `sends` concurrent first sends from a module that has no token yet: the cache must share one refresh, so the
 * simulator should count exactly one grant and one exchange, whatever the load.
 */
export async function measureTokenStorm(sim: SimProcess, sends: number): Promise<TokenStormResult> {
  const client = await createModuleClient(sim, { tokenPrefetch: false }); // the sends, not app.init(), fetch it
  try {
    const before = await sim.counters();
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: sends }, () => client.service.sendInstantSms(smsOrder())),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await sim.counters();
    return {
      sends,
      created: results.filter((r) => r.status === 'fulfilled' && r.value.created).length,
      grants: after.grants - before.grants,
      exchanges: after.exchanges - before.exchanges,
      seconds,
    };
  } finally {
    await client.close();
  }
}
