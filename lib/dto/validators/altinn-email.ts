// Altinn's "Altinn 2" address rule (`IsValidEmail` in Altinn/altinn-notifications,
// `src/Altinn.Notifications/Validators/Rules/RecipientRules.cs`), written anew from its description:
// dot-atom local part (ASCII letters, digits, æøå and the RFC specials), 1–9 domain labels then a 2–14 letter
// ASCII TLD, or a bare dotted IPv4 address. The HTML-escaped `&quot;` quirk of the server regex is not reproduced.
const ATOM = "[A-Za-z0-9æøåÆØÅ!#$%&'*+\\-=?^_`{|}~]+";
const LABEL = '[A-Za-z0-9æøåÆØÅ](?:[A-Za-z0-9æøåÆØÅ-]{0,61}[A-Za-z0-9æøåÆØÅ])?';
const IPV4 = '\\d{1,3}(?:\\.\\d{1,3}){3}';
const ALTINN_EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:(?:${LABEL}\\.){1,9}[A-Za-z]{2,14}|${IPV4})$`);

/** True when Altinn would accept the address (the server trims before matching). */
export function isAltinnEmail(value: unknown): value is string {
  return typeof value === 'string' && ALTINN_EMAIL.test(value.trim());
}
