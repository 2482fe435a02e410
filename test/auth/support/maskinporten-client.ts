import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  type AltinnNotificationsModuleOptions,
  type MaskinportenOptions,
} from '../../../lib/index.js';
import type { AltinnSimulator } from '../../../lib/testing/index.js';
import { CaptureLogger } from '../../support/capture-logger.js';
import type { TestKey } from './maskinporten-keys.js';

/** A client registered on the simulator's Maskinporten, and the options that point the library at it. */
export function registerClient(
  sim: AltinnSimulator,
  key: TestKey,
  overrides: Partial<MaskinportenOptions> = {},
): MaskinportenOptions {
  const clientId = randomUUID();
  const keyId = `kid-${randomUUID()}`;
  sim.registerMaskinportenClient({ clientId, publicKey: key.publicKey, keyId });
  return {
    clientId,
    privateKey: key.pkcs8Pem,
    keyId,
    tokenUrl: sim.maskinporten.tokenUrl,
    audience: sim.maskinporten.issuer,
    platformUrl: sim.platformUrl,
    ...overrides,
  };
}

export interface MaskinportenTestClient {
  service: AltinnNotificationsService;
  logger: CaptureLogger;
  close(): Promise<void>;
}

/** The module as most apps will use it: the `maskinporten` shorthand, no hand-made provider. */
export async function createMaskinportenClient(
  sim: AltinnSimulator,
  maskinporten: MaskinportenOptions,
  extra: Partial<AltinnNotificationsModuleOptions> = {},
): Promise<MaskinportenTestClient> {
  const logger = new CaptureLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        maskinporten,
        logging: { logger },
        ...extra,
      }),
    ],
  }).compile();
  await moduleRef.init();
  return { service: moduleRef.get(AltinnNotificationsService), logger, close: () => moduleRef.close() };
}

/** Every bearer token the simulator saw: Maskinporten tokens (at the exchange) and Altinn tokens. */
export function bearerTokens(sim: AltinnSimulator): string[] {
  return sim.requests.flatMap((r) =>
    r.authorization?.startsWith('Bearer ') ? [r.authorization.slice(7)] : [],
  );
}
