// Complaints on a phone: a citizen files a complaint with a photo without JavaScript and with it (downscaled in the
// browser, htmx keeps the page), the demo handler aduan.sangattautara processes it to `selesai`, the citizen rates it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const NodeBuffer = (globalThis as unknown as { Buffer: { from(a: number[]): Uint8Array } }).Buffer;
const FORM = '/sangatta-utara/swarga-bara/pengaduan';

/** A real 3000×2000 JPEG made by the browser's own encoder (so the downscale script has something to decode). */
async function bigJpeg(page: Page): Promise<Uint8Array> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const ctx = canvas.getContext('2d')!;
    for (let i = 0; i < 40; i++) {
      ctx.fillStyle = `hsl(${i * 9}, 70%, 50%)`;
      ctx.fillRect((i * 73) % 3000, (i * 41) % 2000, 400, 300);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return NodeBuffer.from(bytes);
}

async function fillComplaint(page: Page, title: string) {
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Infrastruktur' });
  await page.getByLabel('Judul laporan', { exact: true }).fill(title);
  await page.getByLabel('Isi laporan', { exact: true }).fill('Papan jembatan kayu di RT 05 patah sejak seminggu lalu. Anak sekolah harus memutar jauh.');
  await page.getByLabel('Di mana tepatnya?', { exact: true }).fill('Jembatan RT 05');
  await page.getByLabel('Nama', { exact: true }).fill('Rahmat Warga');
  await page.getByLabel('Nomor HP', { exact: true }).fill('0812 7777 5555');
}

async function receipt(page: Page) {
  const ticket = (await page.locator('.panel .ref').innerText()).trim();
  const code = (await page.locator('#kode-pribadi').innerText()).trim();
  expect(await page.getByRole('button', { name: 'Buka laporan saya' }).count()).toBe(1);
  expect(ticket).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return { ticket, code };
}

/** The reporter's page: number and private code typed into the tracking form, sent by POST (never a link). */
async function openAsReporter(page: Page, r: { ticket: string; code: string }) {
  await page.goto(url(`${FORM}/lacak`));
  await page.getByLabel('Nomor pelacakan', { exact: true }).fill(r.ticket);
  await page.getByLabel('Kode pribadi (tidak wajib)', { exact: true }).fill(r.code);
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await page.waitForLoadState();
  expect(page.url()).not.toContain(r.code);
}

