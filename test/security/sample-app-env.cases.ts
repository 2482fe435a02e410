import 'reflect-metadata';
import type { LoggerService } from '@nestjs/common';
import { startSample, type StartedSample } from '../../sample-app/src/sample.bootstrap.js';

// The sample app used to fall back to its embedded simulator when ALTINN_ENV was unset, also under
// NODE_ENV=production and with Maskinporten credentials set, and then printed every one-time code to the log.

/** Every line Nest and the simulator print, with its context. */
class Lines implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown, context?: string) => this.lines.push(`${context} ${String(message)}`);
  error = this.log;
  warn = this.log;
  debug = this.log;
  verbose = this.log;
}

const LOCAL = { PORT: '0', SIMULATOR_PORT: '0', OTP_SECRET: 'security-test-secret-5c1e0f7a9b3d2e8c4a6f' };

/** The start-up error, or the started app closed again (a start that should have been refused). */
async function refusal(env: Record<string, string>): Promise<Error | StartedSample> {
  try {
    const started = await startSample({ ...LOCAL, ...env }, new Lines());
    await started.close();
    return started;
  } catch (err) {
    return err as Error;
  }
}

describe('sample app: the simulator only when asked for, never in production', () => {
  it('refuses to start without ALTINN_ENV instead of falling back to the simulator', async () => {
    const result = await refusal({});
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/^ALTINN_ENV is not set/);
  });

  it('refuses ALTINN_ENV=simulator under NODE_ENV=production', async () => {
    const result = await refusal({ ALTINN_ENV: 'simulator', NODE_ENV: 'production' });
    expect((result as Error).message).toMatch(/refused when NODE_ENV=production/);
  });

  it('refuses ALTINN_ENV=simulator while Maskinporten variables are set', async () => {
    const result = await refusal({
      ALTINN_ENV: 'simulator',
      MASKINPORTEN_CLIENT_ID: '6f1e2d3c-0000-4000-8000-000000000000',
      MASKINPORTEN_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----\n',
    });
    expect((result as Error).message).toMatch(
      /refused while MASKINPORTEN_CLIENT_ID, MASKINPORTEN_PRIVATE_KEY are set/,
    );
    expect((result as Error).message).not.toContain('BEGIN PRIVATE KEY');
  });

  it('with ALTINN_ENV=simulator it runs, and only the simulator prints the code', async () => {
    const logger = new Lines();
    const started = await startSample({ ...LOCAL, ALTINN_ENV: 'simulator' }, logger);
    try {
      expect(started.target).toBe('simulator');
      const res = await fetch(`${started.url}/otp/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'sms', recipient: '+4799999999' }),
      });
      expect(res.status).toBe(201);
      const code = started.sim!.deliveries[0].body.match(/\d{6}/)![0];
      const withCode = logger.lines.filter((line) => line.includes(code));
      expect(withCode.length).toBeGreaterThan(0);
      expect(withCode.every((line) => line.startsWith('AltinnSimulator '))).toBe(true);
    } finally {
      await started.close();
    }
  });
});
