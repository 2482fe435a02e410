import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AxiosError, isAxiosError, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { ALTINN_RESOLVED_OPTIONS, ALTINN_TOKEN_PROVIDER } from '../altinn-notifications.constants.js';
import type { AltinnTokenProvider } from '../auth/token-provider.interfaces.js';
import { AltinnAuthError, AltinnRequestError } from '../errors/altinn-notifications.error.js';
import { countRetry } from '../telemetry/altinn-tracing.js';
import { traceHttp } from '../telemetry/http-tracing.js';
import { loadOpenTelemetry } from '../telemetry/open-telemetry.loader.js';
import type { AltinnHttpSettings } from './http.interfaces.js';
import { useLoggingInterceptor } from './logging.interceptor.js';
import {
  deadlineSignal,
  isRetryable,
  RESPONSE_TOO_LARGE,
  retryDelay,
  waitBeforeRetry,
} from './retry.policy.js';
import {
  RequestContext,
  type AltinnAxiosConfig,
  type AltinnRequest,
  type AltinnResponse,
} from './request-context.js';
import { exceededMaxContentLength } from '../shared/response-limit.js';
import { toAltinnResponse, toRequestError } from './response.mapper.js';

/** A retry is only started when this much time is left before the deadline. */
const MIN_ATTEMPT_MS = 1000;

/**
 * @internal The one request path: token → HTTP (interceptors: logging) → map the result or the error.
 * Owns the module's private axios instance (from `HttpModule.registerAsync`), never the process-wide default.
 */
@Injectable()
export class AltinnHttpClient implements OnModuleInit, OnApplicationShutdown {
  /** Calls in progress, which shutdown lets finish before it closes the connections. */
  private readonly active = new Set<Promise<AltinnResponse>>();
  /** Aborted when the app shuts down: from then on, no call waits for a retry. */
  private readonly closing = new AbortController();

  constructor(
    private readonly http: HttpService,
    @Inject(ALTINN_RESOLVED_OPTIONS) private readonly options: AltinnHttpSettings,
    // From DI, not from the options: `overrideProvider(ALTINN_TOKEN_PROVIDER)` must change what is sent.
    @Inject(ALTINN_TOKEN_PROVIDER) private readonly tokenProvider: AltinnTokenProvider,
  ) {
    const axios = http.axiosRef;
    Object.assign(axios.defaults, {
      baseURL: options.baseUrl,
      // Every status resolves: mapping statuses to typed errors happens in one place, below.
      validateStatus: () => true,
      // Bodies are serialised and parsed here, once: axios' own transforms would inspect them again per call.
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      maxRedirects: 0,
      // axios stops reading (and closes the socket) past these: an endless body cannot fill memory.
      maxContentLength: options.maxResponseBytes,
      maxBodyLength: options.maxResponseBytes,
      // ETIMEDOUT (not ECONNABORTED) for an attempt that ran out of time.
      transitional: { ...axios.defaults.transitional, clarifyTimeoutError: true },
      // Without proxy variables, axios would still look them up (and parse NO_PROXY) on every request.
      ...(!hasProxyEnvironment() && { proxy: false }),
      // Keep-alive pools, shared with the Maskinporten token calls (lib/shared/connection-agents.ts).
      ...options.agents,
    });
    if (options.logRequests) useLoggingInterceptor(axios, options.logger);
  }

  /** `@opentelemetry/api` (an optional peer) is loaded before the first call, when the app has it. */
  async onModuleInit(): Promise<void> {
    await loadOpenTelemetry();
  }

  /**
   * Nest calls this last, after the app's HTTP server closed: calls still in progress (a send a request handler or a
   * queue job started) finish their attempt first, then the connections close. A call that would wait for a retry
   * fails at once with its last error instead: the process is going away. Closing the connections at
   * `onModuleDestroy`, before the server had even stopped, cut those sends with ECONNRESET.
   */
  async onApplicationShutdown(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled(this.active);
    this.options.agents.httpAgent.destroy();
    this.options.agents.httpsAgent.destroy();
  }

  /** Retries (same body, same idempotencyId) per the retry policy, within the deadline (`deadlineMs`, or the policy's own). */
  execute(request: AltinnRequest): Promise<AltinnResponse> {
    const call = this.withRetries(request);
    this.active.add(call);
    const done = () => this.active.delete(call);
    call.then(done, done);
    return call;
  }

