// Letters on a phone: a resident requests a Surat Keterangan Usaha with two photos (without JavaScript, and with it:
// photos downscaled in the browser), the demo operator op.swargabara asks for a correction, the resident fixes it, the
// operator numbers and signs the letter, the resident downloads the PDF, and someone else verifies it by decoding the
// QR code on the printed letter (a screenshot decoded with jsQR) and opening its URL.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const NodeBuffer = (globalThis as unknown as { Buffer: { from(a: number[]): Uint8Array } }).Buffer;
const LAYANAN = '/sangatta-utara/swarga-bara/layanan';

/** A real 2400×1600 JPEG made by the browser's own encoder (so the downscaler has something to shrink). */
async function photo(page: Page, hue: number): Promise<Uint8Array> {
  const bytes = await page.evaluate(async (h) => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1600;
    const ctx = canvas.getContext('2d')!;
    for (let i = 0; i < 30; i++) {
      ctx.fillStyle = `hsl(${h + i * 7}, 60%, 55%)`;
      ctx.fillRect((i * 97) % 2400, (i * 53) % 1600, 500, 300);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, hue);
  return NodeBuffer.from(bytes);
}

async function fillSku(page: Page, name: string, nik: string) {
  await page.getByLabel('Nama lengkap', { exact: true }).fill(name);
  await page.getByLabel('NIK', { exact: true }).fill(nik);
  await page.getByLabel('Nomor Kartu Keluarga (KK)', { exact: true }).fill('6408041505180003');
  await page.getByLabel('Tempat lahir', { exact: true }).fill('Sangatta');
  await page.getByLabel('Tanggal lahir', { exact: true }).fill('1990-03-12');
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption('L');
  await page.getByLabel('Alamat', { exact: true }).fill('Jl. Poros Swarga Bara No. 7');
  await page.getByLabel('RT', { exact: true }).fill('3');
  await page.getByLabel('RW', { exact: true }).fill('1');
  await page.getByLabel('Nomor HP atau WhatsApp', { exact: true }).fill('0812 3456 7890');
  await page.getByLabel('Nama usaha', { exact: true }).fill('Warung Berkah');
  await page.getByLabel('Jenis usaha', { exact: true }).fill('warung makan');
  await page.getByLabel('Alamat tempat usaha', { exact: true }).fill('Jl. Poros Swarga Bara No. 7');
  await page.getByLabel('Usaha berjalan sejak (tahun)', { exact: true }).fill('2019');
  await page.getByLabel('Keperluan', { exact: true }).fill('pengajuan KUR');
}

async function receipt(page: Page) {
  const number = (await page.locator('.panel .ref').innerText()).trim();
  const code = (await page.locator('#kode-pribadi').innerText()).trim();
  expect(number).toMatch(/^SRT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return { number, code };
}

async function trackWithCode(page: Page, number: string, code: string) {
  await page.goto(url(`${LAYANAN}/lacak`));
  await page.getByLabel('Nomor permohonan', { exact: true }).fill(number);
  await page.getByLabel('Kode pribadi (tidak wajib)', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Lacak' }).click();
  await page.getByRole('heading', { name: `Permohonan ${number}` }).waitFor();
  expect(page.url()).not.toContain(code); // the code travels in the POST body only
}

describe.skipIf(!e2eEnabled())('letters on a phone', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];
  async function phone(options?: { javaScriptEnabled?: boolean }) {
    const ctx = await phoneContext(browser, options);
    ctx.setDefaultTimeout(20_000);
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

  test('without JavaScript: request, correction, fix, number and sign, download, verify through the QR code', async () => {
    const photos = await (await phone()).newPage();
    const [ktp, kk, kk2] = [await photo(photos, 10), await photo(photos, 120), await photo(photos, 220)];
    const residentCtx = await phone({ javaScriptEnabled: false });
    const resident = await residentCtx.newPage();
    await resident.goto(url('/sangatta-utara/swarga-bara'));
    await resident.getByRole('link', { name: /Ajukan Surat/ }).click();
    await resident.waitForURL(url(LAYANAN));
    await resident.getByRole('link', { name: 'Surat Keterangan Usaha' }).click();
    await resident.getByRole('heading', { level: 1, name: 'Surat Keterangan Usaha' }).waitFor();
    await fillSku(resident, 'Budi Sutejo', '6408 0412 0390 0001');
    await resident.getByLabel('Foto KTP pemohon', { exact: true }).setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: ktp as never });
    await resident.getByLabel('Foto Kartu Keluarga', { exact: true }).setInputFiles({ name: 'kk.jpg', mimeType: 'image/jpeg', buffer: kk as never });
    await resident.getByRole('button', { name: 'Kirim permohonan' }).click();
    await resident.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
    const r = await receipt(resident);
    expect(await resident.getByText('6408041203900001').count()).toBe(0);

    // The demo operator of Desa Swarga Bara (stage pendampingan: serving citizens is not a publishing matter).
    const staffCtx = await phone();
    const staff = await staffCtx.newPage();
    await staff.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await staff.getByLabel('Nama pengguna atau email', { exact: true }).fill('op.swargabara');
    await staff.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await staff.getByRole('button', { name: 'Masuk' }).click();
    await staff.waitForURL(url('/admin'));
    await staff.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Layanan surat' }).click();
    await staff.waitForURL(url('/admin/layanan'));
    await expectNoA11yViolations(staff);
    await staff.getByRole('link', { name: r.number }).click();
    await staff.waitForURL(/\/admin\/layanan\/[0-9A-Z]{26}$/);
    expect(await staff.getByText('************0001').first().isVisible()).toBe(true);
    expect(await staff.getByRole('link', { name: 'Foto 1' }).count()).toBe(2); // KTP and KK beside their requirements
    await expectNoA11yViolations(staff);
    const step = async (summary: string, button: string, fill?: () => Promise<void>) => {
      await staff.locator('summary', { hasText: summary }).click();
      if (fill) await fill();
      await staff.locator('details[open]').getByRole('button', { name: button }).click();
      await staff.getByRole('status').first().waitFor();
    };
    await step('Mulai periksa', 'Mulai periksa persyaratan');
    await step('Minta perbaikan', 'Kirim permintaan perbaikan', () =>
      staff.getByLabel('Apa yang perlu diperbaiki pemohon').fill('Foto KK buram. Mohon foto ulang dengan cahaya cukup.'),
    );

    // The resident reads the request and sends a new photo of the KK.
    await trackWithCode(resident, r.number, r.code);
    expect(await resident.getByText('Foto KK buram. Mohon foto ulang dengan cahaya cukup.').isVisible()).toBe(true);
    await resident
      .getByLabel('Foto Kartu Keluarga (unggah ulang bila diminta)', { exact: true })
      .setInputFiles({ name: 'kk2.jpg', mimeType: 'image/jpeg', buffer: kk2 as never });
    await resident.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await resident.getByText('Perbaikan terkirim').waitFor();

    await staff.reload();
    expect(await staff.getByRole('link', { name: 'Foto 2' }).count()).toBe(1); // the new KK photo beside the old one
    await step('Persyaratan lengkap', 'Lanjutkan ke pembuatan surat');
    await step('Beri nomor', 'Beri nomor surat');
    await step('Tandai sudah ditandatangani', 'Tandai ditandatangani');
    const letterNumber = (await staff.locator('dt', { hasText: 'Nomor surat' }).locator('xpath=following-sibling::dd').innerText()).trim();
    expect(letterNumber).toMatch(/^503\/\d{3}\/DS-SB\/[IVX]+\/\d{4}$/);

    // The resident downloads the PDF through a short-lived link.
    await trackWithCode(resident, r.number, r.code);
    const download = resident.waitForEvent('download');
    await resident.getByRole('button', { name: 'Unduh PDF' }).click();
    const file = await download;
    const path = await file.path();
    const fs = (await import(/* @vite-ignore */ `node:${'fs'}`)) as { readFileSync(p: string): Uint8Array };
    const pdf = fs.readFileSync(path);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(30 * 1024);

    // The printed letter's QR code, as a camera would see it: screenshot → jsQR.
    await trackWithCode(resident, r.number, r.code);
    await resident.getByRole('button', { name: 'Buka versi cetak' }).click();
    await resident.getByText(letterNumber).first().waitFor();
    const shot = PNG.sync.read(await resident.locator('.qr svg').screenshot({ scale: 'device' }));
    const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
    expect(decoded?.data).toMatch(/\/verifikasi\/v1-[0-9A-Z]{16}-[0-9A-Z]{16}$/);

    // Someone else (a bank officer, without JavaScript) opens the URL from the QR code.
    const checker = await (await phone({ javaScriptEnabled: false })).newPage();
    await checker.goto(decoded!.data);
    await checker.getByRole('heading', { name: 'Surat valid' }).waitFor();
    expect(await checker.getByText(letterNumber).isVisible()).toBe(true);
    expect(await checker.getByText('B*** S*****').isVisible()).toBe(true);
    expect(await checker.getByText('************0001').isVisible()).toBe(true);
    const forged = decoded!.data.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    await checker.goto(forged);
    await checker.getByRole('heading', { name: 'Surat tidak dikenal' }).waitFor();

    expect(contexts.flatMap((c) => c.externalRequests)).toEqual([]);
  }, 300_000);

  test('with JavaScript: the two photos are downscaled in the browser before upload', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(`${LAYANAN}/sk-usaha`));
    await expectNoA11yViolations(page);
    await fillSku(page, 'Siti Aminah', '6408045203950002');
    await page.getByLabel('Jenis kelamin', { exact: true }).selectOption('P');
    await page.getByLabel('Tanggal lahir', { exact: true }).fill('1995-03-12');
    await page
      .getByLabel('Foto KTP pemohon', { exact: true })
      .setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: (await photo(page, 30)) as never });
    await page
      .locator('#req_ktp-status')
      .getByText(/diperkecil/)
      .waitFor();
    await page
      .getByLabel('Foto Kartu Keluarga', { exact: true })
      .setInputFiles({ name: 'kk.jpg', mimeType: 'image/jpeg', buffer: (await photo(page, 200)) as never });
    await page
      .locator('#req_kk-status')
      .getByText(/diperkecil/)
      .waitFor();
    const picked = await page.evaluate(async () => {
      const f = (document.getElementById('req_kk') as HTMLInputElement).files![0]!;
      const bmp = await createImageBitmap(f);
      return Math.max(bmp.width, bmp.height);
    });
    expect(picked).toBe(1600);
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
    await receipt(page);
    await expectNoA11yViolations(page);
    await page.goto(url('/verifikasi'));
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  }, 120_000);
});
