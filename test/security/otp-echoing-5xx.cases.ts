import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AltinnApiError, StaticTokenProvider } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { startSampleApp, startSampleSimulator } from '../e2e/sample-app.harness.js';
import { asciiJson, startEchoProxy, type EchoedRequest } from '../faults/echo-proxy.js';
import { renderError } from '../faults/leak-check.js';
import { createOtpTestApp, type OtpTestApp } from '../otp/otp-test-app.js';

/** The SMS body the proxy saw, and the code in it: what the attacker is after. */
function sent(r: EchoedRequest): { body: string; code: string } {
  const body = (JSON.parse(r.raw) as { recipientSms: { smsSettings: { body: string } } }).recipientSms
    .smsSettings.body;
  return { body, code: /\b(\d{6})\b/.exec(body)![1] };
}

/** The number the SMS went to, as the sample app sent it. */
function recipientOf(r: EchoedRequest): string {
  return (JSON.parse(r.raw) as { recipientSms: { phoneNumber: string } }).recipientSms.phoneNumber;
}

const QUOTES: Array<[string, (r: EchoedRequest) => string]> = [
  ['the request in full', (r) => `Upstream rejected ${r.raw}`],
  ['the request JSON-escaped', (r) => `Upstream rejected ${JSON.stringify(r.raw)}`],
  ['the request as ASCII JSON', (r) => `Upstream rejected ${asciiJson(JSON.parse(r.raw))}`],
  [
    'a 40-character excerpt around the code',
    (r) => {
      const { body, code } = sent(r);
      const at = Math.max(0, body.indexOf(code) - 17);
      return `near "${body.slice(at, at + 40)}"`;
    },
  ],
  ['the code alone', (r) => `blocked token ${sent(r).code}`],
];

/** Every code of the right length an attacker could read out of a text: each 6-digit window of its digits. */
function candidates(text: string): string[] {
  const runs = [...(text.match(/\d+/g) ?? []), text.replace(/\D/g, '')];
  const out = new Set<string>();
  for (const run of runs) for (let i = 0; i + 6 <= run.length; i++) out.add(run.slice(i, i + 6));
  return [...out];
}

/**
 * Attack: a proxy or WAF in front of Altinn answers 502 and quotes the request, with the live one-time code in it.
 * Whoever asked the sample app for a code to someone else's number must learn nothing of it: the OTP service
 * registers its code as a secret of the send, the library cuts it from server text in any form, and the filter
 * forwards no server text of a 5xx. The attacker tries every code the answer could give away.
 */
describe('attack: an echoing 5xx in front of Altinn, against the sample app’s OTP flow', () => {
  let sim: AltinnSimulator;
  let app: INestApplication;
  // Per recipient, so that the cases run at once: each waits out the sample app's default 2 s retry wait.
  const quotes = new Map<string, (r: EchoedRequest) => string>();
  const seen = new Map<string, string>();
  let proxy: Awaited<ReturnType<typeof startEchoProxy>>;

  beforeAll(async () => {
    proxy = await startEchoProxy((r) => {
      // The sample app's status feed reads through the proxy too (a GET, no body): an empty feed page.
      if (r.raw === '') return { status: 200, body: [] };
      const recipient = recipientOf(r);
      seen.set(recipient, sent(r).code);
      const text = quotes.get(recipient)!(r);
      return {
        status: 502,
        body: { title: text, detail: text, traceId: '00-echo-02', errors: { [text]: [text] } },
      };
    });
    const started = await startSampleSimulator();
    sim = started.sim;
    // Tokens from the simulator as always; the orders go through the echoing proxy.
    ({ app } = await startSampleApp({ ...started.config, ALTINN_BASE_URL: proxy.baseUrl }));
  });
  afterAll(async () => {
    await app.close();
    await proxy.close();
    await sim.close();
  });

  it.concurrent.each(QUOTES.map(([name, how], i) => [name, how, i] as const))(
    '%s: the answer gives nothing away, and no code read from it verifies',
    async (_name, how, i) => {
      const recipient = `+47999999${String(10 + i)}`;
      quotes.set(recipient, how);
      const challengeId = `victim-login-${i}`;
      const res = await request(app.getHttpServer())
        .post('/otp/send')
        .set('Idempotency-Key', challengeId)
        .send({ channel: 'sms', recipient });
      expect(res.status).toBe(502);
      const code = seen.get(recipient)!;
      expect(res.text).not.toContain(code);
      const guesses = candidates(res.text);
      expect(guesses).not.toContain(code);
      // Each guess spends one of the 3 attempts; none may succeed.
      for (const guess of guesses.slice(0, 3)) {
        const verify = await request(app.getHttpServer())
          .post('/otp/verify')
          .send({ channel: 'sms', recipient, code: guess });
        expect(verify.status).not.toBe(200);
      }
    },
  );
});

describe('attack: an echoing 5xx, against AltinnOtpService itself (what an app would log or return)', () => {
  let sim: AltinnSimulator;
  let otp: OtpTestApp;
  let quote: (r: EchoedRequest) => string = () => '';
  let code = '';
  let proxy: Awaited<ReturnType<typeof startEchoProxy>>;

  beforeAll(async () => {
    proxy = await startEchoProxy((r) => {
      code = sent(r).code;
      const text = quote(r);
      return { status: 502, body: { title: text, detail: text, errors: { [text]: [text] } } };
    });
    sim = await AltinnSimulator.start();
    otp = await createOtpTestApp(
      sim,
      { resendCooldownSeconds: 0, maxSendsPerWindow: 100 },
      { baseUrl: proxy.baseUrl, tokenProvider: new StaticTokenProvider('token-for-the-proxy') },
    );
  });
  afterAll(async () => {
    await otp.close();
    await proxy.close();
    await sim.close();
  });

  it.each(QUOTES)('%s: the error holds no trace of the code in any rendering', async (_name, how) => {
    quote = how;
    const error = await otp.otp.send({ channel: 'sms', recipient: '+4799999999' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnApiError);
    const text = renderError(error);
    expect(text).not.toContain(code);
    expect(candidates(text)).not.toContain(code);
    // The server's words are kept where they say something; the quote is cut.
    expect((error as AltinnApiError).title).toContain('[redacted]');
    expect(otp.logger.text).not.toContain(code);
  });
});
