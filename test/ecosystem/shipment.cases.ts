import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AltinnApiError,
  AltinnExceptionFilter,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
  type AltinnShipment,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, emailOrder, smsOrder, type TestClient } from '../support/altinn-client.js';
import { CaptureLogger } from '../support/capture-logger.js';

const UNKNOWN = '5d1c1f0e-2a43-4c8e-9b1a-7f0e3c2d4b6a';

async function pollUntilFinal(client: TestClient, shipmentId: string): Promise<AltinnShipment[]> {
  const seen: AltinnShipment[] = [];
  for (let i = 0; i < 100; i += 1) {
    const shipment = await client.service.getShipment(shipmentId);
    seen.push(shipment);
    if (shipment.status === 'Order_Completed') return seen;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error('shipment never completed');
}

describe('getShipment: GET /future/shipment/{id}', () => {
  let sim: AltinnSimulator;
  let client: TestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ deliveryStepMs: 400 });
    client = await createTestClient(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(() => sim.reset());

  it('returns the typed manifest, and the SMS moves from SMS_New to SMS_Delivered', async () => {
    const sent = await client.service.sendInstantSms(smsOrder({ sendersReference: 'login-7' }));
    const [first, ...rest] = await pollUntilFinal(client, sent.notification.shipmentId);
    expect(first).toEqual({
      shipmentId: sent.notification.shipmentId,
      sendersReference: 'login-7',
      type: 'Instant',
      status: 'Order_Processing',
      lastUpdate: expect.any(String),
      recipients: [
        { type: 'SMS', destination: '+4799999999', status: 'SMS_New', lastUpdate: expect.any(String) },
      ],
    });
    const last = rest.at(-1)!;
    expect(last.recipients[0].status).toBe('SMS_Delivered');
    const order = ['SMS_New', 'SMS_Accepted', 'SMS_Delivered'];
    const steps = [first, ...rest].map((s) => order.indexOf(s.recipients[0].status));
    expect(steps).toEqual([...steps].sort((a, b) => a - b)); // never goes backwards
    expect(steps).not.toContain(-1);
    expect(sim.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/notifications/api/v1/future/shipment/${sent.notification.shipmentId}`,
      authorization: `Bearer ${client.token}`,
    });
  });

  it('an email ends in Email_Delivered', async () => {
    const sent = await client.service.sendInstantEmail(emailOrder());
    const seen = await pollUntilFinal(client, sent.notification.shipmentId);
    expect(seen.at(-1)!.recipients).toEqual([
      {
        type: 'Email',
        destination: 'ola.nordmann@example.no',
        status: 'Email_Delivered',
        lastUpdate: expect.any(String),
      },
    ]);
  });

  it('accepts an upper-case or padded GUID and asks for the canonical form', async () => {
    const sent = await client.service.sendInstantSms(smsOrder());
    const id = sent.notification.shipmentId;
    const shipment = await client.service.getShipment(` ${id.toUpperCase()} `);
    expect(shipment.shipmentId).toBe(id);
    expect(sim.requests.at(-1)!.path).toBe(`/notifications/api/v1/future/shipment/${id}`);
  });

  it('an unknown shipment is AltinnApiError 404 NOT-00003, not retryable', async () => {
    const before = client.logger.lines.length;
    const error = await client.service.getShipment(UNKNOWN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT-00003', retryable: false, method: 'GET' });
    expect((error as Error).message).toContain('Shipment not found');
    // An answer about the shipment, logged as such (at debug, as every attempt that is not a failure): the health
    // probe gets one on every check.
    expect(client.logger.lines.slice(before)).toEqual([
      expect.stringMatching(/^debug GET \/future\/shipment\/\S+ 404 \d+ms$/),
    ]);
  });

  it('another service owner’s shipment is NOT-00003 too', async () => {
    const sent = await client.service.sendInstantSms(smsOrder());
    const other = await createTestClient(sim, {
      tokenProvider: new StaticTokenProvider(await sim.issueToken({ org: 'nav' })),
    });
    try {
      await expect(other.service.getShipment(sent.notification.shipmentId)).rejects.toMatchObject({
        status: 404,
        code: 'NOT-00003',
      });
    } finally {
      await other.close();
    }
  });

  it.each(['abc', '', '5d1c1f0e-2a43-4c8e-9b1a-7f0e3c2d4b6', '../orders/instant/sms', 42])(
    'a non-GUID id %p is an AltinnValidationError, with no request',
    async (id) => {
      await expect(client.service.getShipment(id as string)).rejects.toMatchObject({
        name: 'AltinnValidationError',
        errors: [{ path: 'shipmentId', message: expect.stringContaining('GUID') }],
      });
      expect(sim.requests).toHaveLength(0);
    },
  );

  it('a 200 without a manifest is an AltinnApiError, not a half-typed object', async () => {
    sim.inject({ kind: 'status', status: 200, body: { hello: 'world' } }, { path: /shipment/ });
    await expect(client.service.getShipment(UNKNOWN)).rejects.toMatchObject({
      name: 'AltinnApiError',
      status: 200,
      detail: 'Altinn answered without a delivery manifest',
    });
  });

  it('an AbortSignal cancels the lookup', async () => {
    sim.inject({ kind: 'hang' }, { path: /shipment/ });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.service.getShipment(UNKNOWN, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AltinnRequestError',
      reason: 'aborted',
    });
  });
});

@Controller('shipments')
class ShipmentController {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  @Get(':id')
  get(@Param('id') id: string) {
    return this.altinn.getShipment(id);
  }
}

describe('AltinnExceptionFilter and shipments', () => {
  let sim: AltinnSimulator;
  let app: INestApplication;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.baseUrl,
          tokenProvider: new StaticTokenProvider(await sim.issueToken()),
          logging: { logger: new CaptureLogger() },
        }),
      ],
      controllers: [ShipmentController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new AltinnExceptionFilter(app.get(HttpAdapterHost)));
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
  });

  it('maps NOT-00003 to a 404 problem, and a bad id to a 400 problem', async () => {
    const missing = await request(app.getHttpServer()).get(`/shipments/${UNKNOWN}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(missing.text)).toMatchObject({
      status: 404,
      code: 'NOT-00003',
      type: 'urn:altinn:error:NOT-00003',
    });
    const bad = await request(app.getHttpServer()).get('/shipments/not-a-guid');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors).toEqual([{ path: 'shipmentId', message: expect.any(String) }]);
  });
});
