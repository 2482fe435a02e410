import { ConsoleLogger, Logger } from '@nestjs/common';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { runScenario, type FaultScenario } from './fault-runner.js';
import { FAULT_SCENARIOS } from './fault-scenarios.js';
import { formatFaultTable } from './fault-table.js';
import { findLeaks, renderError, type Secret } from './leak-check.js';

type Row = Awaited<ReturnType<typeof runScenario>>;

const key = rsaKey();
const rows = new Map<string, Row>();
// Anything that bypasses the module's logger and goes to Nest's default one lands here.
const nestLogger = new CaptureLogger();

async function onOwnSimulator(scenarios: FaultScenario[]): Promise<void> {
  const sim = await AltinnSimulator.start();
  try {
    for (const scenario of scenarios) {
      sim.reset();
      rows.set(scenario.fault, await runScenario(sim, key, scenario));
    }
  } finally {
    await sim.close();
  }
}

beforeAll(async () => {
  Logger.overrideLogger(nestLogger);
  // The quick scenarios one after another on two simulators (several wait a second for Retry-After); each that
  // waits for a 5 s timeout on its own.
  const slow = FAULT_SCENARIOS.filter((s) => s.slow);
  const quick = FAULT_SCENARIOS.filter((s) => !s.slow);
  await Promise.all([
    onOwnSimulator(quick.filter((_, i) => i % 2 === 0)),
    onOwnSimulator(quick.filter((_, i) => i % 2 === 1)),
    ...slow.map((s) => onOwnSimulator([s])),
  ]);
}, 90_000);

afterAll(() => {
  Logger.overrideLogger(new ConsoleLogger());
  if (process.env.PRINT_FAULTS) {
    const table = formatFaultTable(FAULT_SCENARIOS.flatMap((s) => rows.get(s.fault) ?? []));
    process.stdout.write(
      `\nFault matrix (module with the maskinporten option, against AltinnSimulator)\n\n${table}`,
    );
  }
});

describe('fault matrix: outcome, attempts, messages sent (≤ 1 per idempotencyId), leaks', () => {
  it.each(FAULT_SCENARIOS.map((s) => [s.fault, s] as const))('%s', (_fault, scenario) => {
    const row = rows.get(scenario.fault);
    expect(row && { outcome: row.outcome, attempts: row.attempts, sent: row.sent }).toEqual({
      outcome: scenario.expected,
      attempts: scenario.attempts,
      sent: scenario.sent,
    });
    expect(row?.duplicates).toBe(0);
    expect(row?.leaks).toEqual([]);
  });
});

describe('leak test over the whole matrix', () => {
  const everything = () => [...[...rows.values()].map((r) => r.captured), nestLogger.text].join('\n');
  const secrets = () => [...rows.values()].flatMap((r) => r.secrets);

  it('no token, key, message body, OTP, phone number or email address in any log line, error or audit record', () => {
    expect(rows.size).toBe(FAULT_SCENARIOS.length);
    expect(findLeaks(everything(), secrets())).toEqual([]);
  });

  it('the check can fail: it knows every kind of secret, and finds each one planted in an error', () => {
    const byKind = new Map<string, Secret>(secrets().map((s) => [s.kind, s]));
    expect([...byKind.keys()].sort()).toEqual([
      'Altinn token',
      'Maskinporten token',
      'OTP',
      'SMS body',
      'email address',
      'email body',
      'phone number',
      'private key',
    ]);
    for (const secret of byKind.values()) {
      const planted = new Error('boom', { cause: { note: `was ${secret.value}!` } });
      expect(findLeaks(renderError(planted), [secret])).toEqual([secret.kind]);
    }
  });

  it('what was checked is real: request lines, audit lines and errors of the matrix', () => {
    const text = everything();
    expect(text).toMatch(/POST \/future\/orders\/instant\/sms 201 \d+ms/);
    expect(text).toMatch(/audit sms result=failed/);
    expect(text).toMatch(/Maskinporten POST \/maskinporten\/token 200/);
    expect(text).toMatch(/AltinnApiError: Altinn answered 503/);
  });
});
