// Foundation journey on a phone: regency → kecamatan → desa by links, directory search with and without
// JavaScript, the Indonesian 404 page, WCAG 2.2 AA (axe), no request leaving the machine, and the JS budget.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectScripts, e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const KECAMATAN_COUNT = 18;
const JS_BUDGET_GZIP_BYTES = 30 * 1024;
const UNKNOWN_PATH = '/halaman-yang-tidak-ada';

/** Pages checked by axe and the JS budget. */
const PAGES = [
  { name: 'regency home', path: '/' },
  { name: 'kecamatan home', path: '/sangatta-utara' },
  { name: 'desa home', path: '/sangatta-utara/swarga-bara' },
  { name: 'region directory', path: '/wilayah' },
  { name: '404 page', path: UNKNOWN_PATH },
];

const SECTION_LINKS = ['Beranda', 'Berita', 'Dokumen', 'Layanan', 'Pengaduan', 'PPID', 'Peta', 'Lelang'];

async function breadcrumb(page: Page): Promise<string[]> {
  const items = page.getByRole('navigation', { name: 'Lokasi halaman' }).getByRole('listitem');
  return (await items.allInnerTexts()).map((t) => t.trim());
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

describe.skipIf(!e2eEnabled())('portal foundation on a phone', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];

  async function phone(options?: { javaScriptEnabled?: boolean }): Promise<PhoneContext> {
    const ctx = await phoneContext(browser, options);
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

  test('regency → kecamatan → desa by following links, with breadcrumb and section menu', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();

    const res = await page.goto(url('/'));
    expect(res?.status()).toBe(200);
    expect(await h1(page)).toBe('Kabupaten Kutai Timur');
    const kecamatanList = page.getByRole('region', { name: /^Kecamatan di Kabupaten Kutai Timur/ });
    await expect(kecamatanList.getByRole('heading', { level: 2 }).innerText()).resolves.toContain(`(${KECAMATAN_COUNT})`);
    expect(await kecamatanList.getByRole('link').count()).toBe(KECAMATAN_COUNT);

    await page.getByRole('link', { name: 'Kecamatan Sangatta Utara', exact: true }).first().click();
    await page.waitForURL(url('/sangatta-utara'));
    expect(await h1(page)).toBe('Kecamatan Sangatta Utara');
    expect(await breadcrumb(page)).toEqual(['Kabupaten Kutai Timur', 'Kecamatan Sangatta Utara']);
    await expect(
      page.getByRole('navigation', { name: 'Lokasi halaman' }).getByRole('link', { name: 'Kabupaten Kutai Timur' }).getAttribute('href'),
    ).resolves.toBe('/');

    await page.getByRole('link', { name: 'Desa Swarga Bara', exact: true }).first().click();
    await page.waitForURL(url('/sangatta-utara/swarga-bara'));
    expect(await h1(page)).toBe('Desa Swarga Bara');
    expect(await breadcrumb(page)).toEqual(['Kabupaten Kutai Timur', 'Kecamatan Sangatta Utara', 'Desa Swarga Bara']);
    const current = page.getByRole('navigation', { name: 'Lokasi halaman' }).getByRole('listitem').last();
    await expect(current.getAttribute('aria-current')).resolves.toBe('page');

    const sections = page.getByRole('navigation', { name: 'Menu Desa Swarga Bara' });
    expect((await sections.getByRole('link').allInnerTexts()).map((t) => t.trim())).toEqual(SECTION_LINKS);
    await expect(sections.getByRole('link', { name: 'Beranda' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(sections.getByRole('link', { name: 'Berita' }).getAttribute('href')).resolves.toBe('/sangatta-utara/swarga-bara/berita');

    expect(ctx.externalRequests).toEqual([]);
  });

  test('every page renders in standards mode (a real <!doctype html>)', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const quirks: string[] = [];
    for (const { path } of PAGES) {
      await page.goto(url(path));
      const mode = await page.evaluate(() => document.compatMode);
      if (mode !== 'CSS1Compat') quirks.push(`${path} (${mode})`);
    }
    expect(quirks, 'pages in quirks mode — the doctype is missing or escaped').toEqual([]);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('search works without JavaScript (plain GET form)', async () => {
    const ctx = await phone({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url('/wilayah'));
    await page.locator('#q').fill('swarga');
    await Promise.all([page.waitForURL(/\/wilayah\?q=swarga$/), page.getByRole('button', { name: 'Cari' }).click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('swarga');
    await expect(page.locator('#q').inputValue()).resolves.toBe('swarga');
    const results = page.locator('#hasil');
    await expect(results.getByRole('link', { name: 'Desa Swarga Bara' }).getAttribute('href')).resolves.toBe('/sangatta-utara/swarga-bara');
    expect(await results.innerText()).not.toContain('Muara Wahau');
    expect(ctx.externalRequests).toEqual([]);
  });

  test('search with JavaScript filters #hasil live (htmx), without a full navigation', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url('/wilayah'));
    await page.waitForFunction(() => 'htmx' in window);
    expect(await page.locator('#hasil').innerText()).toContain('Muara Wahau'); // full directory before filtering

    await page.evaluate(() => {
      (window as unknown as { __marker?: number }).__marker = 1;
    });
    const fragment = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/wilayah' && r.url().includes('q=swarga') && r.request().headers()['hx-request'] === 'true',
    );
    await page.locator('#q').pressSequentially('swarga', { delay: 40 });
    const res = await fragment;
    expect(res.status()).toBe(200);

    await expect.poll(() => page.locator('#hasil').first().innerText()).toContain('Swarga Bara');
    expect(await page.locator('#hasil').first().innerText()).not.toContain('Muara Wahau');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('swarga'); // hx-push-url
    // The fragment replaces the results, it must not nest a second #hasil inside the first.
    expect(await page.locator('[id="hasil"]').count()).toBe(1);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('an unknown path answers 404 with the Indonesian not-found page and the search form', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const res = await page.goto(url(UNKNOWN_PATH));
    expect(res?.status()).toBe(404);
    expect(await h1(page)).toBe('Halaman tidak ditemukan');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('id');
    const form = page.getByRole('search');
    await expect(form.getAttribute('action')).resolves.toBe('/wilayah');
    await expect(form.getByLabel('Cari desa, kelurahan atau kecamatan').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Kembali ke beranda portal' }).getAttribute('href')).resolves.toBe('/');
    expect(ctx.externalRequests).toEqual([]);
  });

  test.each(PAGES)('axe: no WCAG 2.2 A/AA violations on the $name ($path)', async ({ path }) => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(path));
    await page.waitForLoadState('load');
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  });

  test.each(PAGES)('JavaScript budget: the $name ($path) loads ≤ 30 KB gzip', async ({ path }) => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const scripts = collectScripts(page);
    await page.goto(url(path));
    await page.waitForLoadState('load');
    const loaded = await scripts.scripts();
    const total = loaded.reduce((sum, s) => sum + s.gzip, 0);
    const detail = loaded.map((s) => `${new URL(s.url).pathname} ${s.gzip} B gzip`).join(', ') || 'no scripts';
    expect(total, `${path}: ${detail}`).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('no request left the machine during the whole suite', () => {
    expect(contexts.flatMap((c) => c.externalRequests)).toEqual([]);
  });
});
