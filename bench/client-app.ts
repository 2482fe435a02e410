import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import axios, { type AxiosInstance } from 'axios';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  ALTINN_TOKEN_PROVIDER,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  type AltinnNotificationsModuleOptions,
  type AltinnTokenProvider,
} from '../lib/index.js';
import { DevNullLogger } from './dev-null.logger.js';
import type { SimProcess } from './sim-process.js';

@Module({})
class BenchAppModule {}

/** The module as an app runs it: a Nest application context, Maskinporten against the simulator's fake. */
export interface ModuleClient {
  app: INestApplicationContext;
  service: AltinnNotificationsService;
  tokenProvider: AltinnTokenProvider;
  logger: DevNullLogger;
  close(): Promise<void>;
}

/** A fresh Maskinporten client (own key, own id) registered on the simulator: its first send needs a grant. */
export async function createModuleClient(
  sim: SimProcess,
  extra: Partial<AltinnNotificationsModuleOptions> = {},
): Promise<ModuleClient> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientId = randomUUID();
  const keyId = `bench-${randomUUID()}`;
  await sim.register(clientId, keyId, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const logger = new DevNullLogger();
  const app = await NestFactory.createApplicationContext(
    {
      module: BenchAppModule,
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.where.baseUrl,
          maskinporten: {
            clientId,
            keyId,
            privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            tokenUrl: sim.where.tokenUrl,
            audience: sim.where.issuer,
            platformUrl: sim.where.platformUrl,
          },
          // Default logging (request line + audit line per send), only pointed away from the terminal.
          logging: { logger },
          ...extra,
        }),
      ],
    },
    { logger: false },
  );
  await app.init();
  return {
    app,
    service: app.get(AltinnNotificationsService),
    tokenProvider: app.get<AltinnTokenProvider>(ALTINN_TOKEN_PROVIDER),
    logger,
    close: async () => {
      await app.close();
      logger.close();
    },
  };
}

/** The baseline: axios with the agent settings the module uses by default (keep-alive, unlimited, LIFO). */
export function createBareClient(baseURL: string): { http: AxiosInstance; close(): void } {
  const settings = {
    keepAlive: true,
    keepAliveMsecs: 60_000,
    maxSockets: Infinity,
    scheduling: 'lifo' as const,
  };
  const httpAgent = new HttpAgent(settings);
  const httpsAgent = new HttpsAgent(settings);
  const http = axios.create({ baseURL, httpAgent, httpsAgent });
  return {
    http,
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
