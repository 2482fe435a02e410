import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  AltinnNotificationsModule,
  AltinnOtpModule,
  AltinnOtpService,
  StaticTokenProvider,
  type AltinnNotificationsModuleOptions,
  type AltinnOtpModuleOptions,
} from '../../lib/index.js';
import { AltinnSimulator, type SimulatorDelivery } from '../../lib/testing/index.js';
import { CaptureLogger } from '../support/capture-logger.js';

export const TEST_SECRET = 'test-secret-7f3c9a1e5b2d8c4f6a0e9b3d7c1f5a8e';

/** A settable clock, so expiry is tested without sleeping. */
export class TestClock {
  constructor(public ms = Date.UTC(2026, 0, 15, 10, 30)) {}
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface OtpTestApp {
  otp: AltinnOtpService;
  logger: CaptureLogger;
  clock: TestClock;
  moduleRef: TestingModule;
  close(): Promise<void>;
}

/** The notifications module (global) and the OTP module against a running simulator, logs captured. */
export async function createOtpTestApp(
  sim: AltinnSimulator,
  otpOptions: Partial<AltinnOtpModuleOptions> = {},
  altinnOptions: Partial<AltinnNotificationsModuleOptions> = {},
): Promise<OtpTestApp> {
  const logger = new CaptureLogger();
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        isGlobal: true,
        baseUrl: sim.baseUrl,
        tokenProvider: new StaticTokenProvider(await sim.issueToken()),
        logging: { logger },
        retry: false,
        ...altinnOptions,
      }),
      AltinnOtpModule.forRoot({ secret: TEST_SECRET, logging: { logger }, now: clock.now, ...otpOptions }),
    ],
  }).compile();
  await moduleRef.init();
  return { otp: moduleRef.get(AltinnOtpService), logger, clock, moduleRef, close: () => moduleRef.close() };
}

export interface OtpTestContext {
  sim: AltinnSimulator;
  /** The test's app: the last one `start()` made. */
  readonly app: OtpTestApp;
  /** Starts the test's app with these options, closing the one it had. */
  start(
    otp?: Partial<AltinnOtpModuleOptions>,
    altinn?: Partial<AltinnNotificationsModuleOptions>,
  ): Promise<OtpTestApp>;
}

/**
 * Registers the usual hooks of an OTP spec: one simulator for the `describe` block, reset before each test, and an
 * app per test, closed after it, which starts with the default options before each test unless `startEach` is
 * false. Read `ctx.sim` / `ctx.app` inside tests.
 */
export function useOtpTestApp({ startEach = true } = {}): OtpTestContext {
  let app: OtpTestApp | undefined;
  const ctx: OtpTestContext = {
    sim: undefined as unknown as AltinnSimulator,
    get app() {
      if (!app) throw new Error('no OTP app started in this test');
      return app;
    },
    async start(otp = {}, altinn = {}) {
      await app?.close();
      app = await createOtpTestApp(ctx.sim, otp, altinn);
      return app;
    },
  };
  beforeAll(async () => {
    ctx.sim = await AltinnSimulator.start();
  });
  afterAll(() => ctx.sim?.close());
  beforeEach(async () => {
    ctx.sim.reset();
    if (startEach) await ctx.start();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return ctx;
}

/** The code in a delivered message, read as the recipient would. */
export function codeIn(delivery: SimulatorDelivery | undefined): string {
  const match = delivery?.body.match(/\b(\d{6,10})\b/);
  if (!match) throw new Error('no code in the delivered message');
  return match[1];
}

/** A wrong code of the same length. */
export function wrong(code: string): string {
  return code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
}
