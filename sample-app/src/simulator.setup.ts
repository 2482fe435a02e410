import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AltinnSimulator } from '../../lib/testing/index.js';

/** A national identity number (valid control digits) the simulator knows; no real person's. */
export const DEMO_PERSON = '01017010170';

/**
 * Starts the embedded Altinn simulator and registers a Maskinporten client with a key made on the spot, so the
 * app runs the real token flow (grant → fake Maskinporten → exchange) with no credentials. Returns the config
 * values `altinnOptions` reads.
 */
export async function startSimulator(options: { port?: number; log?: (line: string) => void } = {}) {
  const sim = await AltinnSimulator.start({ port: options.port, log: options.log });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientId = randomUUID();
  const keyId = `sample-${clientId.slice(0, 8)}`;
  sim.registerMaskinportenClient({ clientId, publicKey, keyId });
  // A person in the simulator's contact registry, for POST /notifications/scheduled.
  sim.contacts.setPerson(DEMO_PERSON, {
    mobile: '+4799999999',
    email: 'kari.nordmann@example.no',
    reserved: false,
  });
  const config: Record<string, string> = {
    ALTINN_ENV: 'simulator',
    ALTINN_BASE_URL: sim.baseUrl,
    ALTINN_PLATFORM_URL: sim.platformUrl,
    MASKINPORTEN_TOKEN_URL: sim.maskinporten.tokenUrl,
    MASKINPORTEN_AUDIENCE: sim.maskinporten.issuer,
    MASKINPORTEN_CLIENT_ID: clientId,
    MASKINPORTEN_KEY_ID: keyId,
    MASKINPORTEN_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  return { sim, config };
}
