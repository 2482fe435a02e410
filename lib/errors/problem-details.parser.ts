import type { AltinnApiErrorDetails, AltinnFieldError } from './altinn-notifications.error.js';
import { MAX_SERVER_TEXT, serverText } from './server-text.js';

type ParsedProblem = Omit<AltinnApiErrorDetails, 'method' | 'path' | 'attempts'>;

/** Field errors kept from one response; Altinn's validators report far fewer for one order. */
export const MAX_FIELD_ERRORS = 20;
/** Characters of all kept field errors together (paths and messages). */
const MAX_FIELD_ERRORS_TEXT = 4 * MAX_SERVER_TEXT;

/**
 * Reads every error shape Altinn sends: ASP.NET `ValidationProblemDetails` (400, `errors` dictionary), Altinn's
 * problem details (`code`, older `errorCode`; message in `title`, older `detail`: `AltinnProblemDetails` of
 * Altinn.Authorization.ProblemDetails, catalogue in `src/Altinn.Notifications.Core/Errors/Problems.cs`), and empty, HTML or non-JSON bodies (401,
 * 403, 500). Content-Type is not trusted: the server declares `application/json`. Every string kept, field names
 * included, is redacted, cleaned and capped (`serverText`).
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
  const text = (value: unknown) => serverText(value, redact);
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

/**
 * `{ "RecipientSms.PhoneNumber": ["…"] }` → `[{ path, message }]`; keys are .NET paths, kept as sent but treated
 * like any server text. At most `MAX_FIELD_ERRORS` entries and `MAX_FIELD_ERRORS_TEXT` characters.
 */
function flattenErrors(
  errors: unknown,
  text: (value: unknown) => string | undefined,
): AltinnFieldError[] | undefined {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
  const out: AltinnFieldError[] = [];
  let size = 0;
  for (const [key, messages] of Object.entries(errors as Record<string, unknown>)) {
    let path: string | undefined;
    for (const message of Array.isArray(messages) ? messages : [messages]) {
      const m = text(message);
      if (!m) continue;
      path ??= text(key) ?? '';
      size += path.length + m.length;
      if (out.length === MAX_FIELD_ERRORS || size > MAX_FIELD_ERRORS_TEXT) return out;
      out.push({ path, message: m });
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
