// Officers on a 360×740 phone: the session ends while a news post is being typed, the operator logs in again in
// place and the post is submitted with its text intact (and was autosaved meanwhile); the reviewer approves from the
// rendered preview; a delete asks first and is undone. No page scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';

async function login(page: Page, username: string): Promise<void> {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { overflow: document.documentElement.scrollWidth - width, wide };
  });
  expect(found.overflow, `too wide for the phone: ${found.wide.join('; ')}`).toBeLessThanOrEqual(0);
}

describe.skipIf(!e2eEnabled())('officers on a phone: no lost work, review with eyes open, undo', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];
  const title = `Posyandu balita RT 02 ${Date.now().toString(36)}`;
  const body = 'Posyandu dibuka pukul 08.00 WITA.\n\nBawa **buku KIA** dan kartu imunisasi.';
  let postPath = '';

  async function phone(): Promise<PhoneContext> {
    const ctx = await phoneContext(browser);
    contexts.push(ctx);
    return ctx;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
  });

  test('the session ends mid-typing; the operator logs in again in place and the post is sent with its text intact', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await login(page, 'op.swargabara');
    await page.goto(url('/admin/konten/baru'));
    await page.getByLabel('Judul', { exact: true }).fill(title);
    await page.getByLabel('Isi', { exact: true }).fill(body);
    // Autosave answers while typing (htmx), and a local copy is kept in the browser.
    await expect.poll(() => page.locator('#autosave-status').innerText(), { timeout: 30_000 }).toContain('Tersimpan otomatis');
    expect(await page.evaluate(() => localStorage.getItem('draf:post:new'))).toContain('Posyandu dibuka');
    await expectNoSidewaysScroll(page);

    // The session ends (the cookie is gone), then the operator presses "send".
    await ctx.clearCookies();
    await page.getByRole('button', { name: 'Simpan dan kirim untuk ditinjau' }).click();
    await page.waitForURL(url('/admin/konten'));
    expect(await page.locator('h1').innerText()).toContain('masuk lagi');
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
    await page.getByLabel('Nama pengguna atau email', { exact: true }).fill('op.swargabara');
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk dan lanjutkan' }).click();
    await page.getByRole('button', { name: 'Kirim formulir' }).click();
    await page.waitForURL(/\/admin\/konten\/[0-9A-Z]{26}\?ok=dikirim/);
    postPath = new URL(page.url()).pathname;
    expect(await page.getByLabel('Isi', { exact: true }).inputValue()).toBe(body);
    expect(await page.locator('.status-panel').innerText()).toContain('Menunggu tinjauan');
    // The saved page clears the local copy.
    expect(await page.evaluate(() => localStorage.getItem('draf:post:new'))).toBeNull();
  });

  test('Diskominfo sees the rendered post first and approves from there', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'diskominfo');
    await page.goto(url(postPath));
    const preview = page.locator('.review-preview');
    expect(await preview.locator('strong').innerText()).toBe('buku KIA');
    const box = await preview.boundingBox();
    const approve = await page.getByRole('button', { name: 'Setujui dan terbitkan' }).boundingBox();
    expect(box!.y).toBeLessThan(approve!.y);
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await page.waitForURL(/\/admin\/konten\/tinjauan\?ok=disetujui/);
  });

  test('a delete asks first (in place) and can be undone', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'diskominfo');
    await page.goto(url(postPath));
    await page.getByRole('button', { name: 'Tarik dari situs' }).click();
    await page.waitForURL(/ok=ditarik/);
    await page.getByRole('link', { name: 'Hapus tulisan' }).click();
    // With htmx the question replaces the link; nothing is deleted yet.
    await expect.poll(() => page.locator('.confirm-panel').count()).toBe(1);
    expect(page.url()).toContain('ok=ditarik');
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Ya, hapus tulisan' }).click();
    await page.waitForURL(/\/admin\/konten\?ok=dihapus/);
    expect(await page.locator('main').innerText()).not.toContain(title);
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await page.waitForURL(/ok=dipulihkan/);
    expect(await page.getByLabel('Judul', { exact: true }).inputValue()).toBe(title);
    await expectNoSidewaysScroll(page);
  });
});
