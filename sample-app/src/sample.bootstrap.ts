import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { AppModule } from './app.module.js';
import { assertSimulatorAllowed } from './dev-simulator.js';
import { altinnTarget, type AltinnTarget } from './sample.config.js';
import { startSimulator } from './simulator.setup.js';

export interface StartedSample {
  app: INestApplication;
  url: string;
  target: AltinnTarget;
  /** Only with `ALTINN_ENV=simulator`. */
  sim?: AltinnSimulator;
  close(): Promise<void>;
}

/**
 * Starts the sample from one set of variables (main.ts: the environment plus `.env`): the real Altinn with
 * `ALTINN_ENV=tt02|production`, the embedded simulator with `ALTINN_ENV=simulator` (refused in production and beside
 * Maskinporten credentials). Only the simulator prints messages, one-time codes included; the real modes print none.
 */
export async function startSample(
  env: Readonly<Record<string, string | undefined>>,
  logger?: LoggerService,
): Promise<StartedSample> {
  const target = altinnTarget({ get: (key) => env[key] });
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) config[key] = value;
  let sim: AltinnSimulator | undefined;
  if (target === 'simulator') {
    assertSimulatorAllowed(env);
    const simLogger = new Logger('AltinnSimulator');
    const started = await startOnFreePort(Number(env.SIMULATOR_PORT ?? 5050), (line) => simLogger.log(line));
    sim = started.sim;
    Object.assign(config, started.config);
    if (!env.OTP_SECRET) {
      config.OTP_SECRET = randomBytes(32).toString('base64');
      new Logger('Sample').warn(
        'OTP_SECRET is not set: using a random one, so codes do not survive a restart',
      );
    }
  }
  try {
    const app = await NestFactory.create(AppModule.register({ config, isolated: true }), { logger });
    if (sim) exposeClock(app, sim);
    await app.listen(Number(env.PORT ?? 3000), env.HOST ?? '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', 'localhost');
    return { app, url, target, sim, close: () => app.close().finally(() => sim?.close()) };
  } catch (err) {
    await sim?.close();
    throw err;
  }
}

async function startOnFreePort(port: number, log: (line: string) => void) {
  try {
    return await startSimulator({ port, log });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startSimulator({ port: 0, log });
  }
}

/** Simulator only: `POST /simulator/advance?hours=N` moves its clock, so scheduled sends and reminders happen now. */
function exposeClock(app: INestApplication, sim: AltinnSimulator): void {
  app
    .getHttpAdapter()
    .post('/simulator/advance', (req: { query: { hours?: string } }, res: ServerResponse) => {
      const hours = Math.min(Math.max(Number(req.query.hours ?? 1) || 1, 0), 24 * 60);
      void sim.advance(hours * 3_600_000).then(() => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ now: sim.now().toISOString() }));
      });
    });
}
