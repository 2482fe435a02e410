import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { AppModule } from './app.module.js';
import { altinnTarget } from './sample.config.js';
import { startSimulator } from './simulator.setup.js';

/**
 * `npm start`: with no ALTINN_ENV (or ALTINN_ENV=simulator) the app runs on an embedded Altinn simulator and fake
 * Maskinporten and prints every message "delivered"; with ALTINN_ENV=tt02|production and the Maskinporten
 * variables (see .env.example) it talks to the real Altinn.
 */
async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const logger = new Logger('Sample');
  const target = altinnTarget({ get: (key) => process.env[key] });
  const config: Record<string, string> = {};
  let sim: AltinnSimulator | undefined;
  if (target === 'simulator') {
    const simLogger = new Logger('AltinnSimulator');
    const started = await startOnFreePort(Number(process.env.SIMULATOR_PORT ?? 5050), (line) =>
      simLogger.log(line),
    );
    sim = started.sim;
    Object.assign(config, started.config);
    if (!process.env.OTP_SECRET) {
      config.OTP_SECRET = randomBytes(32).toString('base64');
      logger.warn('OTP_SECRET is not set: using a random one, so codes do not survive a restart');
    }
  }
  const app = await NestFactory.create(AppModule.register({ config }));
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(Number(process.env.PORT ?? 3000), host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app
        .close()
        .then(() => sim?.close())
        .finally(() => process.exit(0));
    });
  }
  console.log(banner(url, target, sim));
}

async function startOnFreePort(port: number, log: (line: string) => void) {
  try {
    return await startSimulator({ port, log });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startSimulator({ port: 0, log });
  }
}

function banner(url: string, target: string, sim?: AltinnSimulator): string {
  const json = "-H 'Content-Type: application/json'";
  return [
    '',
    `  Sample app        ${url}   (Altinn: ${target})`,
    ...(sim
      ? [
          `  Altinn simulator  ${sim.url}/   (outbox: every message it "delivered")`,
          '  Each delivered message is also printed here as [AltinnSimulator] … : read the code from it.',
        ]
      : []),
    '',
    '  1. Send a code:',
    `     curl -s -X POST ${url}/otp/send ${json} -d '{"channel":"sms","recipient":"+4799999999"}'`,
    '  2. Verify it (challengeId from step 1, code from the message):',
    `     curl -s -X POST ${url}/otp/verify ${json} -d '{"challengeId":"<challengeId>","code":"<code>"}'`,
    '     or by recipient:',
    `     curl -s -X POST ${url}/otp/verify ${json} -d '{"channel":"sms","recipient":"+4799999999","code":"<code>"}'`,
    '  Plain instant SMS:',
    `     curl -s -X POST ${url}/notifications/sms ${json} -d '{"recipientSms":{"phoneNumber":"+4799999999",` +
      `"timeToLiveInSeconds":300,"smsSettings":{"body":"Hello from the sample"}}}'`,
    '',
  ].join('\n');
}

void bootstrap().catch((err: unknown) => {
  new Logger('Sample').error(`start-up failed: ${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
});
