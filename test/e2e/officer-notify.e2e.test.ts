// An officer on a 360×740 phone chooses Telegram for the daily digest and urgent items: hostile input is refused
// with the error summary, the saved chat id is shown masked only, and "Kirim pesan uji" reports in Indonesian that
// Telegram is not configured on this portal (the e2e portal has no bot token; delivery itself is covered with a fake
// Telegram API in test/integration/officer-notifications.test.ts). No sideways scrolling, no axe violations.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const CHAT_ID = '5550987654321';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'too wide for the phone').toBeLessThanOrEqual(0);
}

describe.skipIf(!e2eEnabled())('officer notification preferences on a phone', () => {
  let browser: Browser;
  let context: PhoneContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await phoneContext(browser, { clientIp: '198.51.100.16' });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
  });

  test('sets Telegram, sees it masked, and the test message reports the result', async () => {
    const page = await context.newPage();
    await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Nama pengguna atau email', { exact: true }).fill('op.swargabara');
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(url('/admin'));

    await page.goto(url('/admin/akun'));
    await page.getByRole('link', { name: /Atur ringkasan harian dan pesan mendesak/ }).click();
    await page.waitForURL(url('/admin/akun/notifikasi'));
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);

    await page.getByRole('radio', { name: /^Telegram/ }).check();
    await page.getByLabel('ID chat Telegram', { exact: true }).fill('<b>bukan angka</b>');
    await page.getByRole('button', { name: 'Simpan preferensi' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('ID chat Telegram berupa angka');
    await expectNoA11yViolations(page);

    await page.getByLabel('ID chat Telegram', { exact: true }).fill(CHAT_ID);
    await page.getByLabel('Ringkasan harian (pukul 01.00 WITA)', { exact: true }).check();
    await page.getByLabel(/^Pesan mendesak/).check();
    await page.getByRole('button', { name: 'Simpan preferensi' }).click();
    await page.waitForURL(url('/admin/akun/notifikasi?tersimpan=1'));
    const saved = await page.locator('main').innerText();
    expect(saved).toContain('Preferensi notifikasi tersimpan');
    expect(saved).toContain('•••4321');
    expect(await page.content()).not.toContain(CHAT_ID);
    expect(await page.getByLabel('Ringkasan harian (pukul 01.00 WITA)', { exact: true }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Kirim pesan uji' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Pesan uji gagal dikirim: Telegram belum dikonfigurasi');
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
  }, 300_000);
});
