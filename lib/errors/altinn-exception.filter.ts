import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  AltinnApiError,
  AltinnAuthError,
  AltinnNotificationsError,
  AltinnRequestError,
  AltinnValidationError,
  type AltinnFieldError,
} from './altinn-notifications.error.js';

/** An RFC 9457 problem, as the filter writes it. */
export interface AltinnProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Altinn's code, e.g. `NOT-00004`. */
  code?: string;
  traceId?: string;
  errors?: AltinnFieldError[];
}

/**
 * Turns this library's errors into `application/problem+json`. Opt-in: register it with `APP_FILTER`,
 * `app.useGlobalFilters()` or `@UseFilters()`. Credential trouble is the server's, so it is a 502, never a 401.
 * Other contexts than HTTP (microservices, WebSockets) are passed on untouched: the error is thrown again.
 */
@Catch(AltinnNotificationsError)
export class AltinnExceptionFilter implements ExceptionFilter<AltinnNotificationsError> {
  constructor(private readonly adapterHost?: HttpAdapterHost) {}

  catch(error: AltinnNotificationsError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const { problem, retryAfter } = toProblem(error);
    const response = host.switchToHttp().getResponse<unknown>();
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
    // A string body: the adapters (Express and Fastify, Nest 11 and 12) send a string as it is, with the header set
    // here; an object would be checked against, or given, `application/json` instead.
    const body = JSON.stringify(problem);
    const adapter = this.adapterHost?.httpAdapter;
    if (adapter) {
      for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
      adapter.reply(response, body, problem.status);
    } else {
      sendWithoutAdapter(response, problem.status, headers, body);
    }
  }
}

/** `new AltinnExceptionFilter()` without the adapter host: a Fastify reply, or Node's response (so Express). */
function sendWithoutAdapter(
  response: unknown,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  const reply = response as {
    raw?: unknown;
    code?(s: number): unknown;
    headers?(h: object): unknown;
    send?(b: string): unknown;
  };
  if (reply.raw && reply.code && reply.headers && reply.send) {
    reply.code(status);
    reply.headers(headers);
    reply.send(body);
    return;
  }
  const res = response as { statusCode: number; setHeader(n: string, v: string): void; end(b: string): void };
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

/** The mapping table of the README, in code. */
export function toProblem(error: AltinnNotificationsError): { problem: AltinnProblem; retryAfter?: number } {
  if (error instanceof AltinnValidationError) {
    return { problem: problem(400, 'The notification order is invalid', { errors: [...error.errors] }) };
  }
  if (error instanceof AltinnAuthError) {
    return { problem: problem(502, 'Could not authenticate with Altinn') };
  }
  if (error instanceof AltinnRequestError) {
    return error.reason === 'timeout'
      ? { problem: problem(504, 'Altinn did not answer in time') }
      : { problem: problem(502, 'Altinn could not be reached') };
  }
  if (error instanceof AltinnApiError) return fromApiError(error);
  return { problem: problem(500, 'Altinn notification failed') };
}

/**
 * Server text (`title`/`detail`) is forwarded only with a 4xx answer, where it tells the caller what to fix. A 5xx
 * answer carries Altinn's `code` and `traceId` alone: a proxy or WAF in front of Altinn may quote the request
 * (a one-time code, the recipient) in its error text, and whatever redaction misses must not reach the caller.
 */
function fromApiError(e: AltinnApiError): { problem: AltinnProblem; retryAfter?: number } {
  const ids = { code: e.code, traceId: e.traceId };
  const withText = { ...ids, detail: e.title ?? e.detail };
  if (e.status === 400) {
    return {
      problem: problem(400, 'Altinn rejected the notification order', { ...withText, errors: e.errors }),
    };
  }
  if (e.status === 401 || e.status === 403)
    return { problem: problem(502, 'Altinn rejected our credentials', ids) };
  if (e.status === 404) return { problem: problem(404, 'Altinn returned an error', withText) };
  if (e.status === 422)
    return { problem: problem(422, 'Altinn could not process the notification order', withText) };
  if (e.status === 429 || e.status === 499 || (e.status === 503 && e.code === 'NOT-00004')) {
    return {
      problem: problem(503, 'Altinn is temporarily unavailable', ids),
      retryAfter: e.retryAfterSeconds,
    };
  }
  return { problem: problem(502, 'Altinn returned an error', ids) };
}

function problem(status: number, title: string, extra: Partial<AltinnProblem> = {}): AltinnProblem {
  const out: AltinnProblem = {
    type: extra.code ? `urn:altinn:error:${extra.code}` : 'about:blank',
    title,
    status,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
