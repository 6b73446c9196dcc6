// Content journey on a phone: the demo village operator of Swarga Bara (stage pendampingan) drafts a news post with a
// photo (the browser downscales it before upload) and submits it; Diskominfo approves it from the review queue; a
// citizen sees it on the village page and on the kecamatan rollup. Also: the RSS feed parses as XML, and axe passes
// on the editor, the review queue and the public pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, expectNoA11yViolations, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const VILLAGE = '/sangatta-utara/swarga-bara';
const KECAMATAN = '/sangatta-utara';

async function login(page: Page, username: string): Promise<void> {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' }); // the form is in the HTML: do not wait for every asset
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

/** Puts a freshly drawn 2000×1500 PNG "photo" into the file input, as if chosen from the phone's gallery. */
async function choosePhoto(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const canvas = document.createElement('canvas');
    canvas.width = 2000;
    canvas.height = 1500;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(canvas.width, canvas.height);
    let seed = 7;
    for (let i = 0; i < img.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff; // noise: a PNG of it is big, like a camera photo
      img.data[i] = (i / 4) % 256;
      img.data[i + 1] = seed & 0xff;
      img.data[i + 2] = (seed >> 8) & 0xff;
      img.data[i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const input = document.querySelector(sel) as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'kerja-bakti.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return blob.size;
  }, selector);
}

describe.skipIf(!e2eEnabled())('content on a phone: draft with photo → review → public', () => {
  let browser: Browser;
  const contexts: PhoneContext[] = [];
  const title = `Kerja bakti jembatan RT 05 ${Date.now().toString(36)}`;

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

  test('the village operator drafts a post with a photo and submits it for review', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'op.swargabara');
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Konten' }).click();
    await page.getByRole('link', { name: 'Tulis konten baru' }).click();
    await page.waitForURL(/\/admin\/konten\/baru/);
    // Pendampingan: no "publish" button for the operator, only save or submit.
    expect(await page.getByRole('button', { name: 'Simpan dan terbitkan' }).count()).toBe(0);

    await page.getByLabel('Jenis', { exact: true }).selectOption('berita');
    await page.getByLabel('Judul', { exact: true }).fill(title);
    await page.getByLabel('Ringkasan (opsional)', { exact: true }).fill('Warga RT 05 memperbaiki jembatan kayu menuju kebun.');
    await page.getByLabel('Isi', { exact: true }).fill('Puluhan warga **bergotong royong** memperbaiki jembatan.\n\n- Papan diganti\n- Pegangan dipasang');
    const pngSize = await choosePhoto(page, '#cover');
    await expect.poll(() => page.locator('#cover-status').innerText(), { timeout: 20_000 }).toContain('Foto diperkecil');
    const sent = await page.evaluate(() => {
      const f = (document.querySelector('#cover') as HTMLInputElement).files![0]!;
      return { type: f.type, size: f.size };
    });
    expect(sent.type).toBe('image/jpeg');
    expect(sent.size).toBeLessThan(pngSize);
    await page.getByLabel('Keterangan foto', { exact: true }).fill('Warga memperbaiki jembatan kayu');
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'Simpan dan kirim untuk ditinjau' }).click();
    await page.waitForURL(/\/admin\/konten\/[0-9A-Z]{26}\?ok=dikirim/);
    expect(await page.getByRole('status').innerText()).toContain('dikirim untuk ditinjau');
    expect(await page.locator('.status-panel').innerText()).toContain('Menunggu tinjauan');
    await expectNoA11yViolations(page);

    // Not public yet.
    await page.goto(url(VILLAGE));
    expect(await page.locator('main').innerText()).not.toContain(title);
  });

  test('Diskominfo approves it from the review queue', async () => {
    const page = await (await phone()).newPage();
    await login(page, 'diskominfo');
    expect(await page.locator('main').innerText()).toMatch(/tulisan menunggu tinjauan Anda/);
    await page.goto(url('/admin/konten/tinjauan'));
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/admin\/konten\/[0-9A-Z]{26}$/);
    expect(await page.locator('.status-panel').innerText()).toContain('Menunggu tinjauan');
    await page.getByLabel('Catatan untuk penulis (opsional)', { exact: true }).fill('Terima kasih, sudah rapi.');
    await page.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await page.waitForURL(/\/admin\/konten\/tinjauan\?ok=disetujui/);
    expect(await page.getByRole('status').innerText()).toContain('disetujui');
    expect(await page.locator('main').innerText()).not.toContain(title);
  });

  test('a citizen sees it on the village page and the kecamatan rollup, with the downscaled photo', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(VILLAGE));
    const villageLink = page.getByRole('link', { name: title });
    expect(await villageLink.count()).toBe(1);
    await page.goto(url(KECAMATAN));
    const rollupLink = page.getByRole('link', { name: title });
    expect(await rollupLink.count()).toBe(1);
    await rollupLink.click();
    await page.waitForURL(new RegExp(`${VILLAGE}/berita/kerja-bakti-jembatan-rt-05-`));
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(title);
    const cover = page.locator('img.article-cover');
    await cover.scrollIntoViewIfNeeded();
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    const size = await cover.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight, src: img.getAttribute('src') }));
    // The article derivative of the image pipeline (≤ 800 px), never the upload; the phone picks it over the thumbnail.
    expect(size.src).toMatch(/^\/media\/public\/posts\/[0-9A-Z]{26}\/article$/);
    expect(size.w).toBeLessThanOrEqual(800);
    expect(size.w).toBeGreaterThan(240);
    expect(await page.locator('.prose').innerHTML()).toContain('<strong>bergotong royong</strong>');
    await expectNoA11yViolations(page);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('the village RSS feed parses as XML and carries the post; documents page passes axe', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(`${VILLAGE}/dokumen`));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Dokumen publik');
    await expectNoA11yViolations(page);
    const result = await page.evaluate(async (path) => {
      const text = await (await fetch(path)).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent) };
    }, `${VILLAGE}/berita.xml`);
    expect(result.error).toBeNull();
    expect(result.titles).toContain(title);
    expect(ctx.externalRequests).toEqual([]);
  });

  test('a demo document downloads as a PDF, and the document pages and upload form pass axe', async () => {
    const ctx = await phone();
    const page = await ctx.newPage();
    await page.goto(url(`${VILLAGE}/dokumen`));
    await page.getByRole('link', { name: 'APBDes Swarga Bara Tahun Anggaran 2026' }).click();
    await page.waitForURL(new RegExp(`${VILLAGE}/dokumen/[0-9A-Z]{26}$`));
    await expectNoA11yViolations(page);
    const href = await page.getByRole('link', { name: /^Unduh/ }).getAttribute('href');
    const dl = await page.evaluate(async (h) => {
      const r = await fetch(h!);
      const head = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
      return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), magic: String.fromCharCode(...head) };
    }, href);
    expect(dl).toEqual({
      status: 200,
      type: 'application/pdf',
      disposition: expect.stringContaining('attachment; filename="APBDes Swarga Bara Tahun Anggaran 2026.pdf"'),
      magic: '%PDF-',
    });

    const admin = await (await phone()).newPage();
    await login(admin, 'op.swargabara');
    await admin.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Dokumen' }).click();
    await admin.getByRole('link', { name: 'Unggah dokumen' }).click();
    await admin.waitForURL(/\/admin\/dokumen\/baru/);
    await expectNoA11yViolations(admin);
    expect(ctx.externalRequests).toEqual([]);
  });
});
