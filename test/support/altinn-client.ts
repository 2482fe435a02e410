import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  type AltinnNotificationsModuleOptions,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { CaptureLogger } from './capture-logger.js';

export interface TestClient {
  service: AltinnNotificationsService;
  logger: CaptureLogger;
  token: string;
  moduleRef: TestingModule;
  close(): Promise<void>;
}

/** A Nest testing module with the library configured against a running simulator, logs captured. */
export async function createTestClient(
  sim: AltinnSimulator,
  overrides: Partial<AltinnNotificationsModuleOptions> = {},
): Promise<TestClient> {
  const logger = new CaptureLogger();
  const token = await sim.issueToken();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        tokenProvider: new StaticTokenProvider(token),
        logging: { logger },
        ...overrides,
      }),
    ],
  }).compile();
  await moduleRef.init();
  return {
    service: moduleRef.get(AltinnNotificationsService),
    logger,
    token,
    moduleRef,
    close: () => moduleRef.close(),
  };
}

/** A valid SMS order; Norwegian mobile numbers (4xx xx xxx and 9xx xx xxx). */
export function smsOrder(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyId: `sms-${Math.random().toString(36).slice(2)}`,
    recipientSms: {
      phoneNumber: '+4799999999',
      timeToLiveInSeconds: 300,
      smsSettings: { body: 'Din engangskode er: 482913. Koden utløper om 5 minutter.' },
    },
    ...overrides,
  };
}

export function emailOrder(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyId: `email-${Math.random().toString(36).slice(2)}`,
    recipientEmail: {
      emailAddress: 'ola.nordmann@example.no',
      emailSettings: { subject: 'Din engangskode', body: 'Din engangskode er: 771204' },
    },
    ...overrides,
  };
}

/**
 * Registers the usual hooks: one simulator and one client for the `describe` block, a clean simulator before each
 * test. Read `ctx.sim` / `ctx.client` inside tests (they exist once `beforeAll` ran).
 */
export function useTestClient(overrides: Partial<AltinnNotificationsModuleOptions> = {}) {
  const ctx = {} as { sim: AltinnSimulator; client: TestClient };
  beforeAll(async () => {
    ctx.sim = await AltinnSimulator.start();
    ctx.client = await createTestClient(ctx.sim, overrides);
  });
  afterAll(async () => {
    await ctx.client?.close();
    await ctx.sim?.close();
  });
  beforeEach(() => ctx.sim.reset());
  return ctx;
}
