// Region maps on a phone: the desa map enhances to maplibre (WebGL canvas, no request leaving the machine, no CSP
// violation), tapping a place shows its card, tapping a child region opens its page, the admin form fills the
// coordinates from a tap, and with JavaScript disabled the SVG map and the list of places remain.
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const DESA_MAP = '/sangatta-utara/swarga-bara/peta';
const KEC_MAP = '/sangatta-utara/peta';
/** A demo place of Desa Swarga Bara (scripts/lib/demo-places.mjs). */
const DEMO_PLACE = 'Kantor Desa Swarga Bara';
const READY_TIMEOUT_MS = 45_000;

type MapHandle = {
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(
    geometry?: unknown,
    options?: { layers?: string[] },
  ): Array<{ properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }>;
  loaded(): boolean;
};

/** Console errors and CSP violations of a page. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    const text = msg.text();
    if (msg.type() === 'error' || /Content Security Policy|Refused to/i.test(text)) problems.push(`${msg.type()}: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** The interactive map loads only on request: the page shows the SVG map first and a button with the size. */
async function waitForMap(page: Page): Promise<void> {
  const load = page.getByRole('button', { name: /Muat peta interaktif \(± \d+ KB\)/ });
  await load.waitFor({ timeout: READY_TIMEOUT_MS });
  expect(await page.evaluate(() => 'maplibregl' in window)).toBe(false);
  await load.click();
  await page.waitForSelector('#peta[data-siap="1"] canvas.maplibregl-canvas', { timeout: READY_TIMEOUT_MS });
  await page.waitForFunction(
    () => {
      const map = (document.getElementById('peta') as unknown as { petaMap?: MapHandle }).petaMap;
      return Boolean(map?.loaded());
    },
    undefined,
    { timeout: READY_TIMEOUT_MS },
  );
}

