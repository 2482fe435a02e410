import type { LoggerService } from '@nestjs/common';
import type { ConnectionAgents } from '../shared/connection-agents.js';

/** Per-call options of `sendInstantSms` / `sendInstantEmail` (and the service's other calls). */
export interface AltinnSendOptions {
  /** Cancels the call, retries included. */
  signal?: AbortSignal;
  /**
   * Values that must never appear in an error or a log line, e.g. a one-time code inside the body; they are cut
   * from any server text, also escaped or in part.
   */
  secrets?: readonly string[];
}

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
  /** The registration's keep-alive pools; its Maskinporten token calls use them too. */
  agents: ConnectionAgents;
  /** Always set: the option, or what the retry policy allows. */
  deadlineMs: number;
  maxResponseBytes: number;
  logger: LoggerService;
  logRequests: boolean;
}
