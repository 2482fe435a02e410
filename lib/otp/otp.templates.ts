import type { OtpLanguage, OtpTemplate } from './otp.interfaces.js';

/**
 * The wording of Altinn's one-time-code examples in both languages
 * (docs.altinn.studio/en/notifications/guides/instant-notifications/, "Use Clear Message"), without the "from
 * Altinn" signature: the sender is the service owner, and `sender` says so on the SMS. No links (Altinn's content
 * rule).
 */
export const ALTINN_OTP_DEFAULT_TEMPLATES: Readonly<Record<OtpLanguage, Readonly<OtpTemplate>>> = {
  nb: {
    sms: 'Din engangskode er: {code}. Koden utløper om {lifetime}. Ikke del denne koden med andre.',
    emailSubject: 'Din engangskode',
    emailBody:
      'Din engangskode er: {code}\n\nKoden utløper om {lifetime}.\n\nIkke del denne koden med andre.',
  },
  en: {
    sms: 'Your one-time code is: {code}. The code expires in {lifetime}. Do not share this code with others.',
    emailSubject: 'Your one-time code',
    emailBody:
      'Your one-time code is: {code}\n\nThe code expires in {lifetime}.\n\nDo not share this code with others.',
  },
};

/** @internal "5 minutes" / "5 minutter"; whole minutes when the lifetime is, seconds otherwise. */
export function lifetimeText(ttlSeconds: number, language: OtpLanguage): string {
  const minutes = ttlSeconds / 60;
  if (Number.isInteger(minutes)) {
    if (language === 'nb') return minutes === 1 ? '1 minutt' : `${minutes} minutter`;
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  return language === 'nb' ? `${ttlSeconds} sekunder` : `${ttlSeconds} seconds`;
}

/** @internal Fills the placeholders; unknown `{…}` stay as written. */
export function renderTemplate(
  template: string,
  values: { code: string; ttlSeconds: number; language: OtpLanguage },
): string {
  const fills: Record<string, string> = {
    code: values.code,
    lifetime: lifetimeText(values.ttlSeconds, values.language),
    minutes: String(Math.ceil(values.ttlSeconds / 60)),
  };
  return template.replace(/\{(code|lifetime|minutes)\}/g, (_, name: string) => fills[name]);
}
