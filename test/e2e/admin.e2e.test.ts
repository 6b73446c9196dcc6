// Admin journey on a phone: Diskominfo logs in, moves a village to `pendampingan` with a reason, creates an operator
// for it; the new operator must change the temporary password and then sees only that village. Axe on admin pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const VILLAGE = { code: '64.08.01.2001', name: 'Desa Senyiur' };

describe.skipIf(!e2eEnabled())('admin access on a phone', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
  });

  test('Diskominfo moves a village to pendampingan and creates its operator', async () => {
    const ctx = await phoneContext(browser);
    contexts.push(ctx);
    const page = await ctx.newPage();

    await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await expectNoA11yViolations(page);
    await page.getByLabel('Nama pengguna atau email', { exact: true }).fill('diskominfo');
    await page.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(url('/admin'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Selamat datang');
    await expectNoA11yViolations(page);

    // Stage change: filter to the kecamatan, tick the village, choose the stage and give a reason.
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Wilayah & tahap' }).click();
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Muara Ancalong' });
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.getByRole('checkbox', { name: `Pilih ${VILLAGE.name}` }).check();
    await page.getByLabel('Tahap baru', { exact: true }).selectOption('pendampingan');
    await page.getByLabel('Alasan', { exact: true }).fill('Operator desa sudah dilatih, mulai menulis dengan pendampingan.');
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Pindahkan tahap' }).click();
    expect(await page.getByRole('status').innerText()).toContain('1 wilayah dipindahkan tahapnya');
    await page.goto(url(`/admin/wilayah/${VILLAGE.code}`));
    expect(await page.locator('main').innerText()).toContain('Pendampingan');
    expect(await page.locator('main').innerText()).toContain('Operator desa sudah dilatih');

    // Create the operator for that village.
    await page.goto(url('/admin/pengguna'));
    const username = `op.senyiur${Date.now().toString(36)}`;
    await page.getByLabel('Nama lengkap', { exact: true }).fill('Yohanes Operator Senyiur');
    await page.getByLabel('Nama pengguna', { exact: true }).fill(username);
    await page.getByLabel('Kata sandi sementara', { exact: true }).fill('Mahakam-Sementara-2026');
    await page.getByLabel('Peran', { exact: true }).selectOption('operator_desa');
    await page.getByLabel('Wilayah', { exact: true }).selectOption(VILLAGE.code);
    await page.getByRole('button', { name: 'Buat akun' }).click();
    expect(await page.getByRole('status').innerText()).toContain(username);
    expect(await page.getByRole('link', { name: 'Yohanes Operator Senyiur' }).isVisible()).toBe(true);
    await expectNoA11yViolations(page);

    // Logout really ends the session.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk\?keluar=1/);
    await page.goto(url('/admin'));
    expect(page.url()).toMatch(/\/masuk/);

    // The new operator logs in, must change the temporary password, then manages only that village.
    await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
    await page.getByLabel('Kata sandi', { exact: true }).fill('Mahakam-Sementara-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(url('/admin/akun'));
    await page.getByLabel('Kata sandi saat ini', { exact: true }).fill('Mahakam-Sementara-2026');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Sungai-Telen-Jernih-2026');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    expect(await page.getByRole('status').innerText()).toContain('berhasil');
    await page.goto(url('/admin'));
    expect(await page.locator('main').innerText()).toContain('Wilayah yang Anda kelola (1)');
    expect(await page.locator('main').innerText()).toContain(VILLAGE.name);
    expect(await page.locator('main').innerText()).toContain('Pendampingan');
    const users = await page.goto(url('/admin/pengguna'));
    expect(users?.status()).toBe(404);

    expect(ctx.externalRequests).toEqual([]);
  });
});
