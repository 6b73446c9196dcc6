// Monitoring on a phone: Diskominfo runs the freshness scan from the dashboard (the demo server has no cron), then
// filters the monitoring table to the stale desa of one kecamatan with the plain GET form; rows are stacked cards.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

describe.skipIf(!e2eEnabled())('monitoring on a phone', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
  });

  test('Diskominfo filters the monitoring table to stale desa in Sangatta Utara', async () => {
    const ctx = await phoneContext(browser);
    contexts.push(ctx);
    const page = await ctx.newPage();

    await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await page.getByLabel('Nama pengguna atau email', { exact: true }).fill('diskominfo');
    await page.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(url('/admin'));

    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Pemantauan' }).click();
    await page.waitForURL(url('/admin/pemantauan'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Pemantauan wilayah');

    // Run the scan by hand (POST with the CSRF token) from the folded controls at the top; the page comes back with the result.
    await page.getByText('Jalankan pemindaian sekarang').click();
    await page.getByRole('button', { name: 'Jalankan pemindaian kesegaran konten' }).click();
    await page.waitForURL(/\/admin\/pemantauan\?dijalankan=/);
    expect(await page.getByRole('status').innerText()).toContain('Pemindaian kesegaran konten: selesai');

    // Filter: kecamatan, level and freshness, then the plain submit button (the filters are folded under a summary).
    await page.getByText('Saring dan urutkan').click();
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Sangatta Utara' });
    await page.getByLabel('Tingkat', { exact: true }).selectOption('desa');
    await page.getByLabel('Kesegaran', { exact: true }).selectOption('usang');
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.waitForURL(/kesegaran=usang/);
    const current = new URL(page.url());
    expect(current.searchParams.get('kecamatan')).toBe('64.08.04');
    expect(current.searchParams.get('tingkat')).toBe('desa');

    const table = page.locator('table.monitoring-table');
    const rows = table.locator('tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      expect(await row.locator('td[data-label="Wilayah"]').innerText()).toMatch(/^Desa .* · Kec\. Sangatta Utara$/);
      expect(await row.locator('td[data-label="Kesegaran"]').innerText()).toContain('Usang');
    }
    // Swarga Bara has fresh demo news: it is not stale, so it is not listed.
    expect(await table.getByRole('link', { name: 'Desa Swarga Bara' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: new RegExp(`^Wilayah \\(${n}\\)`) }).count()).toBe(1);

    // On a phone the table is a list of compact cards: header row moved off-screen, the name on its own line and the
    // facts side by side after it.
    const cells = rows.first().locator('td');
    expect(await cells.first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await cells.nth(2).evaluate((el) => getComputedStyle(el).display)).toBe('inline-block');
    const headLeft = await table.locator('thead').evaluate((el) => el.getBoundingClientRect().right);
    expect(headLeft).toBeLessThanOrEqual(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await expectNoA11yViolations(page);

    // A region's detail lists its open flags with the link that fixes each; settings and notifications are usable too.
    await rows.first().locator('td[data-label="Wilayah"] a').click();
    await page.waitForURL(/\/admin\/pemantauan\/wilayah\/64\.08\.04\./);
    expect(await page.locator('main').innerText()).toContain('Perlu tindakan');
    await expectNoA11yViolations(page);
    await page.goto(url('/admin/pemantauan/pengaturan'));
    expect(await page.getByLabel('Desa/kelurahan: usang setelah', { exact: true }).inputValue()).toBe('60');
    await expectNoA11yViolations(page);
    await page.goto(url('/admin/notifikasi'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Notifikasi');
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  });
});
