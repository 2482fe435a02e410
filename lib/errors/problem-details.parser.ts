import type { AltinnApiErrorDetails, AltinnFieldError } from './altinn-notifications.error.js';

type ParsedProblem = Omit<AltinnApiErrorDetails, 'method' | 'path' | 'attempts'>;

const MAX_TEXT = 300;

/**
 * Reads every error shape Altinn really sends (contract §4): ASP.NET `ValidationProblemDetails` (400, `errors`
 * dictionary), Altinn problem details (`code`, older `errorCode`; message in `title`, older `detail`), and empty,
 * HTML or non-JSON bodies (401, 403, 500). Content-Type is not trusted: the server declares `application/json`.
 */
export function parseProblem(
  status: number,
  rawBody: string,
  retryAfter?: string,
  redact: (text: string) => string = (t) => t,
): ParsedProblem {
  const body = parseJsonObject(rawBody);
  const parsed: ParsedProblem = { status, retryAfterSeconds: parseRetryAfter(retryAfter) };
  if (!body) return parsed;
  // Redacted before it is cut short, so a cut cannot leave half a secret behind.
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? redact(value).slice(0, MAX_TEXT) : undefined;
  parsed.code = text(body.code) ?? text(body.errorCode);
  parsed.title = text(body.title);
  parsed.detail = text(body.detail);
  parsed.traceId = text(body.traceId);
  parsed.errors = flattenErrors(body.errors, text);
  return parsed;
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `{ "RecipientSms.PhoneNumber": ["…"] }` → `[{ path, message }]`; keys are .NET paths, kept as sent. */
function flattenErrors(
  errors: unknown,
  text: (value: unknown) => string | undefined,
): AltinnFieldError[] | undefined {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
  const out: AltinnFieldError[] = [];
  for (const [path, messages] of Object.entries(errors as Record<string, unknown>)) {
    const list = Array.isArray(messages) ? messages : [messages];
    for (const message of list) {
      const m = text(message);
      if (m) out.push({ path, message: m });
    }
  }
  return out;
}

/** `Retry-After` as delta-seconds or HTTP date → whole seconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
