// Uploads that survive 2G (issue 15), on a 360×740 phone: a kecamatan operator uploads a 12 MB LKJIP; the
// connection drops after the first part and the tab is closed; the operator opens the form again, picks the same
// file, the page says what the server already has, only the missing parts are sent, and the document is created
// with a file byte-identical to the original.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eEnabled, launchBrowser, phoneContext, url, type PhoneContext } from './helpers/browser';

const PASSWORD = 'Demo-Kutim-2026';
const KECAMATAN = '64.08.04';
const MiB = 1024 * 1024;
const SIZE = 12 * MiB + 777; // three parts: 5 + 5 + 2 MB

interface NodeFs {
  writeFileSync(path: string, data: Uint8Array): void;
  rmSync(path: string, options: { force: boolean }): void;
}
interface NodeOs {
  tmpdir(): string;
}
interface NodeCrypto {
  createHash(algorithm: string): { update(data: Uint8Array): { digest(encoding: 'hex'): string } };
}

/** A PDF-looking file (the server checks the magic bytes) whose every byte depends on its position. */
function bigPdf(): Uint8Array {
  const b = new Uint8Array(SIZE);
  for (let i = 0; i < SIZE; i++) b[i] = (i * 131 + (i >> 13)) & 0xff;
  b.set(new TextEncoder().encode('%PDF-1.4\n% LKJIP uji unggah bertahap\n'));
  return b;
}

