import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { startSample, type StartedSample } from './sample.bootstrap.js';
import { startConsoleTelemetry } from './telemetry.setup.js';
import { DEMO_PERSON } from './simulator.setup.js';

/**
 * `npm start` sets `ALTINN_ENV=simulator`: the app runs on an embedded Altinn simulator and fake Maskinporten and
 * prints every message "delivered". `npm run start:env` reads `ALTINN_ENV` from the environment or `.env`
 * (tt02|production with the Maskinporten variables, see .env.example) and talks to the real Altinn.
 */
async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  // Before the app: spans and metrics go to the console with OTEL_TRACES_EXPORTER=console.
  const stopTelemetry = await startConsoleTelemetry(process.env);
  const started = await startSample(process.env);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(
      signal,
      () => void started.close().finally(() => void stopTelemetry().finally(() => process.exit(0))),
    );
  }
  console.log(banner(started));
}

function banner({ url, target, sim }: StartedSample): string {
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
    '  Scheduled notification to a person, with a reminder a week later:',
    `     curl -s -X POST ${url}/notifications/scheduled ${json} -d '{"nationalIdentityNumber":"${DEMO_PERSON}"}'`,
    ...(sim
      ? [
          '     then move the simulator clock a day, and a week (the [StatusFeed] lines are the delivery receipts):',
          `     curl -s -X POST '${url}/simulator/advance?hours=24'; curl -s -X POST '${url}/simulator/advance?hours=168'`,
        ]
      : []),
    '',
  ].join('\n');
}

void bootstrap().catch((err: unknown) => {
  new Logger('Sample').error(`start-up failed: ${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
});
