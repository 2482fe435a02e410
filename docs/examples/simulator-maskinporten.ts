import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AltinnNotificationsModule } from 'nestjs-altinn-notifications';
import { AltinnSimulator } from 'nestjs-altinn-notifications/testing';

const sim = await AltinnSimulator.start();
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const clientId = randomUUID();
const keyId = 'test-key';
sim.registerMaskinportenClient({ clientId, keyId, publicKey });

export const altinn = AltinnNotificationsModule.forRoot({
  baseUrl: sim.baseUrl,
  maskinporten: {
    clientId,
    keyId,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    tokenUrl: sim.maskinporten.tokenUrl,
    audience: sim.maskinporten.issuer,
    platformUrl: sim.platformUrl,
  },
});
// sim.counters.grants / sim.counters.exchanges count the token calls;
// sim.maskinportenDown() / sim.exchangeDown() make the next one fail.
