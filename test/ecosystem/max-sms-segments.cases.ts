import { Test } from '@nestjs/testing';
import { AltinnNotificationsModule, AltinnValidationError, StaticTokenProvider } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, smsOrder, type TestClient } from '../support/altinn-client.js';

const withBody = (body: string) =>
  smsOrder({ recipientSms: { phoneNumber: '+4799999999', timeToLiveInSeconds: 300, smsSettings: { body } } });

describe('maxSmsSegments: bodies the gateway would cut are refused locally', () => {
  let sim: AltinnSimulator;
  let defaults: TestClient;
  let oneSegment: TestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    defaults = await createTestClient(sim);
    oneSegment = await createTestClient(sim, { maxSmsSegments: 1 });
  });
  afterAll(async () => {
    await defaults.close();
    await oneSegment.close();
    await sim.close();
  });
  beforeEach(() => sim.reset());

  it('by default (16) sends 2144 URL-encoded characters and refuses 2145, with nothing on the wire', async () => {
    await expect(defaults.service.sendInstantSms(withBody('k'.repeat(2144)))).resolves.toMatchObject({
      created: true,
    });
    expect(sim.deliveries[0].body).toHaveLength(2144);
    sim.reset();

    const secret = `kode 918273 ${'k'.repeat(2140)}`;
    const error = await defaults.service.sendInstantSms(withBody(secret)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect((error as AltinnValidationError).errors).toEqual([
      { path: 'recipientSms.smsSettings.body', message: expect.stringContaining('needs 17 SMS segments') },
    ]);
    expect((error as Error).message).toContain('silently cut');
    expect(JSON.stringify(error)).not.toContain('918273');
    expect(sim.requests).toHaveLength(0);
  });

  it('counts by Altinn’s URL-encoded rule: 400 × "ø" is 2400 characters, so it is refused', async () => {
    await expect(defaults.service.sendInstantSms(withBody('ø'.repeat(400)))).rejects.toBeInstanceOf(
      AltinnValidationError,
    );
    expect(sim.requests).toHaveLength(0);
  });

  it('maxSmsSegments: 1 allows 160 characters and refuses 161', async () => {
    await expect(oneSegment.service.sendInstantSms(withBody('a'.repeat(160)))).resolves.toMatchObject({
      created: true,
    });
    await expect(oneSegment.service.sendInstantSms(withBody('a'.repeat(161)))).rejects.toMatchObject({
      name: 'AltinnValidationError',
      errors: [
        { path: 'recipientSms.smsSettings.body', message: expect.stringContaining('maxSmsSegments 1') },
      ],
    });
    expect(sim.deliveries).toHaveLength(1);
  });

  it.each([0, 17, 2.5, '4'])('rejects maxSmsSegments %p at start-up, naming the option', async (value) => {
    const compile = Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.baseUrl,
          tokenProvider: new StaticTokenProvider('t'),
          maxSmsSegments: value as number,
        }),
      ],
    }).compile();
    await expect(compile).rejects.toThrow('option "maxSmsSegments" must be an integer from 1 to 16');
  });
});
