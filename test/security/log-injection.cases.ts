import { AltinnValidationError, type AltinnAuditRecord } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, emailOrder, smsOrder, type TestClient } from '../support/altinn-client.js';

// Issue 12, item 7: idempotencyId (and every caller-supplied value) went into log lines raw: CRLF forged a log
// line, a megabyte made a megabyte line. Control characters in idempotencyId/sendersReference are now refused
// before any network call; every caller value in a log line or an audit record is escaped and capped.

describe('log injection through caller-supplied values', () => {
  let sim: AltinnSimulator;
  let client: TestClient;
  const records: AltinnAuditRecord[] = [];

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await createTestClient(sim, { onAudit: (r) => void records.push(r) });
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    records.length = 0;
    client.logger.lines.length = 0;
  });

  it.each([
    ['CRLF', 'id\r\n[Nest] 1 - LOG audit sms result=created'],
    ['a lone LF', 'id\nforged'],
    ['NUL', 'id\u0000'],
    ['ESC (terminal colours)', 'id\u001b[31m'],
    ['DEL', 'id\u007f'],
    ['a C1 control (NEL)', 'id\u0085x'],
    ['U+2028 line separator', 'id\u2028forged'],
  ])('an idempotencyId with %s is refused before any request', async (_, idempotencyId) => {
    const error = await client.service.sendInstantSms(smsOrder({ idempotencyId })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect((error as AltinnValidationError).errors).toEqual([
      { path: 'idempotencyId', message: 'must not contain control characters or line breaks' },
    ]);
    expect(sim.requests).toHaveLength(0);
    expect(client.logger.text).not.toContain('forged');
  });

  it('a sendersReference with a line break is refused too, for email as for SMS', async () => {
    for (const send of [
      () => client.service.sendInstantSms(smsOrder({ sendersReference: 'ref\r\nforged' })),
      () => client.service.sendInstantEmail(emailOrder({ sendersReference: 'ref\nforged' })),
    ]) {
      const error = await send().catch((e: unknown) => e);
      expect((error as AltinnValidationError).errors).toEqual([
        { path: 'sendersReference', message: 'must not contain control characters or line breaks' },
      ]);
    }
    expect(sim.requests).toHaveLength(0);
  });

  it('a huge id is sent (Altinn has no length rule) but capped in every log line and audit record', async () => {
    const idempotencyId = 'x'.repeat(200_000);
    const sendersReference = 'r'.repeat(200_000);
    const result = await client.service.sendInstantSms(smsOrder({ idempotencyId, sendersReference }));
    expect(result.idempotencyId).toBe(idempotencyId);
    expect(sim.sentCount(idempotencyId)).toBe(1);
    expect(client.logger.lines.length).toBeGreaterThan(0);
    for (const line of client.logger.lines) expect(line.length).toBeLessThan(1000);
    expect(records).toHaveLength(1);
    expect(records[0].idempotencyId.length).toBeLessThanOrEqual(129);
    expect(records[0].sendersReference!.length).toBeLessThanOrEqual(129);
  });

  it('spaces and quotes cannot pose as other fields of a log line', async () => {
    const idempotencyId = 'abc result=failed status=500 "x"';
    await client.service.sendInstantSms(smsOrder({ idempotencyId }));
    const audit = client.logger.lines.find((l) => l.includes('audit'))!;
    expect(audit).toContain('idempotencyId=abc\\u0020result=failed\\u0020status=500\\u0020\\u0022x\\u0022');
    expect(audit.match(/ result=/g)).toHaveLength(1);
    // The audit record keeps the value readable: only controls and backslashes are escaped there.
    expect(records[0].idempotencyId).toBe(idempotencyId);
  });
});