async function login(page: Page): Promise<void> {
  await page.goto(url('/masuk'), { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Nama pengguna atau email', { exact: true }).fill('op.sangattautara');
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(url('/admin'));
}

async function openForm(page: Page, title: string): Promise<void> {
  await page.goto(url(`/admin/dokumen/baru?wilayah=${KECAMATAN}&kategori=lkjip&tahun=2025`));
  await page.getByLabel('Judul dokumen', { exact: true }).fill(title);
}

const submitButton = (page: Page) => page.getByRole('button', { name: /^Simpan dan (kirim untuk ditinjau|terbitkan)$/ });

describe.skipIf(!e2eEnabled())('chunked upload on a phone: resume after a dropped connection and a closed tab', () => {
  let browser: Browser;
  let context: PhoneContext;
  let fs: NodeFs;
  let nodeCrypto: NodeCrypto;
  let filePath = '';
  const bytes = bigPdf();

  beforeAll(async () => {
    fs = (await import('node:fs' as string)) as NodeFs;
    const os = (await import('node:os' as string)) as NodeOs;
    nodeCrypto = (await import('node:crypto' as string)) as NodeCrypto;
    filePath = `${os.tmpdir()}/lkjip-bertahap-${Date.now()}.pdf`;
    fs.writeFileSync(filePath, bytes); // a real file: the same name, size and date when it is picked again
    browser = await launchBrowser();
    context = await phoneContext(browser, { clientIp: '198.51.100.15' });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    if (filePath) fs?.rmSync(filePath, { force: true });
  });

  test('the second attempt sends only the missing parts and the stored file is byte-identical', async () => {
    const title = `LKJIP Kecamatan Sangatta Utara 2025 (bertahap ${Date.now()})`;
    const first = await context.newPage();
    await login(first);
    await openForm(first, title);
    // The connection drops as part 2 leaves the phone.
    await first.route('**/admin/dokumen/unggahan/*/bagian/2', async (route) => {
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await first.getByLabel('Berkas', { exact: true }).setInputFiles(filePath);
    await submitButton(first).click();
    const progress = first.locator('progress#file-progress');
    await expect.poll(() => first.locator('[data-upload-text]').innerText(), { timeout: 120_000 }).toContain('Koneksi terputus');
    expect(Number(await progress.getAttribute('value'))).toBeGreaterThanOrEqual(5 * MiB);
    const uploadId = await first.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i) ?? '';
        if (key.startsWith('portal:unggahan:')) return (JSON.parse(localStorage.getItem(key) ?? '{}') as { id?: string }).id ?? '';
      }
      return '';
    });
    expect(uploadId).toMatch(/^[0-9A-Z]{26}$/);
    await first.close(); // the tab is closed mid-upload
    await context.setOffline(false);

    const second = await context.newPage();
    // The server has part 1 only.
    await second.goto(url('/admin'), { waitUntil: 'domcontentloaded' });
    const before = await second.evaluate(async (id) => (await fetch(`/admin/dokumen/unggahan/${id}`)).json(), uploadId);
    expect(before).toMatchObject({ parts: [1], part_count: 3, status: 'open' });

    const sentParts: number[] = [];
    second.on('request', (r) => {
      const m = /\/admin\/dokumen\/unggahan\/[0-9A-Z]{26}\/bagian\/(\d+)$/.exec(r.url());
      if (m && r.method() === 'PUT') sentParts.push(Number(m[1]));
    });
    await openForm(second, title);
    await second.getByLabel('Berkas', { exact: true }).setInputFiles(filePath);
    await expect.poll(() => second.locator('[data-upload-text]').innerText()).toContain('1 dari 3 bagian sudah diterima');
    await submitButton(second).click();
    await second.waitForURL(/\/admin\/dokumen\/[0-9A-Z]{26}\?ok=/, { timeout: 240_000 });
    expect(sentParts.sort()).toEqual([2, 3]);
    expect(await second.locator('main').innerText()).toContain(title);

    // The stored version is the file, byte for byte.
    const docPath = new URL(second.url()).pathname;
    const download = await second.evaluate(async (path) => {
      const res = await fetch(`${path}/versi/1`);
      const body = await res.arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
      return { status: res.status, size: body.byteLength, sha256: Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join('') };
    }, docPath);
    expect(download).toEqual({ status: 200, size: bytes.length, sha256: nodeCrypto.createHash('sha256').update(bytes).digest('hex') });
    // The finished upload is no longer a session: the phone's note leads to a fresh start next time.
    expect(await second.evaluate(async (id) => (await fetch(`/admin/dokumen/unggahan/${id}`)).status, uploadId)).toBe(404);
  }, 600_000);

  test('"Batalkan unggahan" aborts the multipart upload on the server and forgets it on the phone', async () => {
    const title = `LKJIP Kecamatan Sangatta Utara 2025 (batal ${Date.now()})`;
    const first = await context.newPage();
    await openForm(first, title).catch(async () => {
      await login(first);
      await openForm(first, title);
    });
    await first.route('**/admin/dokumen/unggahan/*/bagian/2', async (route) => {
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await first.getByLabel('Berkas', { exact: true }).setInputFiles(filePath);
    await submitButton(first).click();
    await expect.poll(() => first.locator('[data-upload-text]').innerText(), { timeout: 120_000 }).toContain('Koneksi terputus');
    await first.close();
    await context.setOffline(false);

    const page = await context.newPage();
    await openForm(page, title);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(filePath);
    await expect.poll(() => page.locator('[data-upload-text]').innerText()).toContain('1 dari 3 bagian sudah diterima');
    const kept = () =>
      page.evaluate(() => {
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i) ?? '';
          if (key.startsWith('portal:unggahan:')) return (JSON.parse(localStorage.getItem(key) ?? '{}') as { id?: string }).id ?? '';
        }
        return '';
      });
    const uploadId = await kept();
    expect(uploadId).toMatch(/^[0-9A-Z]{26}$/);
    await page.getByRole('button', { name: 'Batalkan unggahan' }).click();
    await expect.poll(() => page.locator('[data-upload-text]').innerText()).toContain('Unggahan dibatalkan');
    expect(await kept()).toBe('');
    expect(await page.evaluate(async (id) => (await fetch(`/admin/dokumen/unggahan/${id}`)).status, uploadId)).toBe(404);
    expect(await page.getByRole('button', { name: 'Batalkan unggahan' }).isVisible()).toBe(false);
  }, 600_000);
});
