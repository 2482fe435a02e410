import { AltinnSimulator } from '../lib/testing/index.js';
import type { SimAnswer, SimCommand, SimReady } from './sim-protocol.js';

/**
 * The simulator in its own process, driven over IPC: client and server then have an event loop (and, on a
 * 2-core machine, a core) each, and the simulator's stored orders never count as the client's memory.
 */
const sim = await AltinnSimulator.start();
const send = (message: SimReady | SimAnswer) => process.send?.(message);

process.on('message', (message: SimCommand) => {
  void answer(message).then(
    (fields) => send({ type: 'answer', id: message.id, ...fields }),
    (err: unknown) => send({ type: 'answer', id: message.id, error: String((err as Error)?.message ?? err) }),
  );
});
// The parent died without saying goodbye: do not outlive it.
process.on('disconnect', () => void sim.close().then(() => process.exit(0)));

async function answer(message: SimCommand): Promise<Omit<SimAnswer, 'type' | 'id'>> {
  switch (message.cmd) {
    case 'register':
      sim.registerMaskinportenClient({
        clientId: message.clientId,
        keyId: message.keyId,
        publicKey: message.publicKeyPem,
      });
      return {};
    case 'counters':
      return { counters: sim.counters };
    case 'issueToken':
      return { token: await sim.issueToken() };
    case 'reset':
      // Between phases: the simulator keeps every order and request record; that is its memory, not the client's.
      sim.reset();
      return {};
    case 'close':
      await sim.close();
      setImmediate(() => process.exit(0));
      return {};
  }
}

send({
  type: 'ready',
  url: sim.url,
  baseUrl: sim.baseUrl,
  platformUrl: sim.platformUrl,
  tokenUrl: sim.maskinporten.tokenUrl,
  issuer: sim.maskinporten.issuer,
});
