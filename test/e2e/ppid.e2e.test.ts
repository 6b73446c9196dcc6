// PPID journey on a phone: a citizen requests information on /sangatta-utara/ppid, the demo PPID officer extends the
// deadline and then answers with a document, and the citizen reads the answer, downloads it and files an objection.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const NodeBuffer = (globalThis as unknown as { Buffer: { from(s: string): Uint8Array } }).Buffer;
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

describe.skipIf(!e2eEnabled())('PPID on a phone', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];

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

  test('citizen requests information, officer extends then answers with a document, citizen objects', async () => {
    // 1. The citizen finds the PPID page from the kecamatan home and fills the Perki 1/2021 form.
    const citizenCtx = await phone();
    const citizen = await citizenCtx.newPage();
    await citizen.goto(url('/sangatta-utara'));
    await citizen.getByRole('link', { name: /Minta Informasi/ }).click();
    await citizen.waitForURL(url('/sangatta-utara/ppid'));
    expect(await h1(citizen)).toBe('PPID Kecamatan Sangatta Utara');
    expect(await citizen.getByText('Sekretaris Kecamatan Sangatta Utara').first().isVisible()).toBe(true); // demo profile
    await expectNoA11yViolations(citizen);

    await citizen.getByRole('link', { name: /Ajukan permohonan/ }).click();
    await citizen.waitForURL(url('/sangatta-utara/ppid/permohonan'));
    await expectNoA11yViolations(citizen);
    await citizen.getByLabel('Nama lengkap', { exact: true }).fill('Rahmat Hidayat');
    await citizen.getByLabel('Alamat', { exact: true }).fill('Jl. Pendidikan No. 4, Swarga Bara');
    await citizen.getByLabel('Pekerjaan', { exact: true }).fill('Guru');
    await citizen.getByLabel('Nomor telepon/WhatsApp', { exact: true }).fill('0812 7777 1234');
    await citizen.getByLabel('Email', { exact: true }).fill('rahmat@contoh.id');
    await citizen.getByLabel('Nomor identitas', { exact: true }).fill('64080412345'); // too short on purpose
    await citizen.getByLabel('Rincian informasi yang dibutuhkan', { exact: true }).fill('Salinan laporan realisasi Dana Desa Swarga Bara tahun 2025.');
    await citizen.getByLabel('Tujuan penggunaan informasi', { exact: true }).fill('Bahan diskusi komite sekolah tentang dukungan desa.');
    await citizen.getByLabel('Mendapatkan salinan elektronik (softcopy)').check();
    await citizen.getByLabel('Cara mendapatkan salinan', { exact: true }).selectOption('email');
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();

    // A clear error, what was typed is kept.
    const summary = citizen.getByRole('alert');
    await expect(summary.innerText()).resolves.toContain('NIK terdiri dari 16 angka.');
    await expect(citizen.getByLabel('Nama lengkap', { exact: true }).inputValue()).resolves.toBe('Rahmat Hidayat');
    await expectNoA11yViolations(citizen);
    await citizen.getByLabel('Nomor identitas', { exact: true }).fill('6408041204800002');
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();

    await citizen.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
    const number = (await citizen.locator('.panel .ref').innerText()).trim();
    const code = (await citizen.locator('.secret').innerText()).trim();
    expect(number).toMatch(/^PPID-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await citizen.getByText('Apa yang terjadi selanjutnya').isVisible()).toBe(true);
    expect(citizen.url()).not.toContain(code);
    expect(await citizen.content()).not.toContain('6408041204800002');
    await expectNoA11yViolations(citizen);

    // 2. The demo PPID officer extends the deadline, then answers with a PDF.
    const officerCtx = await phone();
    const officer = await officerCtx.newPage();
    await officer.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
    await officer.getByLabel('Nama pengguna atau email', { exact: true }).fill('ppid.sangattautara');
    await officer.getByLabel('Kata sandi', { exact: true }).fill('Demo-Kutim-2026');
    await officer.getByRole('button', { name: 'Masuk' }).click();
    await officer.waitForURL(url('/admin'));
    await officer.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'PPID' }).click();
    await officer.waitForURL(url('/admin/ppid'));
    await expectNoA11yViolations(officer);
    await officer.getByRole('link', { name: number }).click();
    expect(await h1(officer)).toBe(`Permohonan ${number}`);
    expect(await officer.content()).not.toContain('6408041204800002');
    expect(await officer.getByText(/berakhiran 0002/).isVisible()).toBe(true);
    await expectNoA11yViolations(officer);

    await officer.getByLabel('Lama perpanjangan (hari kerja)', { exact: true }).fill('7');
    await officer.getByLabel('Alasan perpanjangan', { exact: true }).fill('Laporan realisasi masih direkap bersama pemerintah desa.');
    await officer.getByRole('button', { name: 'Perpanjang' }).click();
    await officer.getByText('Jangka waktu diperpanjang; alasan tercatat').waitFor();
    expect(await officer.locator('.tag').allInnerTexts()).toContain('Diperpanjang');

    await officer.getByLabel('Keputusan', { exact: true }).selectOption('dipenuhi_sebagian');
    await officer.getByLabel('Jawaban kepada pemohon', { exact: true }).fill('Laporan realisasi 2025 terlampir; rincian per kegiatan menyusul setelah audit.');
    await officer
      .getByLabel('Dokumen jawaban (opsional)')
      .setInputFiles({ name: 'realisasi-dana-desa-2025.pdf', mimeType: 'application/pdf', buffer: NodeBuffer.from(PDF) as never });
    await officer.getByRole('button', { name: 'Kirim jawaban' }).click();
    await officer.getByText('Jawaban terkirim.').waitFor();
    expect(await officer.getByRole('link', { name: /Dokumen jawaban: realisasi-dana-desa-2025\.pdf/ }).isVisible()).toBe(true);

    // 3. The citizen tracks the request, reads the answer, downloads the document and objects.
    await citizen.goto(url(`/sangatta-utara/ppid/lacak?nomor=${number}`));
    expect(await citizen.getByLabel(`Status permohonan ${number}`).innerText()).toContain('Dijawab');
    await expectNoA11yViolations(citizen);
    await citizen.getByLabel('Kode rahasia', { exact: true }).fill(code);
    await citizen.getByRole('button', { name: 'Lihat jawaban' }).click();
    await citizen.getByRole('heading', { name: `Permohonan ${number}` }).waitFor();
    expect(await citizen.getByText('Laporan realisasi 2025 terlampir').isVisible()).toBe(true);
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('button', { name: /Unduh dokumen jawaban/ }).click()]);
    expect(download.suggestedFilename()).toBe('realisasi-dana-desa-2025.pdf');
    expect(await download.failure()).toBeNull();
    await expectNoA11yViolations(citizen);

    await citizen.getByLabel('Permohonan ditanggapi tidak sebagaimana yang diminta').check();
    await citizen.getByLabel('Uraian keberatan', { exact: true }).fill('Rincian per kegiatan adalah bagian dari permohonan saya dan belum diberikan.');
    await citizen.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await citizen.getByText('Keberatan Anda telah diterima').waitFor();
    expect(await citizen.getByText(/Atasan PPID wajib menanggapi paling lambat/).isVisible()).toBe(true);
    await expectNoA11yViolations(citizen);

    // The officer now sees the pending objection.
    await officer.goto(url('/admin/ppid?status=keberatan'));
    expect(await officer.getByRole('link', { name: number }).isVisible()).toBe(true);

    expect(citizenCtx.externalRequests).toEqual([]);
    expect(officerCtx.externalRequests).toEqual([]);
  });
});
