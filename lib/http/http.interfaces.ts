import type { LoggerService } from '@nestjs/common';

/** @internal How failed attempts are retried: `AltinnRetryOptions` with its defaults filled in. */
export interface RetryPolicy {
  retries: number;
  delayMs: number;
  backoff: 'fixed' | 'exponential';
  maxDelayMs: number;
}

/** @internal What the HTTP client reads of the resolved module options (the token comes from DI). */
export interface AltinnHttpSettings {
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  agent: { keepAlive: boolean; maxSockets: number };
  deadlineMs?: number;
  logger: LoggerService;
  logRequests: boolean;
}