  private async withRetries(request: AltinnRequest): Promise<AltinnResponse> {
    const { retry, deadlineMs } = this.options;
    const deadline = Date.now() + deadlineMs;
    // axios' timeout stops waiting for the headers at the deadline; this signal also ends a body that is still
    // trickling in then.
    const timer = deadlineSignal(deadlineMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    const data = request.body === undefined ? undefined : JSON.stringify(request.body);
    const state: CallState = {
      attempts: 0,
      refreshed: false,
      deadline,
      signal,
      deadlineSignal: timer.signal,
      data,
    };
    try {
      for (let retries = 0; ; retries++) {
        try {
          return await this.once(request, state);
        } catch (error) {
          const site = { method: request.method, path: request.path, attempts: state.attempts };
          const closing = this.closing.signal;
          if (retries >= retry.retries || !isRetryable(error) || request.signal?.aborted || closing.aborted)
            throw error;
          const delay = retryDelay(retry, error, retries + 1);
          // Not worth a retry that could not finish in time: the caller gets the real error now.
          if (Date.now() + delay + MIN_ATTEMPT_MS > deadline) throw error;
          await waitBeforeRetry(delay, request.signal, site, closing);
          if (closing.aborted) throw error;
          countRetry(request.method, request.context.channel, error);
        }
      }
    } finally {
      timer.clear();
    }
  }

  /**
   * One attempt; a 401 gets one fresh token and one resend per call (a stale cached token, not a retry), unless the
   * provider keeps the refused token: the same token would only be refused again.
   */
  private async once(request: AltinnRequest, state: CallState) {
    const provider = this.tokenProvider;
    let token = await this.token();
    let response = await this.attempt(request, state, token);
    if (response.status === 401 && provider.invalidate && !state.refreshed) {
      state.refreshed = true;
      // Naming the rejected token lets a provider keep a fresh one that another call already fetched.
      await provider.invalidate(token);
      const fresh = await this.token();
      if (fresh !== token) {
        token = fresh;
        response = await this.attempt(request, state, token);
      }
    }
    return toAltinnResponse(request, response, state.attempts, token);
  }

  /** The provider's token, or the `AltinnAuthError` its failure is (thrown or rejected). */
  private async token(): Promise<string> {
    let token: unknown;
    try {
      token = await this.tokenProvider.getToken();
    } catch (err) {
      throw asAuthError(err);
    }
    return checkToken(token);
  }

  private attempt(request: AltinnRequest, state: CallState, token: string): Promise<AxiosResponse<string>> {
    const attempt = ++state.attempts;
    // axios' own timeout: a wall-clock timer until the answer's headers, then no gap longer than it in the body.
    // Cheaper per call than an AbortController of our own, whose signal axios would listen to.
    const timeout = Math.max(1, Math.min(this.options.timeoutMs, state.deadline - Date.now()));
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (state.data !== undefined) headers['Content-Type'] = 'application/json';
    const config: AxiosRequestConfig & Pick<AltinnAxiosConfig, 'altinn'> = {
      method: request.method,
      url: request.path,
      data: state.data,
      timeout,
      signal: state.signal,
      headers,
      altinn: new RequestContext(request.context, attempt),
    };
    const url = `${this.options.baseUrl}${request.path}`; // resolved without a trailing slash
    const call = { method: request.method, url, attempt, ids: request.context, propagateInto: headers };
    return traceHttp(call, () => this.http.axiosRef.request<string>(config)).catch((err: unknown) => {
      const reason = request.signal?.aborted
        ? 'aborted'
        : state.deadlineSignal.aborted || (isAxiosError(err) && err.code === AxiosError.ETIMEDOUT)
          ? 'timeout'
          : 'network';
      if (reason === 'network' && exceededMaxContentLength(err))
        throw tooLarge(request, attempt, this.options.maxResponseBytes);
      throw toRequestError(request, attempt, err, reason, this.options.timeoutMs);
    });
  }
}

function tooLarge(request: AltinnRequest, attempts: number, max: number): AltinnRequestError {
  return new AltinnRequestError('network', {
    method: request.method,
    path: request.path,
    attempts,
    code: RESPONSE_TOO_LARGE,
    detail: `the answer was larger than maxResponseBytes (${max} bytes)`,
  });
}

function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.trim() === '')
    throw new AltinnAuthError('The Altinn token provider failed (empty token)');
  return token;
}

function asAuthError(err: unknown): AltinnAuthError {
  if (err instanceof AltinnAuthError) return err;
  // Only the class name: a custom provider's message may hold anything.
  return new AltinnAuthError(`The Altinn token provider failed (${(err as Error)?.name ?? 'error'})`);
}

/** One call across its attempts. */
interface CallState {
  attempts: number;
  /** A 401 was answered with a fresh token already. */
  refreshed: boolean;
  /** ms since the epoch. */
  deadline: number;
  /** The deadline's signal, joined with the caller's when there is one. */
  signal: AbortSignal;
  deadlineSignal: AbortSignal;
  /** The body as JSON, serialised once for every attempt. */
  data?: string;
}

/** The variables axios reads to choose a proxy (proxy-from-env), in either case. */
function hasProxyEnvironment(): boolean {
  return ['http_proxy', 'https_proxy', 'all_proxy'].some(
    (name) => process.env[name] || process.env[name.toUpperCase()],
  );
}
