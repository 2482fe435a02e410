import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { randomInt, randomUUID } from 'node:crypto';
import {
  AltinnApiError,
  AltinnNotificationsModule,
  AltinnNotificationsService,
  AltinnRequestError,
  type AltinnAuditRecord,
  type AltinnNotificationsModuleOptions,
  type InstantEmailOrder,
  type InstantOrderResult,
  type InstantSmsOrder,
} from '../../lib/index.js';
import type { AltinnSimulator } from '../../lib/testing/index.js';
import { bearerTokens, registerClient } from '../auth/support/maskinporten-client.js';
import type { TestKey } from '../auth/support/maskinporten-keys.js';
import { CaptureLogger } from '../support/capture-logger.js';
import type { FaultRow } from './fault-table.js';
import { findLeaks, renderError, type Secret } from './leak-check.js';

/** What one scenario sends: the order and the personal data in it that must never be logged. */
export interface ScenarioOrder {
  channel: 'sms' | 'email';
  order: InstantSmsOrder | InstantEmailOrder;
  idempotencyId: string;
  secrets: Secret[];
}

export type Send = (signal?: AbortSignal) => Promise<InstantOrderResult>;

export interface FaultScenario {
  fault: string;
  expected: string;
  attempts: number;
  sent: number;
  channel?: 'sms' | 'email';
  /** Waits for client timeouts: runs on its own simulator, concurrently with the rest. */
  slow?: boolean;
  options?: Partial<AltinnNotificationsModuleOptions>;
  arrange?(sim: AltinnSimulator, order: ScenarioOrder): void;
  /** How the scenario calls the service; one plain send when absent. */
  act?(send: Send): Promise<InstantOrderResult>;
}

/** The module options every scenario starts from: the real defaults, with short waits. */
const BASE_OPTIONS: Partial<AltinnNotificationsModuleOptions> = {
  timeoutMs: 5000,
  retry: { delayMs: 50, maxDelayMs: 1500 },
};

export function scenarioOrder(channel: 'sms' | 'email'): ScenarioOrder {
  const otp = String(randomInt(100_000, 1_000_000));
  const idempotencyId = `fault-${randomUUID()}`;
  if (channel === 'sms') {
    const national = `9${randomInt(1_000_000, 10_000_000)}`; // 9xxxxxxx: Norwegian mobile
    const raw = `+47 ${national.slice(0, 3)} ${national.slice(3, 5)} ${national.slice(5)}`;
    const body = `Din engangskode er ${otp}. Den gjelder i 5 minutter.`;
    return {
      channel,
      idempotencyId,
      order: {
        idempotencyId,
        recipientSms: { phoneNumber: raw, timeToLiveInSeconds: 300, smsSettings: { body } },
      },
      secrets: [
        { kind: 'OTP', value: otp },
        { kind: 'SMS body', value: body },
        { kind: 'phone number', value: raw },
        { kind: 'phone number', value: `+47${national}` },
        { kind: 'phone number', value: national },
      ],
    };
  }
  const email = `kari.nordmann.${randomUUID().slice(0, 8)}@example.no`;
  const body = `<p>Koden din er <b>${otp}</b>.</p>`;
  return {
    channel,
    idempotencyId,
    order: {
      idempotencyId,
      recipientEmail: {
        emailAddress: email,
        emailSettings: { subject: 'Engangskode', body, contentType: 'Html' },
      },
    },
    secrets: [
      { kind: 'OTP', value: otp },
      { kind: 'email body', value: body },
      { kind: 'email address', value: email },
    ],
  };
}

/** The outcome as the table shows it: `created`, `replayed`, or the error class with what a caller branches on. */
export function describeOutcome(result: InstantOrderResult | undefined, error: unknown): string {
  if (result) return result.created ? 'created' : 'replayed';
  if (error instanceof AltinnApiError)
    return ['AltinnApiError', error.status, error.code].filter(Boolean).join(' ');
  if (error instanceof AltinnRequestError) return `AltinnRequestError ${error.reason}`;
  return (error as Error)?.name ?? String(error);
}

/** Runs one scenario on `sim` (which must be idle and reset), through a module set up with `maskinporten`. */
export async function runScenario(
  sim: AltinnSimulator,
  key: TestKey,
  scenario: FaultScenario,
): Promise<FaultRow & { captured: string; secrets: Secret[] }> {
  const logger = new CaptureLogger();
  const audit: AltinnAuditRecord[] = [];
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        maskinporten: registerClient(sim, key, { timeoutMs: 1000, privateKey: key.pkcs8Pem }),
        logging: { logger },
        onAudit: (record) => void audit.push(record),
        tokenPrefetch: false, // token faults must meet the send, not the background prefetch at init
        ...BASE_OPTIONS,
        ...scenario.options,
      }),
    ],
  }).compile();
  await moduleRef.init();
  const service = moduleRef.get(AltinnNotificationsService);
  const order = scenarioOrder(scenario.channel ?? 'sms');
  const send: Send = (signal) =>
    order.channel === 'sms'
      ? service.sendInstantSms(order.order as InstantSmsOrder, { signal })
      : service.sendInstantEmail(order.order as InstantEmailOrder, { signal });

  scenario.arrange?.(sim, order);
  let result: InstantOrderResult | undefined;
  let error: unknown;
  try {
    result = await (scenario.act ? scenario.act(send) : send());
  } catch (err) {
    error = err;
  } finally {
    await moduleRef.close();
  }
  await sim.idle();

  const ids = new Set(sim.deliveries.map((d) => d.idempotencyId));
  const captured = [
    ...logger.lines,
    error === undefined ? '' : renderError(error),
    JSON.stringify(audit),
  ].join('\n');
  const secrets: Secret[] = [
    ...order.secrets,
    ...key.secrets.map((value) => ({ kind: 'private key', value })),
    ...bearerTokens(sim).map((value) => ({ kind: tokenKind(value), value })),
  ];
  return {
    fault: scenario.fault,
    expected: scenario.expected,
    outcome: describeOutcome(result, error),
    attempts: sim.counters.notificationRequests,
    sent: sim.deliveries.length,
    duplicates: [...ids].filter((id) => sim.sentCount(id) > 1).length,
    leaks: findLeaks(captured, secrets),
    captured,
    secrets,
  };
}

/** Maskinporten tokens are only ever presented to the exchange; everything else is an Altinn token. */
function tokenKind(token: string): string {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
      iss?: string;
    };
    return payload.iss?.includes('/maskinporten') ? 'Maskinporten token' : 'Altinn token';
  } catch {
    return 'token';
  }
}
