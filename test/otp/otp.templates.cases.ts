import { ALTINN_OTP_DEFAULT_TEMPLATES } from '../../lib/index.js';
import { lifetimeText, renderTemplate } from '../../lib/otp/otp.templates.js';

describe('OTP message templates', () => {
  it('renders Altinn’s SMS example in both languages', () => {
    const values = { code: '123456', ttlSeconds: 300 };
    expect(renderTemplate(ALTINN_OTP_DEFAULT_TEMPLATES.en.sms, { ...values, language: 'en' })).toBe(
      'Your one-time code is: 123456. The code expires in 5 minutes. Do not share this code with others.',
    );
    expect(renderTemplate(ALTINN_OTP_DEFAULT_TEMPLATES.nb.sms, { ...values, language: 'nb' })).toBe(
      'Din engangskode er: 123456. Koden utløper om 5 minutter. Ikke del denne koden med andre.',
    );
  });

  it('keeps the default SMS within one segment (160 characters) for the longest code and lifetime', () => {
    for (const language of ['nb', 'en'] as const) {
      const body = renderTemplate(ALTINN_OTP_DEFAULT_TEMPLATES[language].sms, {
        code: '1234567890',
        ttlSeconds: 3599,
        language,
      });
      expect(body.length).toBeLessThanOrEqual(160);
    }
  });

  it.each([
    [60, 'en', '1 minute'],
    [180, 'en', '3 minutes'],
    [90, 'en', '90 seconds'],
    [60, 'nb', '1 minutt'],
    [600, 'nb', '10 minutter'],
    [75, 'nb', '75 sekunder'],
  ] as const)('lifetime %i s in %s is "%s"', (ttl, language, text) => {
    expect(lifetimeText(ttl, language)).toBe(text);
  });

  it('fills {code}, {lifetime} and {minutes}; leaves other braces alone', () => {
    expect(
      renderTemplate('{code} {lifetime} {minutes} {name}', { code: '0042', ttlSeconds: 90, language: 'en' }),
    ).toBe('0042 90 seconds 2 {name}');
  });
});