describe.skipIf(!e2eEnabled())('complaints on a phone', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];
  async function phone(options?: { javaScriptEnabled?: boolean }) {
    // Its own client address: the weak-internet suite also files complaints, and the per-IP limit is 10 per 10 min.
    const ctx = await phoneContext(browser, { ...options, clientIp: '203.0.113.21' });
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

  test('without JavaScript: file with a photo, the handler takes it to selesai, the citizen rates it', async () => {
    const citizenCtx = await phone({ javaScriptEnabled: false });
    const citizen = await citizenCtx.newPage();
    await citizen.goto(url('/sangatta-utara/swarga-bara'));
    await citizen.getByRole('link', { name: /Ajukan Pengaduan/ }).click();
    await citizen.waitForURL(url(FORM));
    expect(await citizen.getByRole('heading', { level: 1 }).innerText()).toBe('Sampaikan pengaduan atau aspirasi');

    // A mistake first: the error summary links to the field and what was typed is kept.
    await citizen.getByLabel('Judul laporan', { exact: true }).fill('Jembatan RT 05 rusak (tanpa JS)');
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect(citizen.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).innerText()).resolves.toContain('Pilih kategori.');
    await expect(citizen.getByLabel('Judul laporan', { exact: true }).inputValue()).resolves.toBe('Jembatan RT 05 rusak (tanpa JS)');

    await fillComplaint(citizen, 'Jembatan RT 05 rusak (tanpa JS)');
    const photoCtx = await phone();
    const jpeg = await bigJpeg(await photoCtx.newPage());
    await citizen.getByLabel('Foto (tidak wajib)').setInputFiles({ name: 'jembatan.jpg', mimeType: 'image/jpeg', buffer: jpeg as never });
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    await citizen.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const r = await receipt(citizen);
    expect(await citizen.getByText('Apa yang terjadi selanjutnya').isVisible()).toBe(true);

    // The demo handler of Kecamatan Sangatta Utara processes it.
    const staffCtx = await phone();
    const staff = await staffCtx.newPage();
    await staff.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await staff.getByLabel('Nama pengguna atau email', { exact: true }).fill('aduan.sangattautara');
    await staff.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await staff.getByRole('button', { name: 'Masuk' }).click();
    await staff.waitForURL(url('/admin'));
    await staff.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Pengaduan' }).click();
    await staff.waitForURL(url('/admin/pengaduan'));
    await expectNoA11yViolations(staff);
    await staff.getByRole('link', { name: 'Jembatan RT 05 rusak (tanpa JS)' }).click();
    await staff.waitForURL(/\/admin\/pengaduan\/[0-9A-Z]{26}$/);
    expect(await staff.getByText(r.ticket).first().isVisible()).toBe(true);
    expect(await staff.getByText('Rahmat Warga').first().isVisible()).toBe(true);
    const img = staff.getByRole('img', { name: 'Foto 1 dari pelapor' });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(800); // the pipeline's article size, never the 3000 px upload
    await expectNoA11yViolations(staff);

    const step = async (action: string, fill?: () => Promise<void>) => {
      await staff.locator('summary', { hasText: action }).click();
      if (fill) await fill();
      await staff.locator('details[open]').getByRole('button', { name: action }).click();
      await staff.getByRole('status').waitFor();
    };
    await step('Verifikasi');
    await step('Disposisikan', async () => {
      await staff.getByLabel('Wilayah yang menangani').selectOption({ label: 'Desa Swarga Bara' });
      await staff.getByLabel('Unit yang menangani').fill('Kasi Pembangunan Desa Swarga Bara');
      await staff.getByLabel('Instruksi (internal)').fill('Ganti papan jembatan minggu ini.');
    });
    await step('Kirim jawaban tindak lanjut', async () => {
      await staff.getByLabel('Jawaban untuk pelapor').fill('Papan jembatan sudah diganti bersama warga pada hari Sabtu.');
    });
    await step('Nyatakan selesai');
    expect(await staff.locator('p strong.tag').first().innerText()).toBe('Selesai');
    const timeline = await staff.locator('ol.ctimeline').innerText();
    expect(timeline.indexOf('Selesai')).toBeLessThan(timeline.indexOf('Laporan diterima')); // newest first

    // The citizen follows the private link, reads the answer and rates the handling (still without JavaScript).
    await openAsReporter(citizen, r);
    expect(await citizen.getByText('Papan jembatan sudah diganti bersama warga').isVisible()).toBe(true);
    expect(await citizen.getByText('Ganti papan jembatan minggu ini.').count()).toBe(0); // internal
    await citizen.getByLabel(/^5/).check();
    await citizen.getByLabel('Komentar (tidak wajib)').fill('Cepat dan jelas, terima kasih.');
    await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
    await citizen.getByText('Terima kasih atas penilaian Anda.').waitFor();
    expect(await citizen.getByText('Penilaian Anda: 5 dari 5').isVisible()).toBe(true);

    expect(contexts.flatMap((c) => c.externalRequests)).toEqual([]);
  }, 240_000);

  test('with JavaScript: the photo is downscaled in the browser and htmx keeps the page', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(FORM));
    await page.waitForFunction(() => 'PortalOutbox' in window);
    await expectNoA11yViolations(page); // axe needs JavaScript: the no-JS test cannot run it
    await page.evaluate(() => {
      (window as unknown as { __marker?: number }).__marker = 1;
    });
    expect(await page.getByRole('button', { name: 'Gunakan lokasi saya' }).isVisible()).toBe(true);
    await fillComplaint(page, 'Jembatan RT 05 rusak (dengan JS)');
    await page.getByLabel('Foto (tidak wajib)').setInputFiles({ name: 'jembatan.jpg', mimeType: 'image/jpeg', buffer: (await bigJpeg(page)) as never });
    await page.getByText(/Foto diperkecil dari \d+ KB menjadi \d+ KB/).waitFor();
    const picked = await page.evaluate(async () => {
      const f = (document.getElementById('photos') as HTMLInputElement).files![0]!;
      const bmp = await createImageBitmap(f);
      return { width: bmp.width, height: bmp.height, type: f.type };
    });
    expect(picked).toEqual({ width: 1024, height: 683, type: 'image/jpeg' }); // data-downscale="1024" on the complaint form

    const posted = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === FORM);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const res = await posted;
    expect(res.status()).toBe(201);
    expect(res.request().headers()['idempotency-key']).toBeTruthy(); // sent by send.js with the form's token
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(FORM);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1); // no full navigation
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Laporan terkirim');
    const r = await receipt(page);
    await expectNoA11yViolations(page);
    // An error from the server keeps the typed text: submit an empty report through htmx.
    await page.goto(url(FORM));
    await page.waitForFunction(() => 'PortalOutbox' in window);
    await page.waitForFunction(() => document.querySelector('form[data-send-ready]'));
    await new Promise((r) => setTimeout(r, 300)); // a draft, if one were left, is restored by now
    expect(await page.locator('.draft-note').count()).toBe(0); // the sent report is not offered again
    await expect(page.getByLabel('Isi laporan', { exact: true }).inputValue()).resolves.toBe('');
    await page.getByLabel('Judul laporan', { exact: true }).fill('Hanya judul');
    const refused = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === FORM);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    expect((await refused).status()).toBe(422);
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    await expect(page.getByLabel('Judul laporan', { exact: true }).inputValue()).resolves.toBe('Hanya judul');
    await expectNoA11yViolations(page);

    await openAsReporter(page, r);
    expect(await page.getByText(/Foto 1 \(1024×683\)/).isVisible()).toBe(true);
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  }, 120_000);

  test('the public list shows figures and verified reports, never the confidential demo report', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url('/sangatta-utara/pengaduan/daftar'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Pengaduan di Kecamatan Sangatta Utara');
    expect(await page.getByText('Sampah menumpuk di pasar desa').isVisible()).toBe(true);
    expect(await page.getByText('Dugaan penyalahgunaan bantuan sosial').count()).toBe(0);
    expect(await page.getByText('Rahmat Warga').count()).toBe(0);
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  });
});
