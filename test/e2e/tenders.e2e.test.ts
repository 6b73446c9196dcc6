// Procurement on a phone: the demo village operator of Swarga Bara (stage pendampingan) posts a procurement package
// with a document and submits it; the kecamatan operator approves it; a citizen finds it on the kecamatan page, opens
// its timeline with today marked and the document, and sees it on the interactive map's procurement layer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const KECAMATAN = '/sangatta-utara';
const READY_TIMEOUT_MS = 45_000;

async function login(page: Page, username: string): Promise<void> {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

/** 'YYYY-MM-DDTHH:MM' in WITA, `days` from now (what a datetime-local input holds). */
const witaLocal = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);

/** Node's Buffer (playwright wants one for an in-memory file); the e2e tsconfig has no Node types. */
const NodeBuffer = (globalThis as unknown as { Buffer: { from(s: string): Uint8Array } }).Buffer;
const PDF = NodeBuffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

type MapHandle = {
  loaded(): boolean;
  getLayer(id: string): unknown;
  queryRenderedFeatures(geometry?: unknown, options?: { layers?: string[] }): Array<{ properties: Record<string, unknown> }>;
};

describe.skipIf(!e2eEnabled())('procurement on a phone: village package with a document → review → kecamatan page, timeline, map', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];
  const name = `Pembangunan talud parit RT 02 ${Date.now().toString(36)}`;
  let packageUrl = '';

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

  test('the village operator posts a package with a document and submits it for review', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'op.swargabara');
    await page.goto(url('/admin/lelang/baru'));
    await page.getByLabel('Nama paket', { exact: true }).fill(name);
    await page.getByLabel('Jenis pengadaan', { exact: true }).selectOption('pekerjaan_konstruksi');
    await page.getByLabel('Cara pengadaan', { exact: true }).selectOption('pengadaan_langsung');
    await page.getByLabel('Tahun anggaran', { exact: true }).fill('2026');
    await page.getByLabel('Sumber dana', { exact: true }).fill('Dana Desa');
    await page.getByLabel('Pagu anggaran (Rp)', { exact: true }).fill('175.500.000');
    await page.getByLabel('Mulai pengumuman', { exact: true }).fill(witaLocal(-1));
    await page.getByLabel('Selesai pengumuman', { exact: true }).fill(witaLocal(4));
    await page.getByLabel('Mulai penandatanganan kontrak', { exact: true }).fill(witaLocal(10));
    await page.getByLabel('Selesai penandatanganan kontrak', { exact: true }).fill(witaLocal(11));
    await page.locator('#file').setInputFiles({ name: 'rab-talud.pdf', mimeType: 'application/pdf', buffer: PDF as never });
    await page.getByLabel('Judul berkas', { exact: true }).fill('Rencana anggaran biaya talud');
    await expectNoA11yViolations(page);
    // Pendampingan: the operator cannot publish, only save or submit.
    expect(await page.getByRole('button', { name: 'Simpan dan terbitkan' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Simpan dan kirim untuk ditinjau' }).click();
    await page.waitForURL(/\/admin\/lelang\/[0-9A-Z]{26}\?ok=dikirim/);
    expect(await page.getByRole('status').first().innerText()).toContain('dikirim untuk ditinjau');
    expect(await page.locator('main').innerText()).toContain('Rencana anggaran biaya talud');

    await page.goto(url(`${KECAMATAN}/lelang`));
    expect(await page.locator('main').innerText()).not.toContain(name);
  });

  test('the kecamatan operator approves it', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'op.sangattautara');
    await page.goto(url('/admin/lelang?status=menunggu_tinjauan'));
    await page.getByRole('link', { name }).click();
    await page.waitForURL(/\/admin\/lelang\/[0-9A-Z]{26}$/);
    await page.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await page.waitForURL(/\/admin\/lelang\/[0-9A-Z]{26}\?ok=disetujui/);
    expect(await page.getByRole('status').first().innerText()).toContain('disetujui');
  });

  test('a citizen finds it on the kecamatan page, opens its timeline and its document', async () => {
    const page = await (await phone()).newPage();
    await page.goto(url(`${KECAMATAN}/lelang`));
    const row = page.getByRole('link', { name });
    expect(await row.count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Rp 175.500.000');
    await expectNoA11yViolations(page);
    await row.click();
    await page.waitForURL(/\/sangatta-utara\/swarga-bara\/lelang\/[0-9A-Z]{26}$/);
    packageUrl = page.url();
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(name);
    const timeline = page.locator('ol.tender-timeline');
    expect(await timeline.locator('li.today').innerText()).toContain('Hari ini');
    const steps = await timeline.locator('li').allInnerTexts();
    const today = steps.findIndex((s) => s.includes('Hari ini'));
    expect(steps[today - 1]).toContain('Pengumuman');
    expect(steps[today + 1]).toContain('Penandatanganan kontrak');
    expect(await page.locator('svg.map').count()).toBe(1);
    await expectNoA11yViolations(page);
    const doc = page.getByRole('link', { name: 'Rencana anggaran biaya talud' });
    const res = await page.request.get(url((await doc.getAttribute('href'))!));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
  });

  test('and on the kecamatan map, with the procurement layer switched on', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(`${KECAMATAN}/peta`));
    // The interactive map loads on request (the page shows the SVG map first).
    await page.getByRole('button', { name: /Muat peta interaktif/ }).click({ timeout: READY_TIMEOUT_MS });
    await page.waitForSelector('#peta[data-siap="1"] canvas.maplibregl-canvas', { timeout: READY_TIMEOUT_MS });
    await page.getByRole('checkbox', { name: /Pengadaan dan lelang/ }).tap();
    await page.waitForFunction(
      (title) => {
        const map = (document.getElementById('peta') as unknown as { petaMap?: MapHandle }).petaMap;
        if (!map?.getLayer('lelang') || !map.loaded()) return false;
        return map.queryRenderedFeatures(undefined, { layers: ['lelang'] }).some((f) => f.properties.title === title);
      },
      name,
      { timeout: READY_TIMEOUT_MS },
    );
    const link = await page.evaluate((title) => {
      const map = (document.getElementById('peta') as unknown as { petaMap: MapHandle }).petaMap;
      return map.queryRenderedFeatures(undefined, { layers: ['lelang'] }).find((f) => f.properties.title === title)?.properties.url;
    }, name);
    expect(packageUrl.endsWith(String(link))).toBe(true);
    expect(ctx.externalRequests).toEqual([]);
  });
});
