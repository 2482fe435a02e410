import { AltinnConfigurationError, InMemoryOtpStore } from '../../lib/index.js';
import { resolveOtpOptions } from '../../lib/otp/resolve-otp-options.js';
import { TEST_SECRET } from './otp-test-app.js';

const ok = { secret: TEST_SECRET };

describe('AltinnOtpModule options', () => {
  it('defaults to Altinn’s OTP example: 6 digits, 300 s, 3 attempts; 60 s cooldown, 5 sends per hour; nb', () => {
    const r = resolveOtpOptions(ok);
    expect(r).toMatchObject({
      codeLength: 6,
      ttlSeconds: 300,
      maxAttempts: 3,
      cooldownMs: 60_000,
      maxSends: 5,
      windowMs: 3_600_000,
      language: 'nb',
    });
    expect(r.store).toBeInstanceOf(InMemoryOtpStore);
    expect(r.now).toBe(Date.now);
  });

  it.each([
    [{ secret: undefined }, 'secret'],
    [{ secret: 'short' }, 'secret'],
    [{ secret: Buffer.alloc(31) }, 'secret'],
    [{ codeLength: 5 }, 'codeLength'],
    [{ codeLength: 11 }, 'codeLength'],
    [{ ttlSeconds: 59 }, 'ttlSeconds'],
    [{ ttlSeconds: 3601 }, 'ttlSeconds'],
    [{ maxAttempts: 0 }, 'maxAttempts'],
    [{ resendCooldownSeconds: -1 }, 'resendCooldownSeconds'],
    [{ maxSendsPerWindow: 1.5 }, 'maxSendsPerWindow'],
    [{ windowSeconds: 30 }, 'windowSeconds'],
    [{ language: 'de' }, 'language'],
    [{ sender: 'TwelveChars!' }, 'sender'],
    [{ emailSubject: ' ' }, 'emailSubject'],
    [{ templates: { en: { sms: 'no code here' } } }, 'templates.en.sms'],
    [{ templates: { nb: { emailBody: '' } } }, 'templates.nb.emailBody'],
    [{ store: {} }, 'store'],
    [{ now: 5 }, 'now'],
    [{ notifications: 'two words' }, 'notifications'],
  ])('refuses %j with AltinnConfigurationError naming "%s"', (bad, option) => {
    const attempt = () => resolveOtpOptions({ ...ok, ...(bad as object) } as never);
    expect(attempt).toThrow(AltinnConfigurationError);
    expect(attempt).toThrow(`AltinnOtpModule: option "${option}"`);
  });

  it('never echoes the secret in its errors', () => {
    const secret = 'almost-long-enough-secret-value';
    expect(() => resolveOtpOptions({ secret })).toThrow('secret');
    try {
      resolveOtpOptions({ secret });
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(secret);
    }
  });

  it('accepts a 32-byte Buffer and partial templates (the rest from the defaults)', () => {
    const r = resolveOtpOptions({
      secret: Buffer.alloc(32, 7),
      templates: { en: { sms: 'Code {code}' } },
      emailSubject: 'Login',
    });
    expect(r.templates.en.sms).toBe('Code {code}');
    expect(r.templates.en.emailBody).toContain('{code}');
    expect(r.templates.nb.emailSubject).toBe('Login');
  });
});
