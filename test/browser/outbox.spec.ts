import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { createTestClient, emailOrder, smsOrder, type TestClient } from '../support/altinn-client.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts';
const available = existsSync(CHROMIUM);
if (!available)
  console.warn(`outbox browser test skipped: ${CHROMIUM} is missing (CI installs Debian's chromium)`);
const describeIfChromium = available ? describe : describe.skip;

describeIfChromium('simulator outbox page in headless Chromium', () => {
  let sim: AltinnSimulator;
  let client: TestClient;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ deliveryStepMs: 0 });
    client = await createTestClient(sim);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await client?.close();
    await sim?.close();
  });

  it('lists what the library sent: time, channel, recipient, body and delivery status', async () => {
    await client.service.sendInstantSms(smsOrder({ recipientSms: sms('Din engangskode er: 482913') }));
    await client.service.sendInstantEmail(emailOrder());
    await page.goto(`${sim.url}/`);

    await expect(page.title()).resolves.toBe('Altinn simulator outbox');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(2);
    // Newest first: the email, then the SMS.
    expect(rows[0]).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      'EMAIL',
      expect.stringContaining('ola.nordmann@example.no'),
      'Din engangskode',
      'Din engangskode er: 771204',
      'Email_Delivered',
    ]);
    expect(rows[1]).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      'SMS',
      expect.stringContaining('+4799999999'),
      '',
      'Din engangskode er: 482913',
      'SMS_Delivered',
    ]);
    // Visible, not merely present in the markup.
    await expect(page.getByText('Din engangskode er: 482913').isVisible()).resolves.toBe(true);
  });

  it('shows markup in a body as text: the <script> stays inert', async () => {
    const evil = '<script>alert("pwned")</script><img src=x onerror="alert(1)"> kode 111222';
    await client.service.sendInstantSms(smsOrder({ recipientSms: sms(evil) }));
    await page.goto(`${sim.url}/`);

    const rows = await tableRows(page);
    expect(rows[0][4]).toBe(evil);
    expect(await page.locator('tbody script, tbody img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/outbox.png`, fullPage: true });
    expect(existsSync(`${ARTIFACTS}/outbox.png`)).toBe(true);
  });
});

function sms(body: string) {
  return { phoneNumber: '+4799999999', timeToLiveInSeconds: 300, smsSettings: { body } };
}

/** The table as text, row by row, read from the rendered page. */
function tableRows(page: Page): Promise<string[][]> {
  return page.$$eval('tbody tr', (trs) =>
    // innerText is what is rendered (no DOM lib in this tsconfig, hence the structural type).
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td'), (td) =>
        (td as unknown as { innerText: string }).innerText.trim(),
      ),
    ),
  );
}
