import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import axios from 'axios';
import { inspect } from 'node:util';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  type AltinnAuditRecord,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, emailOrder, smsOrder } from '../support/altinn-client.js';
import { CaptureLogger } from '../support/capture-logger.js';

const PHONE = '+4799999999';
const BODY = 'Din engangskode er: 482913. Koden utløper om 5 minutter.';
const EMAIL = 'ola.nordmann@example.no';

describe('logging and audit', () => {
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('logs one line per call with method, path, status, duration, idempotencyId and a recipient hash', async () => {
    const client = await createTestClient(sim);
    const order = smsOrder();
    await client.service.sendInstantSms(order);
    const line = client.logger.lines.find((l) => l.includes('/future/orders/instant/sms'));
    expect(line).toMatch(
      new RegExp(
        `POST /future/orders/instant/sms 201 \\d+ms idempotencyId=${order.idempotencyId} recipient=[0-9a-f]{16}`,
      ),
    );
    await client.close();
  });

  it('one line at log level per successful send (the audit record); the HTTP line at debug; retries at warn', async () => {
    const client = await createTestClient(sim, { retry: { delayMs: 10 } });
    const order = smsOrder();
    await client.service.sendInstantSms(order);
    const level = (prefix: string) => client.logger.lines.filter((l) => l.startsWith(`${prefix} `));
    expect(level('log')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^log audit sms result=created recipient=[0-9a-f]{16} idempotencyId=${order.idempotencyId} status=201 attempts=1 durationMs=\\d+$`,
        ),
      ),
    ]);
    expect(level('debug')).toEqual([expect.stringContaining('POST /future/orders/instant/sms 201')]);
    expect(level('warn')).toEqual([]);

    client.logger.lines.length = 0;
    sim.inject({ kind: 'status', status: 503, body: '' });
    await client.service.sendInstantSms(smsOrder());
    expect(level('warn')).toEqual([expect.stringContaining('POST /future/orders/instant/sms 503')]);
    expect(level('log')).toEqual([expect.stringContaining('audit sms result=created')]);
    expect(level('log')[0]).toContain('attempts=2');
    await client.close();
  });

  it('an audit record per send, success and failure, to the log and onAudit', async () => {
    const records: AltinnAuditRecord[] = [];
    // A short retry wait: how long it is does not matter here.
    const client = await createTestClient(sim, {
      onAudit: (r) => void records.push(r),
      retry: { delayMs: 10 },
    });
    const ok = smsOrder();
    await client.service.sendInstantSms(ok);
    sim.inject(
      {
        kind: 'status',
        status: 503,
        body: { code: 'NOT-00004', title: 'A temporary network failure occurred' },
      },
      { times: 5 },
    );
    const bad = emailOrder();
    await client.service.sendInstantEmail(bad).catch(() => undefined);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      channel: 'sms',
      idempotencyId: ok.idempotencyId,
      result: 'created',
      status: 201,
    });
    expect(records[1]).toMatchObject({
      channel: 'email',
      idempotencyId: bad.idempotencyId,
      result: 'failed',
      status: 503,
      error: 'AltinnApiError NOT-00004',
    });
    expect(records[0].recipientHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(records[0].timestamp)).not.toBeNaN();
    expect(client.logger.lines.filter((l) => l.includes('audit'))).toHaveLength(2);
    await client.close();
  });

  it('hashes are stable for one key, differ between keys, and match across 00/+ spellings', async () => {
    const records: AltinnAuditRecord[] = [];
    const onAudit = (r: AltinnAuditRecord) => void records.push(r);
    const a = await createTestClient(sim, {
      onAudit,
      logging: { logger: new CaptureLogger(), recipientHashKey: 'k1' },
    });
    const b = await createTestClient(sim, {
      onAudit,
      logging: { logger: new CaptureLogger(), recipientHashKey: 'k2' },
    });
    await a.service.sendInstantSms(smsOrder());
    await a.service.sendInstantSms(
      smsOrder({
        recipientSms: {
          phoneNumber: '0047 999 99 999',
          timeToLiveInSeconds: 300,
          smsSettings: { body: 'x' },
        },
      }),
    );
    await b.service.sendInstantSms(smsOrder());
    expect(records[0].recipientHash).toBe(records[1].recipientHash);
    expect(records[2].recipientHash).not.toBe(records[0].recipientHash);
    await a.close();
    await b.close();
  });

  it('never logs the token, the body, or the raw phone number / email address — at any level, on success and failure', async () => {
    const client = await createTestClient(sim, { retry: { delayMs: 10 } });
    await client.service.sendInstantSms(smsOrder());
    await client.service.sendInstantEmail(emailOrder());
    for (const fault of [
      { kind: 'status', status: 500, body: '' },
      { kind: 'reset' },
      { kind: 'status', status: 400, body: { errors: { X: ['y'] } } },
    ]) {
      sim.inject(fault as never);
      const error = await client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
      const rendered = [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 20 }),
        (error as Error).stack,
      ].join('\n');
      for (const secret of [client.token, BODY, PHONE, '99999999', EMAIL, 'Bearer'])
        expect(rendered).not.toContain(secret);
    }
    const text = client.logger.text;
    expect(client.logger.lines.length).toBeGreaterThan(5);
    for (const secret of [
      client.token,
      BODY,
      '482913',
      PHONE,
      '99999999',
      EMAIL,
      'Authorization',
      'Bearer',
    ]) {
      expect(text).not.toContain(secret);
    }
    await client.close();
  });

  it('logging: false writes nothing, and onAudit still gets its records', async () => {
    const logger = new CaptureLogger();
    const records: AltinnAuditRecord[] = [];
    const client = await createTestClient(sim, { logging: false, onAudit: (r) => void records.push(r) });
    await client.service.sendInstantSms(smsOrder());
    expect(logger.lines).toHaveLength(0);
    expect(client.logger.lines).toHaveLength(0);
    expect(records).toHaveLength(1);
    await client.close();
  });

  it('a throwing onAudit does not fail the send', async () => {
    const client = await createTestClient(sim, {
      onAudit: () => {
        throw new Error('db down');
      },
    });
    await expect(client.service.sendInstantSms(smsOrder())).resolves.toMatchObject({ created: true });
    expect(client.logger.text).toContain('onAudit callback failed');
    await client.close();
  });

  it('interceptors live on the module’s own axios instance, not the global default nor the app’s HttpService', async () => {
    const before = [axios.interceptors.request, axios.interceptors.response].map((i) => JSON.stringify(i));
    @Injectable()
    class AppUsesHttp {
      constructor(readonly http: HttpService) {}
    }
    const moduleRef = await Test.createTestingModule({
      providers: [AppUsesHttp],
      imports: [
        HttpModule,
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.baseUrl,
          tokenProvider: new StaticTokenProvider(await sim.issueToken()),
          logging: { logger: new CaptureLogger() },
        }),
      ],
    }).compile();
    const appHttp = moduleRef.get(AppUsesHttp).http;
    await moduleRef.get(AltinnNotificationsService).sendInstantSms(smsOrder());
    expect([axios.interceptors.request, axios.interceptors.response].map((i) => JSON.stringify(i))).toEqual(
      before,
    );
    expect(appHttp.axiosRef.defaults.baseURL).toBeUndefined();
    await moduleRef.close();
  });
});
