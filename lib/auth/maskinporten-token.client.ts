import axios, { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { AltinnAuthError } from '../errors/altinn-notifications.error.js';
import type { ConnectionAgents } from '../shared/connection-agents.js';
import { exceededMaxContentLength } from '../shared/response-limit.js';
import { traceTokenFetch } from '../telemetry/altinn-tracing.js';
import { traceHttp } from '../telemetry/http-tracing.js';
import { readJwtClaims } from './compact-jws.js';
import { JWT_BEARER_GRANT_TYPE } from './maskinporten.constants.js';
import {
  exchangeFailure,
  maskinportenFailure,
  oversizeFailure,
  transportFailure,
} from './maskinporten-auth.errors.js';
import { signGrant } from './maskinporten-grant.js';
import type { ResolvedMaskinportenOptions } from './maskinporten-options.js';

type Step = 'Maskinporten' | 'Altinn token exchange';

/**
 * @internal The two token calls, on a private axios instance (never the process-wide default, whose interceptors
 * belong to the host app). Every status resolves; errors are rebuilt so no request config or header leaves here.
 */
export class MaskinportenTokenClient {
  private readonly http: AxiosInstance;

  constructor(
    private readonly o: ResolvedMaskinportenOptions,
    agents?: ConnectionAgents,
  ) {
    this.http = axios.create({
      // The module's pools: the exchange is on the notifications API's host, so its connection stays for sends.
      ...agents,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxRedirects: 0,
      // axios stops reading (and closes the socket) past the cap, so an endless body cannot fill memory.
      maxContentLength: o.maxResponseBytes,
      maxBodyLength: o.maxResponseBytes,
    });
  }

  /** Grant → Maskinporten access token → Altinn token. */
  fetchAltinnToken(): Promise<string> {
    return traceTokenFetch(async () => this.exchange(await this.maskinportenToken()));
  }

  private async maskinportenToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: JWT_BEARER_GRANT_TYPE,
      assertion: await signGrant(this.o),
    });
    const response = await this.call('Maskinporten', 'POST', this.o.tokenUrl, body.toString(), {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    });
    if (response.status !== 200) throw maskinportenFailure(response.status, response.data);
    let token: unknown;
    try {
      token = (JSON.parse(response.data) as { access_token?: unknown }).access_token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
      throw new AltinnAuthError('Maskinporten answered 200 without an access_token', { status: 200 });
    }
    return token;
  }

  private async exchange(maskinportenToken: string): Promise<string> {
    const response = await this.call('Altinn token exchange', 'GET', this.o.exchangeUrl, undefined, {
      Authorization: `Bearer ${maskinportenToken}`,
      Accept: 'text/plain, application/json',
    });
    if (response.status !== 200) throw exchangeFailure(response.status, response.data);
    // ASP.NET returns the string raw (text/plain, no Accept) or JSON-quoted (application/json).
    let token = typeof response.data === 'string' ? response.data.trim() : '';
    try {
      if (token.startsWith('"')) token = String(JSON.parse(token)).trim();
      readJwtClaims(token);
    } catch {
      throw new AltinnAuthError('Altinn token exchange answered 200 with a body that is not a JWT', {
        status: 200,
      });
    }
    return token;
  }

  private async call(
    step: Step,
    method: 'GET' | 'POST',
    url: string,
    data: string | undefined,
    headers: Record<string, string>,
  ): Promise<AxiosResponse<string>> {
    const started = performance.now();
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    const where = `${method} ${new URL(url).pathname}`;
    let response: AxiosResponse<string>;
    try {
      const call = { method, url, attributes: { 'altinn.token.step': step } };
      response = await traceHttp(call, () =>
        this.http.request<string>({ method, url, data, headers, signal }),
      );
    } catch (err) {
      const code = isAxiosError(err) ? err.code : undefined;
      if (exceededMaxContentLength(err)) {
        this.log('warn', `${step} ${where} answered more than ${this.o.maxResponseBytes} bytes`, started);
        throw oversizeFailure(step, this.o.maxResponseBytes);
      }
      const reason = signal.aborted
        ? `no answer within ${this.o.timeoutMs} ms`
        : `network error${code ? ` ${code}` : ''}`;
      this.log(
        'warn',
        `${step} ${where} failed (${signal.aborted ? 'timeout' : (code ?? 'network')})`,
        started,
      );
      throw transportFailure(step, reason);
    }
    this.log(response.status === 200 ? 'log' : 'warn', `${step} ${where} ${response.status}`, started);
    return response;
  }

  private log(level: 'log' | 'warn', line: string, started: number): void {
    this.o.logger?.[level](`${line} ${Math.round(performance.now() - started)}ms`);
  }
}
