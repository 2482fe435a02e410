import { Test } from '@nestjs/testing';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
} from 'nestjs-altinn-notifications';
import { AltinnSimulator } from 'nestjs-altinn-notifications/testing';

describe('login codes', () => {
  let sim: AltinnSimulator;
  beforeEach(async () => (sim = await AltinnSimulator.start())); // real HTTP on 127.0.0.1, a free port
  afterEach(() => sim.close());

  it('sends one SMS, even when Altinn fails once', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRoot({
          baseUrl: sim.baseUrl,
          tokenProvider: new StaticTokenProvider(await sim.issueToken()),
          retry: { delayMs: 10 },
        }),
      ],
    }).compile();
    sim.inject({ kind: 'status', status: 503, body: { code: 'NOT-00004' } }, { times: 1 });

    await moduleRef.get(AltinnNotificationsService).sendInstantSms({
      idempotencyId: 'login-1',
      recipientSms: {
        phoneNumber: '+4799999999',
        timeToLiveInSeconds: 300,
        smsSettings: { body: 'Kode: 123456' },
      },
    });

    expect(sim.deliveries).toMatchObject([{ channel: 'sms', to: '+4799999999', body: 'Kode: 123456' }]);
    expect(sim.sentCount('login-1')).toBe(1);
    await moduleRef.close();
  });
});
