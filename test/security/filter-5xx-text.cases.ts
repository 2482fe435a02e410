import { startFilterApp, type FilterApp } from '../support/filter-app.js';

// Attack: whatever text a failing upstream writes (a stack trace, an internal host name, a quoted request the
// redaction did not recognise) must not reach the app's caller. The filter's 5xx answers carry status, Altinn's
// code and traceId only; its 4xx answers keep the (redacted) text, which tells the caller what to fix.
const MARK = 'internal-host-db01 at Altinn.Notifications.Core.Services.Send() line 42';

describe('the filter never forwards server text of a 5xx answer', () => {
  let filterApp: FilterApp;

  beforeAll(async () => {
    filterApp = await startFilterApp();
  });
  afterAll(() => filterApp.close());
  beforeEach(() => filterApp.sim.reset());

  const answer = async (status: number, code?: string) => {
    filterApp.sim.inject({
      kind: 'status',
      status,
      body: { code, title: `title ${MARK}`, detail: `detail ${MARK}`, traceId: '00-t-01' },
    });
    return filterApp.postSms();
  };

  it.each([
    [500, undefined, 502],
    [502, undefined, 502],
    [503, 'NOT-00004', 503],
    [504, undefined, 502],
    [401, undefined, 502],
    [403, undefined, 502],
    [429, undefined, 503],
    [499, 'NOT-00002', 503],
    [409, undefined, 502],
  ])('Altinn %s %s → %s with status, code and traceId only', async (status, code, expected) => {
    const res = await answer(status, code);
    expect(res.status).toBe(expected);
    expect(res.text).not.toContain(MARK);
    expect(Object.keys(res.body).sort()).toEqual(
      ['status', 'title', 'traceId', 'type', ...(code ? ['code'] : [])].sort(),
    );
    expect(res.body).toMatchObject({ status: expected, traceId: '00-t-01', ...(code && { code }) });
  });

  it.each([400, 404, 422])('Altinn %s keeps the text, which says what to fix', async (status) => {
    const res = await answer(status, status === 422 ? 'NOT-00001' : undefined);
    expect(res.status).toBe(status);
    expect(res.body.detail).toBe(`title ${MARK}`);
  });
});
