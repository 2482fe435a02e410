import { isAxiosError, type AxiosResponse } from 'axios';
import {
  AltinnApiError,
  AltinnNotificationsError,
  AltinnRequestError,
} from '../errors/altinn-notifications.error.js';
import { parseProblem } from '../errors/problem-details.parser.js';
import { echoRedactor } from './echo-redaction.js';
import type { AltinnRequest, AltinnResponse } from './request-context.js';

/** @internal Rebuilt from scratch: axios errors carry the request config, and with it the Authorization header. */
export function toRequestError(
  request: AltinnRequest,
  attempts: number,
  err: unknown,
  reason: AltinnRequestError['reason'],
  timeoutMs: number,
): AltinnNotificationsError {
  if (err instanceof AltinnNotificationsError) return err;
  const code = isAxiosError(err) ? err.code : undefined;
  const detail =
    reason === 'timeout'
      ? `no answer within the timeout (${timeoutMs} ms per attempt)`
      : reason === 'aborted'
        ? 'aborted by the caller'
        : `network error${code ? ` ${code}` : ''}`;
  return new AltinnRequestError(reason, {
    method: request.method,
    path: request.path,
    attempts,
    code,
    detail,
  });
}

/** @internal A 2xx with its JSON body, or the `AltinnApiError` every other status is. */
export function toAltinnResponse(
  request: AltinnRequest,
  response: AxiosResponse<string>,
  attempts: number,
  token: string,
): AltinnResponse {
  const raw = typeof response.data === 'string' ? response.data : '';
  if (response.status >= 200 && response.status < 300) {
    try {
      return { status: response.status, data: raw === '' ? undefined : JSON.parse(raw), attempts };
    } catch {
      throw new AltinnApiError({
        status: response.status,
        method: request.method,
        path: request.path,
        attempts,
        detail: 'Altinn answered with a body that is not JSON',
      });
    }
  }
  const retryAfter = response.headers['retry-after'] as string | undefined;
  throw new AltinnApiError({
    ...parseProblem(response.status, raw, retryAfter, echoRedactor(request.body, token, request.secrets)),
    method: request.method,
    path: request.path,
    attempts,
  });
}
