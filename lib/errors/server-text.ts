/** The most characters of one piece of server text an error keeps: a title, a detail, a field path or message. */
export const MAX_SERVER_TEXT = 300;

/** C0/C1 control characters and line/paragraph separators: they could forge a line wherever an error is logged. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Credentials in any server text, whoever they belong to: `Bearer …`/`Basic …` values and anything shaped like a
 * JWT (its header always starts `eyJ`). Linear: no quantified group can match the same text two ways.
 */
const CREDENTIAL = /\b(bearer|basic)\s+[^\s"',;]{8,}|\beyJ[\w-]*(?:\.[\w-]*)*/gi;

/**
 * @internal Server text as an error may carry it: redacted first (so a cut cannot leave half a secret behind),
 * credentials cut, control characters turned into spaces, then cut to `MAX_SERVER_TEXT`. `undefined` for anything
 * but a non-blank string.
 */
export function serverText(value: unknown, redact: (text: string) => string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = redact(value)
    .replace(CREDENTIAL, (_m, scheme?: string) => (scheme ? `${scheme} [redacted]` : '[redacted]'))
    .replace(CONTROL, ' ')
    .trim();
  return text === '' ? undefined : text.slice(0, MAX_SERVER_TEXT);
}
