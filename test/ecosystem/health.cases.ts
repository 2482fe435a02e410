import { Controller, Get, type INestApplication } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AltinnHealthIndicator, type AltinnHealthCheckOptions } from '../../lib/health/index.js';
import { AltinnNotificationsModule } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { CaptureLogger } from '../support/capture-logger.js';

const check: AltinnHealthCheckOptions = {};

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly altinn: AltinnHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  run() {
    return this.health.check([() => this.altinn.isHealthy('altinn', check)]);
  }
}

describe('AltinnHealthIndicator with @nestjs/terminus', () => {
  let sim: AltinnSimulator;
  let token: string;
  let tokenFails = false;
  let app: INestApplication;
  const logger = new CaptureLogger();

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    token = await sim.issueToken();
    const tokenProvider = {
      getToken: async () => {
        if (tokenFails) throw new Error(`maskinporten said no to ${token}`);
        return token;
      },
    };
    const moduleRef = await Test.createTestingModule({
      imports: [
        TerminusModule.forRoot({ logger: false }),
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.baseUrl,
          tokenProvider,
          retry: false,
          logging: { logger },
        }),
        AltinnNotificationsModule.forRoot({
          name: 'broken',
          baseUrl: `${sim.url}/wrong/api/v1`,
          tokenProvider,
          retry: false,
          logging: { logger },
        }),
      ],
      controllers: [HealthController],
      providers: [AltinnHealthIndicator],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    tokenFails = false;
    delete check.name;
    delete check.timeoutMs;
  });

  const get = () => request(app.getHttpServer()).get('/health');

  it('is up when a token can be had and Altinn answers the probe (404 NOT-00003)', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { altinn: { status: 'up' } } });
    expect(res.body.info.altinn.responseTimeMs).toEqual(expect.any(Number));
    expect(sim.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/notifications/api/v1/future/shipment/00000000-0000-0000-0000-000000000000',
        status: 404,
        authorization: `Bearer ${token}`,
      }),
    ]);
    expect(res.text).not.toContain(token);
  });

  it('is down (reason token) when no token can be had, without the provider’s message or the token', async () => {
    tokenFails = true;
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.body.error.altinn).toMatchObject({ status: 'down', reason: 'token' });
    expect(res.text).not.toContain(token);
    expect(res.text).not.toContain('maskinporten said no');
    expect(sim.requests).toHaveLength(0);
  });

  it('is down (reason api) when Altinn rejects the token', async () => {
    sim.inject({ kind: 'status', status: 403 }, { path: /shipment/ });
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.body.error.altinn).toMatchObject({ status: 'down', reason: 'api', httpStatus: 403 });
  });

  it('is down when Altinn answers 503 NOT-00004', async () => {
    sim.inject(
      {
        kind: 'status',
        status: 503,
        body: { code: 'NOT-00004', title: 'A temporary network failure occurred' },
      },
      { path: /shipment/ },
    );
    const res = await get();
    expect(res.body.error.altinn).toMatchObject({ reason: 'api', httpStatus: 503, code: 'NOT-00004' });
  });

  it('is down (reason timeout) within timeoutMs when Altinn hangs', async () => {
    check.timeoutMs = 300;
    sim.inject({ kind: 'hang' }, { path: /shipment/ });
    const started = Date.now();
    const res = await get();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.body.error.altinn).toMatchObject({ status: 'down', reason: 'timeout' });
  });

  it('checks a named registration: a 404 without NOT-00003 means the base URL is wrong', async () => {
    check.name = 'broken';
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.body.error.altinn).toMatchObject({
      reason: 'api',
      httpStatus: 404,
      message: 'no shipment endpoint at baseUrl',
    });
  });

  it('is down (reason setup) for a name that was never registered', async () => {
    check.name = 'missing';
    const res = await get();
    expect(res.body.error.altinn).toMatchObject({ status: 'down', reason: 'setup' });
  });
});
