import type { LoggerService } from '@nestjs/common';
import { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { logField } from '../logging/log-value.js';
import type { AltinnAxiosConfig } from './request-context.js';

/**
 * One line per HTTP attempt on the module's own axios instance: method, path, status, duration, idempotencyId and
 * the recipient hash. At `debug` when it succeeded (the send's audit line at `log` says it once), at `warn` when it
 * failed or will be retried. Reads nothing else from the config: headers carry the token, data the message.
 */
export function useLoggingInterceptor(axios: AxiosInstance, logger: LoggerService): void {
  // Synchronous: axios then runs the request without an extra promise hop per call.
  axios.interceptors.request.use(
    (config: AltinnAxiosConfig) => {
      if (config.altinn) config.altinn.startedAt = performance.now();
      return config;
    },
    undefined,
    { synchronous: true },
  );
  axios.interceptors.response.use(
    (response: AxiosResponse) => {
      const line = describe(response.config as AltinnAxiosConfig, String(response.status));
      if (isFailure(response)) logger.warn(line);
      else logger.debug?.(line);
      return response;
    },
    (error: unknown) => {
      if (isAxiosError(error) && error.config) {
        logger.warn(describe(error.config as AltinnAxiosConfig, `failed (${error.code ?? 'network'})`));
      }
      return Promise.reject(error);
    },
  );
}

/**
 * A 404 to a read is Altinn's answer about a shipment, not a failed call: the health probe asks for one on every
 * check, and a warning per probe would bury the real ones.
 */
function isFailure(response: AxiosResponse): boolean {
  return response.status >= 400 && !(response.status === 404 && response.config.method === 'get');
}

function describe(config: AltinnAxiosConfig, outcome: string): string {
  const ctx = config.altinn;
  const ms = ctx?.startedAt === undefined ? '?' : Math.round(performance.now() - ctx.startedAt);
  const path = (config.url ?? '').split('?')[0];
  return (
    `${(config.method ?? 'get').toUpperCase()} ${path} ${outcome} ${ms}ms` +
    (ctx?.idempotencyId ? ` idempotencyId=${logField(ctx.idempotencyId)}` : '') +
    (ctx?.recipientHash ? ` recipient=${ctx.recipientHash}` : '') +
    (ctx && ctx.attempt > 1 ? ` attempt=${ctx.attempt}` : '')
  );
}
