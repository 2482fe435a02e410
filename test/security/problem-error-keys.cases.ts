import { randomBytes } from 'node:crypto';
import { AltinnApiError, AltinnNotificationsService } from '../../lib/index.js';
import { renderError } from '../faults/leak-check.js';
import { smsOrder } from '../support/altinn-client.js';
import { startFilterApp, type FilterApp } from '../support/filter-app.js';

// Attack: the keys of a 400's `errors` dictionary are server text too. A hostile upstream puts a credential, a
// megabyte or ten thousand entries there; none of it may travel into AltinnApiError.errors or the filter's answer.
const FOREIGN_JWT = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(32).toString('base64url')}.${randomBytes(32).toString('base64url')}`;

describe('keys of Altinn’s errors object are redacted and bounded like its values', () => {
  let filterApp: FilterApp;
  let token: string;

  beforeAll(async () => {
    filterApp = await startFilterApp();
    token = filterApp.token;
  });
  afterAll(() => filterApp.close());

  const hostileErrors = () => {
    const errors: Record<string, string[]> = {
      [`Authorization=Bearer ${token}`]: ['The header is not allowed.'],
      [`Authorization=Bearer ${FOREIGN_JWT}`]: ['Neither is this one.'],
      [`Injected\r\nX-Forged: 1 ${'k'.repeat(5000)}`]: ['A long key.'],
    };
    for (let i = 0; i < 10_000; i++) errors[`Field${i}`] = [`Message ${i}`];
    filterApp.sim.inject({
      kind: 'status',
      status: 400,
      body: { title: 'One or more validation errors occurred.', errors },
    });
  };

  const checkErrors = (errors: Array<{ path: string; message: string }>) => {
    expect(errors.length).toBeGreaterThan(2);
    expect(errors.length).toBeLessThanOrEqual(20);
    expect(errors[0]).toEqual({
      path: 'Authorization=Bearer [redacted]',
      message: 'The header is not allowed.',
    });
    expect(errors[1]).toEqual({ path: 'Authorization=Bearer [redacted]', message: 'Neither is this one.' });
    expect(errors[2].path).toMatch(/^Injected X-Forged: 1 k+$/);
    for (const { path, message } of errors) expect(path.length + message.length).toBeLessThanOrEqual(600);
    const total = errors.reduce((n, e) => n + e.path.length + e.message.length, 0);
    expect(total).toBeLessThanOrEqual(1200);
  };

  it('in AltinnApiError', async () => {
    hostileErrors();
    const error = await filterApp.app
      .get(AltinnNotificationsService)
      .sendInstantSms(smsOrder())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnApiError);
    checkErrors((error as AltinnApiError).errors);
    const text = renderError(error);
    for (const secret of [
      token,
      FOREIGN_JWT,
      token.split('.')[1],
      FOREIGN_JWT.split('.')[1],
      'X-Forged: 1\n',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('\r\nX-Forged');
  });

  it('in the filter’s answer', async () => {
    hostileErrors();
    const res = await filterApp.postSms();
    expect(res.status).toBe(400);
    checkErrors(res.body.errors);
    for (const secret of [token, FOREIGN_JWT, token.split('.')[1], FOREIGN_JWT.split('.')[1]]) {
      expect(res.text).not.toContain(secret);
    }
  });
});
