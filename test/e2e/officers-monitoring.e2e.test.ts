// Officers on a 360×740 phone, from monitoring to a published document: the monitoring page's first screen shows
// regions needing action; a kecamatan operator in stage `diskominfo` follows the "Belum ada: LKJIP" link to the
// prefilled upload, submits the LKJIP as a draft, and Diskominfo approves it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const NodeBuffer = (globalThis as unknown as { Buffer: { from(s: string, encoding: string): Uint8Array } }).Buffer;
const KECAMATAN = '64.08.04';

async function login(page: Page, username: string): Promise<void> {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

/** A small valid PDF (the upload checks the magic bytes). */
function pdf(marker: string): Uint8Array {
  const stream = `BT /F1 12 Tf 56 780 Td (${marker}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return NodeBuffer.from(out, 'latin1');
}

describe.skipIf(!e2eEnabled())('officers on a phone: monitoring leads to the missing document', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];
  let documentPath = '';

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

  test("the monitoring page's first screen shows regions needing action; Diskominfo runs the document scan from the top", async () => {
    const page = await (await phone()).newPage();
    await login(page, 'diskominfo');
    await page.goto(url('/admin/pemantauan'));
    await page.getByText('Jalankan pemindaian sekarang').click();
    await page.getByRole('button', { name: 'Jalankan pemindaian kelengkapan dokumen' }).click();
    await page.waitForURL(/\/admin\/pemantauan\?dijalankan=/);
    await page.goto(url('/admin/pemantauan'));
    const first = page.locator('table.monitoring-table tbody tr').first();
    const box = await first.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(await first.innerText()).toMatch(/Kurang|Usang|lewat|mendekati|Perlu pembaruan/);
    expect(await page.locator('main').innerText()).not.toContain('Belum dipindai');
    await expectNoA11yViolations(page);
  });

  test('a kecamatan operator in stage diskominfo submits its LKJIP from the monitoring link; Diskominfo approves it', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'op.sangattautara');
    await page.goto(url(`/admin/pemantauan/wilayah/${KECAMATAN}`));
    expect(await page.locator('main').innerText()).toContain('Dikelola Diskominfo');
    await page.getByRole('link', { name: /^Belum ada: LKJIP/ }).click();
    await page.waitForURL(/\/admin\/dokumen\/baru\?/);
    // The form arrives prefilled: the kecamatan, the category and last year.
    const lastYear = String(new Date().getFullYear() - 1);
    expect(await page.getByLabel('Wilayah', { exact: true }).inputValue()).toBe(KECAMATAN);
    expect(await page.getByLabel('Kategori', { exact: true }).inputValue()).toBe('lkjip');
    expect(await page.getByLabel('Tahun', { exact: true }).inputValue()).toBe(lastYear);
    // LKJIP is a periodic (berkala) publication under the PPID rules, preset from the one category table.
    expect(await page.locator('input[name="info_category"][value="berkala"]').isChecked()).toBe(true);
    await page.getByLabel('Judul dokumen', { exact: true }).fill(`LKJIP Kecamatan Sangatta Utara ${lastYear}`);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles({ name: 'lkjip.pdf', mimeType: 'application/pdf', buffer: pdf('LKJIP') as never });
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Simpan dan kirim untuk ditinjau' }).click();
    await page.waitForURL(/\/admin\/dokumen\/[0-9A-Z]{26}\?ok=dikirim/);
    documentPath = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Menunggu tinjauan');

    const reviewer = await (await phone()).newPage();
    await login(reviewer, 'diskominfo');
    await reviewer.goto(url(documentPath));
    await reviewer.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await reviewer.waitForURL(/ok=disetujui/);
    await reviewer.goto(url('/sangatta-utara/dokumen'));
    expect(await reviewer.locator('main').innerText()).toContain(`LKJIP Kecamatan Sangatta Utara ${lastYear}`);
  });
});