/** Viewport position of a rendered place, from the map's own projection. */
async function placePosition(page: Page, name: string): Promise<{ x: number; y: number }> {
  return page.evaluate((placeName) => {
    const root = document.getElementById('peta') as HTMLElement & { petaMap: MapHandle };
    const map = root.petaMap;
    const feature = map.queryRenderedFeatures(undefined, { layers: ['tempat'] }).find((f) => f.properties.name === placeName);
    if (!feature) throw new Error(`place ${placeName} not rendered`);
    const p = map.project(feature.geometry.coordinates);
    const rect = root.querySelector('canvas')!.getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, name);
}

describe.skipIf(!e2eEnabled())('region maps on a phone', () => {
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

  test('the desa map renders with maplibre (WebGL), no external request, no CSP violation; tapping a place shows its card', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    const res = await page.goto(url(DESA_MAP));
    expect(res?.status()).toBe(200);
    await waitForMap(page);

    const canvas = page.locator('#peta canvas.maplibregl-canvas');
    expect(await canvas.isVisible()).toBe(true);
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(200);
    expect(await page.locator('#peta .peta-svg').isVisible()).toBe(false); // the SVG gave way to the canvas
    const rendered = await page.evaluate(() => {
      const map = (document.getElementById('peta') as unknown as { petaMap: MapHandle }).petaMap;
      return {
        places: map.queryRenderedFeatures(undefined, { layers: ['tempat'] }).length,
        boundary: map.queryRenderedFeatures(undefined, { layers: ['wilayah-garis'] }).length,
      };
    });
    expect(rendered.places).toBeGreaterThanOrEqual(5);
    expect(rendered.boundary).toBeGreaterThan(0);
    expect(await page.locator('.peta-lapisan').isVisible()).toBe(true);

    const card = page.locator('#peta-kartu');
    expect(await card.isVisible()).toBe(false);
    const at = await placePosition(page, DEMO_PLACE);
    await page.touchscreen.tap(at.x, at.y);
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(DEMO_PLACE);
    const text = await card.innerText();
    expect(text).toContain('Kantor desa/kecamatan');
    expect(text).toContain('Jam buka');
    expect(text).toContain('Senin–Jumat 08.00–16.00 WITA');
    await card.getByRole('button', { name: 'Tutup keterangan' }).tap();
    expect(await card.isVisible()).toBe(false);

    // "Tampilkan di peta" on a listed place opens the same card.
    await page.locator('li.place', { hasText: 'Pasar Desa Swarga Bara' }).getByRole('button', { name: 'Tampilkan di peta' }).tap();
    await card.waitFor({ state: 'visible' });
    expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe('Pasar Desa Swarga Bara');

    // The complaints layer is a toggle: switching it on loads its points onto the same map.
    await page.getByRole('checkbox', { name: /Pengaduan warga/ }).tap();
    await page.waitForFunction(() => {
      const map = (document.getElementById('peta') as unknown as { petaMap: { getLayer(id: string): unknown } }).petaMap;
      return Boolean(map.getLayer('pengaduan'));
    });

    await expectNoA11yViolations(page);
    expect(problems).toEqual([]);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('tapping a desa on the kecamatan map opens the desa page', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(url(KEC_MAP));
    await waitForMap(page);
    expect(await page.locator('#peta a.peta-label').count()).toBe(4);
    await expectNoA11yViolations(page);
    // A pixel inside Swarga Bara's polygon, away from its label and from any place.
    const target = await page.evaluate(() => {
      const root = document.getElementById('peta') as HTMLElement & { petaMap: MapHandle };
      const map = root.petaMap;
      const rect = root.querySelector('canvas')!.getBoundingClientRect();
      const label = [...root.querySelectorAll<HTMLAnchorElement>('a.peta-label')].find((a) => a.textContent === 'Swarga Bara')!.getBoundingClientRect();
      const places = map.queryRenderedFeatures(undefined, { layers: ['tempat'] }).map((f) => map.project(f.geometry.coordinates));
      for (let y = 10; y < rect.height - 10; y += 8) {
        for (let x = 10; x < rect.width - 60; x += 8) {
          const hit = map.queryRenderedFeatures([x, y], { layers: ['anak-isi'] })[0];
          if (hit?.properties.code !== '64.08.04.2012') continue;
          const vx = rect.left + x;
          const vy = rect.top + y;
          const nearLabel = vx > label.left - 20 && vx < label.right + 20 && vy > label.top - 20 && vy < label.bottom + 20;
          const nearPlace = places.some((p) => Math.hypot(p.x - x, p.y - y) < 30);
          if (!nearLabel && !nearPlace) return { x: vx, y: vy };
        }
      }
      throw new Error('no free pixel inside Swarga Bara');
    });
    await Promise.all([page.waitForURL(url('/sangatta-utara/swarga-bara')), page.touchscreen.tap(target.x, target.y)]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe('Desa Swarga Bara');
    expect(problems).toEqual([]);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('without JavaScript the desa map page shows the SVG map and the list of places', async () => {
    const ctx = await phone({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(url(DESA_MAP));
    const svg = page.locator('#peta svg.map');
    expect(await svg.isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Peta Desa Swarga Bara' }).count()).toBe(1);
    expect(await svg.locator('circle.map-place').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#peta canvas').count()).toBe(0);
    expect(await page.locator('.peta-lapisan').isVisible()).toBe(false);
    const list = page.getByRole('region', { name: /^Daftar tempat/ });
    expect(await list.getByRole('heading', { level: 4, name: DEMO_PLACE }).count()).toBe(1);
    expect(await list.innerText()).toContain('Senin–Jumat 08.00–16.00 WITA');
    await page.getByLabel('Kategori').selectOption('sekolah');
    await Promise.all([page.waitForURL(/kategori=sekolah/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    expect(await page.locator('li.place').count()).toBe(1);
    // (axe needs JavaScript in the page; the same markup is checked with JavaScript in the first test.)
    expect(ctx.externalRequests).toEqual([]);
  });

  test('admin: tapping the small map on the place form fills latitude and longitude', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await page.getByLabel(/Nama pengguna/).fill('op.swargabara');
    await page.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await Promise.all([page.waitForURL(/\/admin/), page.getByRole('button', { name: 'Masuk' }).click()]);
    await page.goto(url('/admin/tempat/baru'));
    await page.waitForSelector('#peta-pilih[data-siap="1"] canvas.maplibregl-canvas', { timeout: READY_TIMEOUT_MS });
    expect(await page.locator('#f-lat').inputValue()).toBe('');
    await page.locator('#peta-pilih canvas').scrollIntoViewIfNeeded();
    const box = (await page.locator('#peta-pilih canvas').boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('#f-lat').inputValue()).toMatch(/^0\.\d{6}$/);
    const lat = Number(await page.locator('#f-lat').inputValue());
    const lng = Number(await page.locator('#f-lng').inputValue());
    expect(lat).toBeGreaterThan(0.5);
    expect(lat).toBeLessThan(0.65);
    expect(lng).toBeGreaterThan(117.36);
    expect(lng).toBeLessThan(117.63);
    await expectNoA11yViolations(page);
    expect(problems).toEqual([]);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('admin: the boundary page of a desa (Diskominfo) shows its map and the upload form, accessibly', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await page.getByLabel(/Nama pengguna/).fill('diskominfo');
    await page.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await Promise.all([page.waitForURL(/\/admin/), page.getByRole('button', { name: 'Masuk' }).click()]);
    await page.goto(url('/admin/wilayah/64.08.04.2012'));
    await Promise.all([page.waitForURL(/\/batas$/), page.getByRole('link', { name: 'batas wilayah (peta)' }).click()]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe('Batas Desa Swarga Bara');
    expect(await page.getByRole('img', { name: 'Peta Desa Swarga Bara' }).count()).toBe(1);
    expect(await page.getByLabel('Berkas GeoJSON').count()).toBe(1);
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('no request left the machine during the whole suite', () => {
    expect(contexts.flatMap((c) => c.externalRequests)).toEqual([]);
  });
});
