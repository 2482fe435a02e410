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
 */
@Catch(AltinnNotificationsError)
export class AltinnExceptionFilter implements ExceptionFilter<AltinnNotificationsError> {
  constructor(private readonly adapterHost?: HttpAdapterHost) {}

  catch(error: AltinnNotificationsError, host: ArgumentsHost): void {
    const { problem, retryAfter } = toProblem(error);
    const response = host.switchToHttp().getResponse<unknown>();
    const adapter = this.adapterHost?.httpAdapter;
    if (adapter) {
      adapter.setHeader(response, 'Content-Type', 'application/problem+json');
      if (retryAfter !== undefined) adapter.setHeader(response, 'Retry-After', String(retryAfter));
      adapter.reply(response, problem, problem.status);
      return;
    }
    // Without the adapter host (e.g. `new AltinnExceptionFilter()` in main.ts on Express).
    const res = response as {
      status(s: number): { set(h: Record<string, string>): { send(b: string): void } };
    };
    res
      .status(problem.status)
      .set({
        'Content-Type': 'application/problem+json',
        ...(retryAfter !== undefined && { 'Retry-After': String(retryAfter) }),
      })
      .send(JSON.stringify(problem));
  }
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

function fromApiError(e: AltinnApiError): { problem: AltinnProblem; retryAfter?: number } {
  const altinn = { code: e.code, traceId: e.traceId, detail: e.title ?? e.detail };
  if (e.status === 400) {
    return {
      problem: problem(400, 'Altinn rejected the notification order', { ...altinn, errors: e.errors }),
    };
  }
  if (e.status === 401 || e.status === 403)
    return { problem: problem(502, 'Altinn rejected our credentials', altinn) };
  if (e.status === 422)
    return { problem: problem(422, 'Altinn could not process the notification order', altinn) };
  if (e.status === 429 || e.status === 499 || (e.status === 503 && e.code === 'NOT-00004')) {
    return {
      problem: problem(503, 'Altinn is temporarily unavailable', altinn),
      retryAfter: e.retryAfterSeconds,
    };
  }
  return { problem: problem(e.status === 404 ? 404 : 502, 'Altinn returned an error', altinn) };
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
