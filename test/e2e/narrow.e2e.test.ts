// No page scrolls sideways on a 320 px wide phone: every public page reachable from the regency home and every admin
// page reachable from the Diskominfo dashboard (breadth-first over links, GET only), plus the pages with known
// troublemakers (file inputs, the document detail table, the editor's cover box).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, e2eEnabled, launchBrowser, steadyNavigation, url } from './helpers/browser';

const MUST = {
  public: [
    '/',
    '/wilayah',
    '/sangatta-utara',
    '/sangatta-utara/swarga-bara',
    '/sangatta-utara/swarga-bara/berita',
    '/sangatta-utara/swarga-bara/dokumen',
    '/sangatta-utara/swarga-bara/pengaduan',
    '/sangatta-utara/swarga-bara/pengaduan/lacak',
    '/sangatta-utara/swarga-bara/ppid',
    '/sangatta-utara/swarga-bara/peta',
    '/sangatta-utara/swarga-bara/layanan',
    '/sangatta-utara/swarga-bara/lelang',
    '/masuk',
  ],
  admin: [
    '/admin',
    '/admin/konten',
    '/admin/konten/baru',
    '/admin/dokumen',
    '/admin/dokumen/baru',
    '/admin/tempat',
    '/admin/tempat/baru',
    '/admin/pengaduan',
    '/admin/ppid',
  ],
};
const SKIP = /\/(keluar|logout)\b|\/unduh\b|\.(pdf|csv|xml|json|png|jpg|webp)(\?|$)|\/media\/|\/api\//;
const LIMIT = { public: 45, admin: 45 };

async function overflow(page: Page): Promise<{ width: number; culprit: string } | null> {
  return page.evaluate(() => {
    // The layout viewport is the page's own width (320 px); a mobile browser zooms out to show wider content, so
    // innerWidth could grow with it — clientWidth does not.
    const viewport = document.documentElement.clientWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= viewport) return null;
    let culprit = '';
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > viewport + 1 && r.width > 0) {
        culprit = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${(el.getAttribute('class') ?? '').split(' ').join('.')}`;
        break;
      }
    }
    return { width, culprit };
  });
}

async function crawl(page: Page, start: string[], limit: number, inScope: (path: string) => boolean) {
  const seen = new Set<string>();
  const queue = [...start];
  const wide: string[] = [];
  while (queue.length && seen.size < limit) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(url(path));
    if (!res || res.status() >= 500) {
      wide.push(`${path}: HTTP ${res?.status()}`);
      continue;
    }
    const o = await overflow(page);
    if (o) wide.push(`${path}: ${o.width}px (${o.culprit})`);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href') ?? '', location.href).href));
    for (const href of links) {
      if (!href.startsWith(baseUrl())) continue;
      const u = new URL(href);
      const p = u.pathname + (u.search.length < 40 ? u.search : '');
      if (!seen.has(p) && inScope(p) && !SKIP.test(p)) queue.push(p);
    }
  }
  return { wide, visited: seen.size };
}

describe.skipIf(!e2eEnabled())('320 px phones', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const narrow = async () => {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' });
    steadyNavigation(ctx);
    return ctx;
  };

  test('no public page scrolls sideways', { timeout: 600_000 }, async () => {
    const ctx = await narrow();
    const page = await ctx.newPage();
    const { wide, visited } = await crawl(page, MUST.public, LIMIT.public, (p) => !p.startsWith('/admin'));
    await ctx.close();
    expect(visited).toBeGreaterThan(MUST.public.length);
    expect(wide).toEqual([]);
  });

  test('no admin page scrolls sideways', { timeout: 600_000 }, async () => {
    const ctx = await narrow();
    const page = await ctx.newPage();
    await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await page.getByLabel('Nama pengguna atau email', { exact: true }).fill('diskominfo');
    await page.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(url('/admin'));
    const { wide, visited } = await crawl(page, MUST.admin, LIMIT.admin, (p) => p.startsWith('/admin'));
    await ctx.close();
    expect(visited).toBeGreaterThan(MUST.admin.length);
    expect(wide).toEqual([]);
  });
});
