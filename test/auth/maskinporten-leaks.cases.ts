import { inspect } from 'node:util';
import type { AltinnAuditRecord } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { GrantRecorder } from './support/grant-recorder.js';
import { bearerTokens, createMaskinportenClient, registerClient } from './support/maskinporten-client.js';
import { fakeDate } from './support/fake-date.js';
import { rsaKey } from './support/maskinporten-keys.js';

/** Every form an error could be logged or shipped in. */
function rendered(err: unknown): string {
  const e = err as Error;
  return [String(e), e.stack, JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join('\n');
}

describe('the key and tokens stay out of logs and errors', () => {
  it('across sends, a 401 refresh, and every kind of token failure', async () => {
    const sim = await AltinnSimulator.start({ log: () => undefined });
    const recorder = await GrantRecorder.start(sim.maskinporten.tokenUrl);
    const key = rsaKey();
    const audit: AltinnAuditRecord[] = [];
    // The exchange's hang waits out timeoutMs; at 300 ms a loaded machine timed out a relayed grant as well.
    const client = await createMaskinportenClient(
      sim,
      registerClient(sim, key, { tokenUrl: recorder.tokenUrl, timeoutMs: 1000, privateKey: key.pkcs1Pem }),
      { onAudit: (r) => void audit.push(r), retry: false },
    );
    const errors: unknown[] = [];
    const send = () => client.service.sendInstantSms(smsOrder()).catch((e: unknown) => void errors.push(e));
    const echoed = await sim.issueToken();
    let clock: ReturnType<typeof fakeDate> | undefined;
    try {
      await Promise.all(Array.from({ length: 20 }, send));
      sim.inject({ kind: 'status', status: 401 }, { path: /instant\/sms$/ });
      await send();
      const failures = [
        () => sim.exchangeDown(1, { kind: 'status', status: 401 }),
        () => sim.exchangeDown(1, { kind: 'hang' }),
        () =>
          sim.exchangeDown(1, {
            kind: 'status',
            status: 400,
            body: `bad token ${echoed}`,
            contentType: 'text/plain',
          }),
        () =>
          sim.maskinportenDown(1, {
            kind: 'status',
            status: 400,
            body: { error: 'invalid_grant', error_description: `Grant ${echoed} is used before` },
          }),
        () => sim.maskinportenDown(1, { kind: 'reset' }),
      ];
      // The first failure hits a refresh after a 401 (token cached); the rest, a refresh with nothing cached. A
      // token is dropped for a 401 at most once in 10 s: the clock moves past that.
      clock = fakeDate();
      clock.advance(10_000);
      sim.inject({ kind: 'status', status: 401 }, { path: /instant\/sms$/ });
      for (const fail of failures) {
        fail();
        await send();
      }
      await send();
    } finally {
      clock?.restore();
      await client.close();
      await recorder.close();
      await sim.close();
    }

    const secrets = [...key.secrets, ...recorder.assertions, ...bearerTokens(sim), echoed];
    expect(recorder.assertions).toHaveLength(8);
    expect(new Set(bearerTokens(sim)).size).toBeGreaterThanOrEqual(4);
    expect(errors).toHaveLength(5);
    expect(errors.every((e) => (e as Error).name === 'AltinnAuthError')).toBe(true);
    expect((errors[2] as { errorDescription?: string }).errorDescription).toBe('bad token [redacted]');

    const text = [...client.logger.lines, ...errors.map(rendered), JSON.stringify(audit)].join('\n');
    expect(client.logger.lines.some((l) => l.includes('Maskinporten POST /token'))).toBe(true);
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      // Also no signature or payload part of a JWT on its own.
      for (const part of secret.split('.').filter((p) => p.length > 20)) expect(text).not.toContain(part);
    }
  });
});
