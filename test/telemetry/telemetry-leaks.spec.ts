import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { runScenario } from '../faults/fault-runner.js';
import { FAULT_SCENARIOS } from '../faults/fault-scenarios.js';
import { findLeaks, type Secret } from '../faults/leak-check.js';
import { codeIn, createOtpTestApp, wrong } from '../otp/otp-test-app.js';
import { registerTestSdk, type TestSdk } from './otel-sdk.js';

/** Everything an exporter ships of a span: name, attributes, status, events, links, resource and scope. */
function exported(span: ReadableSpan): unknown {
  return {
    name: span.name,
    context: span.spanContext(),
    attributes: span.attributes,
    status: span.status,
    events: span.events,
    links: span.links,
    resource: span.resource.attributes,
    scope: span.instrumentationScope,
  };
}

describe('OpenTelemetry: no secret in any exported span or metric', () => {
  let sdk: TestSdk;
  let sim: AltinnSimulator;
  const secrets: Secret[] = [];
  const key = rsaKey();
  let text = '';

  beforeAll(async () => {
    sdk = registerTestSdk();
    sim = await AltinnSimulator.start();
    // The fault matrix's quick scenarios (module with the maskinporten option): successes, retries, failures.
    for (const scenario of FAULT_SCENARIOS.filter((s) => !s.slow)) {
      sim.reset();
      secrets.push(...(await runScenario(sim, key, scenario)).secrets);
    }
    // And a login code: sent, guessed wrong, verified.
    sim.reset();
    const app = await createOtpTestApp(sim);
    try {
      const sent = await app.otp.send({ channel: 'sms', recipient: '+47 999 88 777' });
      if (!sent.success) throw new Error('expected success');
      const code = codeIn(sim.deliveries[0]);
      await app.otp.verify({ channel: 'sms', recipient: '+4799988777' }, wrong(code));
      await app.otp.verify({ challengeId: sent.challengeId }, code);
      secrets.push(
        { kind: 'OTP', value: code },
        { kind: 'SMS body', value: sim.deliveries[0].body },
        { kind: 'phone number', value: '99988777' },
      );
    } finally {
      await app.close();
    }
    text = [JSON.stringify(sdk.spans().map(exported)), JSON.stringify(await sdk.collect())].join('\n');
  }, 90_000);
  afterAll(async () => {
    await sim?.close();
    await sdk?.shutdown();
  });

  it('scans what it should: every scenario’s spans and metric points were exported', async () => {
    const names = new Set(sdk.spans().map((s) => s.name));
    expect([...names].sort()).toEqual(['GET', 'POST', 'altinn.notifications.send', 'altinn.token.fetch']);
    expect(secrets.map((s) => s.kind)).toEqual(
      expect.arrayContaining([
        'OTP',
        'SMS body',
        'email address',
        'phone number',
        'private key',
        'Altinn token',
      ]),
    );
    expect(secrets.map((s) => s.kind)).toContain('Maskinporten token');
    for (const metric of [
      'altinn.notifications.sends',
      'altinn.notifications.retries',
      'altinn.token.fetches',
    ])
      expect(text).toContain(metric);
    expect(text).toContain('altinn.otp.verifications');
  });

  it('finds no token, key, code, message body, phone number or e-mail address', () => {
    expect(findLeaks(text, secrets)).toEqual([]);
  });
});
