import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AltinnSimulator, SimulatorDelivery } from '../../lib/testing/index.js';
import { AppModule } from '../../sample-app/src/app.module.js';
import { startSimulator } from '../../sample-app/src/simulator.setup.js';

export const E2E_SECRET = 'e2e-secret-0b6f1c9d4e2a8f7b3c5d9e1a6f0b4c8d';

/** A settable clock for the OTP service, so expiry is tested without sleeping. */
export class Clock {
  ms = Date.UTC(2026, 5, 1, 8, 0);
  readonly now = () => this.ms;
}

/** The simulator as main.ts starts it: fake Maskinporten with a freshly registered client. */
export async function startSampleSimulator(): Promise<{
  sim: AltinnSimulator;
  config: Record<string, string>;
}> {
  return startSimulator();
}

/** The sample's AppModule as an HTTP app, reading only the given config (never a developer's .env or env vars). */
export async function startSampleApp(
  config: Record<string, string>,
  clock = new Clock(),
): Promise<{ app: INestApplication; clock: Clock }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({ config: { OTP_SECRET: E2E_SECRET, ...config }, isolated: true, now: clock.now }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return { app, clock };
}

/** The code in the message the simulator delivered, read as the person would. */
export function codeOf(delivery: SimulatorDelivery | undefined): string {
  const code = delivery?.body.match(/\b(\d{6,10})\b/)?.[1];
  if (!code) throw new Error('no code in the delivered message');
  return code;
}
