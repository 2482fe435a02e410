import { echoRedactor } from '../../lib/http/echo-redaction.js';
import { emailOrder, smsOrder, useTestClient } from '../support/altinn-client.js';
import { renderError } from './leak-check.js';

// A proxy in front of Altinn may quote the request in its error body; none of it may reach the error.
describe('server text that quotes the request is redacted in AltinnApiError', () => {
  const ctx = useTestClient({ retry: false });

  const echo = (status: number, quoted: string[]) =>
    ctx.sim.inject({
      kind: 'status',
      status,
      body: {
        title: `Rejected request with Authorization: Bearer ${ctx.client.token}`,
        detail: quoted.join(' | '),
        errors: { Field: quoted.map((q) => `bad value ${q}`) },
        code: 'NOT-00004',
      },
    });

  it('the token, the phone number (as sent) and the SMS body', async () => {
    const order = smsOrder();
    const { phoneNumber, smsSettings } = order.recipientSms;
    echo(503, [phoneNumber, smsSettings.body]);
    const error = await ctx.client.service.sendInstantSms(order).catch((e: unknown) => e);
    const text = renderError(error);

    expect(error).toMatchObject({ name: 'AltinnApiError', status: 503, code: 'NOT-00004' });
    for (const secret of [ctx.client.token, phoneNumber, smsSettings.body, '482913']) {
      expect(text).not.toContain(secret);
    }
    expect(error).toMatchObject({ title: 'Rejected request with Authorization: Bearer [redacted]' });
    expect((error as { errors: unknown[] }).errors).toEqual([
      { path: 'Field', message: 'bad value [redacted]' },
      { path: 'Field', message: 'bad value [redacted]' },
    ]);
  });

  it('the email address, subject and body, even when the quote is cut short at 300 characters', async () => {
    const order = emailOrder();
    const { emailAddress, emailSettings } = order.recipientEmail;
    const longBody = `${'Hei! '.repeat(70)}Din engangskode er: 771204`;
    echo(400, [emailAddress, emailSettings.subject, `${'x'.repeat(250)}${longBody}`]);
    const error = await ctx.client.service
      .sendInstantEmail({
        ...order,
        recipientEmail: { emailAddress, emailSettings: { ...emailSettings, body: longBody } },
      })
      .catch((e: unknown) => e);
    const text = renderError(error);

    expect(error).toMatchObject({ name: 'AltinnApiError', status: 400 });
    for (const secret of [ctx.client.token, emailAddress, emailSettings.subject, '771204']) {
      expect(text).not.toContain(secret);
    }
  });
});

// The redactor itself, for what the order body cannot show: the caller's `secrets`, and text past what is read.
describe('echoRedactor', () => {
  const code = '318407';
  const redact = echoRedactor({ recipientSms: { phoneNumber: '+4791234567' } }, 'tok-abcdefghijklmnop', [
    `Your sign-in code is ${code}. Do not share it with anyone.`,
  ]);

  it.each([
    ['whole', `got "Your sign-in code is ${code}. Do not share it with anyone."`],
    ['JSON-escaped', `got \\"Your sign-in code is ${code}. Do not share it\\u0020with anyone.\\"`],
    ['in part, upper-cased', 'got ...DO NOT SHARE IT WITH...'],
    ['the code alone', `got code=${code}`],
  ])('cuts a secret quoted %s', (_name, text) => {
    const out = redact(text);
    expect(out).toMatch(/^got .*\[redacted\]/);
    expect(out).not.toContain(code);
    expect(out.toLowerCase()).not.toContain('not share');
  });

  it('reads at most 2048 characters, and drops the unchecked tail rather than pass it on', () => {
    const out = redact(`${'a'.repeat(2040)}${code}${'b'.repeat(1_000_000)}`);
    expect(out).toBe(`${'a'.repeat(2048 - 12)}…`);
    expect(out).not.toContain(code.slice(0, 3));
  });

  it('leaves Altinn’s own messages alone', () => {
    const text = 'Recipient phone number is not a valid mobile number.';
    expect(redact(text)).toBe(text);
  });
});
