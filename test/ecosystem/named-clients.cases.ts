import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  InjectAltinnNotifications,
  InjectAltinnTokenProvider,
  StaticTokenProvider,
  getAltinnNotificationsToken,
  type AltinnTokenProvider,
} from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { smsOrder } from '../support/altinn-client.js';

@Injectable()
class TwoOwners {
  constructor(
    @InjectAltinnNotifications('skatt') readonly skatt: AltinnNotificationsService,
    @InjectAltinnNotifications('nav') readonly nav: AltinnNotificationsService,
    @InjectAltinnNotifications() readonly fallback: AltinnNotificationsService,
    @InjectAltinnTokenProvider('skatt') readonly skattTokens: AltinnTokenProvider,
  ) {}
}

describe('named clients: two service owners and a default in one app', () => {
  let skattSim: AltinnSimulator;
  let navSim: AltinnSimulator;
  let defaultSim: AltinnSimulator;
  let moduleRef: TestingModule;
  let owners: TwoOwners;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    [skattSim, navSim, defaultSim] = await Promise.all([
      AltinnSimulator.start({ org: 'skd' }),
      AltinnSimulator.start({ org: 'nav' }),
      AltinnSimulator.start(),
    ]);
    tokens.skatt = await skattSim.issueToken();
    tokens.nav = await navSim.issueToken();
    tokens.default = await defaultSim.issueToken();
    const logger = new CaptureLogger();
    moduleRef = await Test.createTestingModule({
      imports: [
        AltinnNotificationsModule.forRootAsync({
          name: 'skatt',
          useFactory: async () => ({
            baseUrl: skattSim.baseUrl,
            tokenProvider: new StaticTokenProvider(tokens.skatt),
            defaults: { smsSender: 'Skatteetat' },
            logging: { logger },
          }),
        }),
        AltinnNotificationsModule.forRoot({
          name: 'nav',
          baseUrl: navSim.baseUrl,
          tokenProvider: new StaticTokenProvider(tokens.nav),
          defaults: { smsSender: 'NAV' },
          logging: { logger },
        }),
        AltinnNotificationsModule.forRoot({
          baseUrl: defaultSim.baseUrl,
          tokenProvider: new StaticTokenProvider(tokens.default),
          logging: { logger },
        }),
      ],
      providers: [TwoOwners],
    }).compile();
    await moduleRef.init();
    owners = moduleRef.get(TwoOwners);
  });
  afterAll(async () => {
    await moduleRef.close();
    await Promise.all([skattSim.close(), navSim.close(), defaultSim.close()]);
  });

  it('injects three distinct services', () => {
    expect(new Set([owners.skatt, owners.nav, owners.fallback]).size).toBe(3);
    expect(moduleRef.get(getAltinnNotificationsToken('skatt'))).toBe(owners.skatt);
  });

  it('each registration sends to its own base URL with its own token and defaults', async () => {
    await owners.skatt.sendInstantSms(smsOrder());
    await owners.nav.sendInstantSms(smsOrder());
    await owners.nav.sendInstantSms(smsOrder());
    await owners.fallback.sendInstantSms(smsOrder());

    // Shared axios defaults would have sent every call to whichever baseUrl was set last.
    expect(skattSim.requests.map((r) => r.authorization)).toEqual([`Bearer ${tokens.skatt}`]);
    expect(navSim.requests.map((r) => r.authorization)).toEqual([
      `Bearer ${tokens.nav}`,
      `Bearer ${tokens.nav}`,
    ]);
    expect(defaultSim.requests.map((r) => r.authorization)).toEqual([`Bearer ${tokens.default}`]);
    expect(skattSim.deliveries[0].from).toBe('Skatteetat');
    expect(navSim.deliveries.map((d) => d.from)).toEqual(['NAV', 'NAV']);
    expect(skattSim.orders[0].org).toBe('skd');
    expect(navSim.orders[0].org).toBe('nav');
  });

  it('the named token provider is the registration’s own', async () => {
    await expect(owners.skattTokens.getToken()).resolves.toBe(tokens.skatt);
  });

  it('a shipment is looked up with the registration that sent it', async () => {
    const sent = await owners.nav.sendInstantSms(smsOrder());
    await expect(owners.nav.getShipment(sent.notification.shipmentId)).resolves.toMatchObject({
      shipmentId: sent.notification.shipmentId,
    });
    await expect(owners.skatt.getShipment(sent.notification.shipmentId)).rejects.toMatchObject({
      code: 'NOT-00003',
    });
  });
});

describe('named clients: tokens and mistakes', () => {
  it('a named registration does not export the class token, so it cannot be injected by accident', async () => {
    @Injectable()
    class WantsDefault {
      constructor(readonly altinn: AltinnNotificationsService) {}
    }
    @Injectable()
    class WantsSolo {
      constructor(@InjectAltinnNotifications('solo') readonly altinn: AltinnNotificationsService) {}
    }
    const solo = () =>
      AltinnNotificationsModule.forRoot({
        name: 'solo',
        environment: 'tt02',
        tokenProvider: new StaticTokenProvider('t'),
        logging: false,
      });
    const ok = await Test.createTestingModule({ imports: [solo()], providers: [WantsSolo] }).compile();
    expect(ok.get(WantsSolo).altinn).toBeInstanceOf(AltinnNotificationsService);
    await ok.close();
    await expect(
      Test.createTestingModule({ imports: [solo()], providers: [WantsDefault] }).compile(),
    ).rejects.toThrow(/can't resolve dependencies of the WantsDefault/i);
  });

  it('token helpers: the class for the default, distinct strings for names', () => {
    expect(getAltinnNotificationsToken()).toBe(AltinnNotificationsService);
    expect(getAltinnNotificationsToken('a')).not.toBe(getAltinnNotificationsToken('b'));
  });

  it.each(['', 'has space', 'ø', 'x'.repeat(65)])('rejects the name %p', (name) => {
    expect(() =>
      AltinnNotificationsModule.forRoot({
        name,
        environment: 'tt02',
        tokenProvider: new StaticTokenProvider('t'),
      }),
    ).toThrow('option "name"');
  });
});
