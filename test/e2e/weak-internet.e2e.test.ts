// Citizens on weak internet, in a real Chromium: drafts survive a reload; a complaint submitted without a connection
// waits in the phone's outbox ("1 laporan menunggu sinyal"), is sent by itself when the connection returns — exactly
// once — and its confirmation is shown; the service worker keeps visited public pages readable offline but never
// serves admin or tracking pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, launchBrowser, url } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const VILLAGE = '/sangatta-utara/swarga-bara';
const FORM = `${VILLAGE}/pengaduan`;

/**
 * A phone context WITHOUT request interception: Playwright's routing would bypass the service worker, which is what
 * these tests are about. Everything the portal loads is on 127.0.0.1 anyway (the other suites check that).
 */
async function phone(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    serviceWorkers: 'allow',
  });
  ctx.setDefaultTimeout(30_000);
  return ctx;
}

async function fill(page: Page, title: string) {
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Infrastruktur' });
  await page.getByLabel('Judul laporan', { exact: true }).fill(title);
  await page.getByLabel('Isi laporan', { exact: true }).fill('Lampu jalan di depan SD padam sejak tiga hari; jalan gelap dan rawan pada malam hari.');
  await page.getByLabel('Kirim sebagai anonim').check();
}

async function swReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

async function login(page: Page, username: string) {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

describe.skipIf(!e2eEnabled())('citizens on weak internet', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPhone = async () => {
    const ctx = await phone(browser);
    contexts.push(ctx);
    return ctx;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    await browser?.close();
  });

  test('what the citizen typed survives a reload and is gone once sent', { timeout: 120_000 }, async () => {
    const page = await (await newPhone()).newPage();
    await page.goto(url(FORM));
    await fill(page, 'Draf bertahan setelah muat ulang');
    await page.waitForTimeout(800); // drafts are saved 400 ms after the last keystroke
    await page.reload();
    await page.getByText('Isian Anda sebelumnya dikembalikan').waitFor(); // restored from IndexedDB after the page loads
    await expect(page.getByLabel('Judul laporan', { exact: true }).inputValue()).resolves.toBe('Draf bertahan setelah muat ulang');
    await expect(page.getByLabel('Kirim sebagai anonim').isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: /Kirim laporan/ }).click();
    await page.locator('[data-confirmation]').waitFor();
    await page.goto(url(FORM));
    await expect(page.getByLabel('Judul laporan', { exact: true }).inputValue()).resolves.toBe('');
  });

  test('offline: the complaint waits on the phone, is sent once when the signal returns, and the confirmation shows', { timeout: 180_000 }, async () => {
    const ctx = await newPhone();
    const page = await ctx.newPage();
    await page.goto(url(FORM));
    await swReady(page);
    const title = `Lampu padam ${Date.now().toString(36)}`;
    await fill(page, title);
    await ctx.setOffline(true);
    await page.getByRole('button', { name: /Kirim laporan/ }).click();
    await page.getByText('1 laporan menunggu sinyal').first().waitFor({ timeout: 30_000 });
    const status = page.locator('[data-send-status]');
    await expect(status.innerText()).resolves.toContain('akan terkirim sendiri');
    await expect(status.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await ctx.setOffline(false);
    const sent = page.locator('[data-outbox-sent]').filter({ hasText: 'Kiriman Anda sudah diterima' });
    await sent.waitFor({ timeout: 60_000 });
    const ticket = (await sent.locator('.ref').first().innerText()).trim();
    expect(ticket).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByText('menunggu sinyal').count()).resolves.toBe(0);

    // Kept only if the citizen chooses it; otherwise gone once dismissed.
    await sent.getByRole('button', { name: 'Simpan di HP ini' }).click();
    await page.locator('details.outbox-kept').waitFor({ timeout: 30_000 }); // stored in IndexedDB before the reload
    await page.reload();
    await expect.poll(() => page.locator('details.outbox-kept').count()).toBe(1); // drawn from IndexedDB after load

    // Exactly one complaint with this title reached the handlers, though the phone may have tried more than once.
    const handler = await (await newPhone()).newPage();
    await login(handler, 'aduan.sangattautara');
    await handler.goto(url('/admin/pengaduan?status=semua'));
    await expect(handler.getByText(title, { exact: false }).count()).resolves.toBe(1);
  });

  test('the service worker keeps visited public pages offline, never admin or tracking pages', { timeout: 180_000 }, async () => {
    const ctx = await newPhone();
    const page = await ctx.newPage();
    await page.goto(url(VILLAGE));
    await swReady(page);
    await page.reload(); // now controlled by the worker: this visit is stored
    await page.goto(url(`${VILLAGE}/pengaduan/lacak`));
    await login(page, 'op.swargabara');
    await page.goto(url('/admin/konten'));
    const adminText = await page.locator('main').innerText();

    const stored = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expect(stored).toContain('/sangatta-utara/swarga-bara');
    expect(stored.filter((p) => p.startsWith('/admin') || p.includes('/lacak') || p === '/masuk')).toEqual([]);

    await ctx.setOffline(true);
    await page.goto(url(VILLAGE));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('Swarga Bara');
    // Admin offline: the browser's own error or the offline page — never the officer's page from a cache.
    const admin = await page.goto(url('/admin/konten')).catch(() => null);
    const shown = admin ? await page.locator('body').innerText() : '';
    expect(shown).not.toContain(adminText.slice(0, 60));
    const track = await page.goto(url(`${VILLAGE}/pengaduan/lacak`)).catch(() => null);
    if (track) expect(await page.locator('h1').innerText()).not.toContain('Lacak');
    await ctx.setOffline(false);
  });
});
