// Officers' side of procurement: a village operator posts its village's package with a document through the
// publishing workflow; access (another village's or the regency's packages answer 404); regency packages by the
// procurement managers; the SiRUP/SPSE CSV import (preview with row numbers, import, re-import with no change).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import sirupCsv from '../fixtures/tenders/sirup-paket-penyedia-2026.csv?raw';
import spseCsv from '../fixtures/tenders/spse-daftar-tender-2026.csv?raw';
import { loginAs, type Browser } from '../helpers/auth';
import { fileOf, multipart, pdfBytes, setStage } from '../helpers/content';
import { get } from '../helpers/http';
import { insertTender, tenderContent, tenderRow, XSS } from '../helpers/tenders';

const VILLAGE = '64.08.04.2012'; // Swarga Bara
const OTHER_VILLAGE = '64.08.04.2011'; // Singa Gembara
const uid = () => crypto.randomUUID().slice(0, 8);

const villageForm = (name: string, over: Record<string, string> = {}) => ({
  sumber: 'desa',
  region_code: VILLAGE,
  name,
  procurement_type: 'pekerjaan_konstruksi',
  method: 'pengadaan_langsung',
  fiscal_year: '2026',
  funding_source: 'Dana Desa',
  pagu: 'Rp 185.000.000',
  mulai_pengumuman: '2026-12-01T08:00',
  selesai_pengumuman: '2026-12-20T16:00',
  location_text: 'RT 03 Swarga Bara',
  aksi: 'simpan',
  ...over,
});

async function createAs(b: Browser, fields: Record<string, string>, files: Record<string, File> = {}): Promise<string> {
  const res = await b.postMultipart('/admin/lelang', multipart(fields, files));
  const id = /^\/admin\/lelang\/([0-9A-Z]{26})\?/.exec(res.headers.get('Location') ?? '')?.[1];
  if (res.status !== 303 || !id) throw new Error(`create failed ${res.status}: ${(await res.text()).slice(0, 1500)}`);
  return id;
}

const csvFile = (text: string, name: string) => fileOf(new TextEncoder().encode(text), name, 'text/csv');

async function previewAs(b: Browser, file: File): Promise<{ id: string; page: string }> {
  const res = await b.postMultipart('/admin/lelang/impor', multipart({}, { file }));
  const id = /^\/admin\/lelang\/impor\/([0-9A-Z]{26})$/.exec(res.headers.get('Location') ?? '')?.[1];
  if (res.status !== 303 || !id) throw new Error(`preview failed ${res.status}: ${(await res.text()).slice(0, 1500)}`);
  return { id, page: await (await b.get(`/admin/lelang/impor/${id}`)).text() };
}

/** Runs an import to the end, one chunk per request, as the progress form does. */
async function runImport(b: Browser, id: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const res = await b.post(`/admin/lelang/impor/${id}/jalankan`, {});
    expect(res.status).toBe(303);
    const page = await (await b.get(`/admin/lelang/impor/${id}`)).text();
    if (page.includes('Impor selesai')) return page;
  }
  throw new Error('import did not finish');
}

const fact = (page: string, label: string) => new RegExp(`<dt>${label}</dt><dd>([^<]+)</dd>`).exec(page)?.[1];

describe('village procurement through the publishing workflow', () => {
  it('a village operator posts a package with a document; it shows on the kecamatan page only once published', async () => {
    await setStage(VILLAGE, 'pendampingan');
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const name = `Pembangunan drainase ${uid()}`;
    // In pendampingan publishing needs review: "terbitkan" is refused, "kirim" submits.
    expect((await op.postMultipart('/admin/lelang', multipart(villageForm(name, { aksi: 'terbitkan' })))).status).toBe(403);
    const id = await createAs(op, villageForm(name, { aksi: 'kirim', file_title: 'Rencana anggaran biaya' }), {
      file: fileOf(pdfBytes(name), 'rab.pdf', 'application/pdf'),
    });
    expect((await tenderRow(id))?.publish_status).toBe('menunggu_tinjauan');
    expect(await (await get('/sangatta-utara/lelang')).text()).not.toContain(name);
    expect((await get(`/sangatta-utara/swarga-bara/lelang/${id}`)).status).toBe(404);

    const reviewer = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect((await reviewer.post(`/admin/lelang/${id}/setujui`, { note: '' })).status).toBe(303);
    expect((await tenderRow(id))?.publish_status).toBe('terbit');
    expect(await (await get('/sangatta-utara/lelang')).text()).toContain(name);
    const detail = await (await get(`/sangatta-utara/swarga-bara/lelang/${id}`)).text();
    expect(detail).toContain('Rencana anggaran biaya');
    expect(detail).toContain('Rp 185.000.000');
    const href = /href="(\/sangatta-utara\/swarga-bara\/lelang\/[0-9A-Z]+\/berkas\/[0-9A-Z]+)"/.exec(detail)?.[1];
    const file = await get(href!);
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toContain('application/pdf');
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_type = 'tender' AND entity_id = ? ORDER BY id")
      .bind(id)
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(expect.arrayContaining(['tender.create', 'tender.file.add']));
  });

  it('rejects bad input with Indonesian messages, never a 500', async () => {
    await setStage(VILLAGE, 'mandiri');
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const cases: Array<[Record<string, string>, string]> = [
      [{ pagu: '1,25 M' }, 'Pagu'],
      [{ pagu: '' }, 'Isi pagu anggaran'],
      [{ selesai_pengumuman: '' }, 'isi tanggal mulai dan selesai'],
      [{ selesai_pengumuman: '2026-11-01T08:00' }, 'tanggal selesai sebelum tanggal mulai'],
      [{ fiscal_year: '2O26' }, 'Tahun anggaran'],
      [{ method: 'lelang_kilat' }, 'Pilih metode pemilihan dari daftar.'],
      [{ source_url: 'javascript:alert(1)' }, 'https://'],
      [{ region_code: '<x>' }, ''],
    ];
    for (const [over, message] of cases) {
      const res = await op.postMultipart('/admin/lelang', multipart(villageForm(`Salah ${uid()}`, over)));
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(await res.text(), JSON.stringify(over)).toContain(message);
    }
  });
});

describe('access', () => {
  it("a village operator cannot see or change another village's or the regency's packages (404)", async () => {
    await setStage(OTHER_VILLAGE, 'mandiri');
    const other = await loginAs([['operator_desa', OTHER_VILLAGE]]);
    const theirs = await createAs(other, villageForm(`Paket Singa Gembara ${uid()}`, { region_code: OTHER_VILLAGE, aksi: 'terbitkan' }));
    const regency = await insertTender(tenderContent({ name: `Paket kabupaten ${uid()}` }));
    const op = await loginAs([['operator_desa', VILLAGE]]);
    for (const id of [theirs, regency]) {
      const before = await tenderRow(id);
      expect((await op.get(`/admin/lelang/${id}`)).status, id).toBe(404);
      expect((await op.post(`/admin/lelang/${id}`, villageForm('Diubah orang lain'))).status, id).toBe(404);
      expect((await op.post(`/admin/lelang/${id}/tarik`, {})).status, id).toBe(404);
      expect((await op.post(`/admin/lelang/${id}/hapus`, {})).status, id).toBe(404);
      expect((await op.postMultipart(`/admin/lelang/${id}/berkas`, multipart({}, { file: fileOf(pdfBytes('x'), 'x.pdf') }))).status, id).toBe(404);
      expect(await tenderRow(id)).toEqual(before);
    }
    // Nor create one there, nor a regency package, nor import.
    expect((await op.postMultipart('/admin/lelang', multipart(villageForm('Titipan', { region_code: OTHER_VILLAGE })))).status).toBe(404);
    const spse = await op.postMultipart(
      '/admin/lelang',
      multipart(villageForm('Tender titipan', { sumber: 'spse', external_code: '999', owner_name: 'DINAS X' })),
    );
    expect([403, 404]).toContain(spse.status);
    expect((await op.get('/admin/lelang/impor')).status).toBe(404);
    expect((await op.postMultipart('/admin/lelang/impor', multipart({}, { file: csvFile(spseCsv, 'spse.csv') }))).status).toBe(404);
    // The admin list shows its own village's packages only.
    const list = await (await op.get('/admin/lelang')).text();
    expect(list).not.toContain('Paket Singa Gembara');
    expect(list).not.toContain('Paket kabupaten');
  });

  it('a procurement manager enters regency packages; text fields stay text on the admin pages', async () => {
    const manager = await loginAs([['pengelola_pengadaan', '64.08']]);
    const code = `UJI-${uid()}`;
    const id = await createAs(manager, {
      sumber: 'spse',
      external_code: code,
      name: `${XSS} nama`,
      owner_name: `${XSS} satker`,
      procurement_type: 'barang',
      method: 'tender',
      fiscal_year: '2026',
      pagu: '650.000.000',
      location_codes: '64.08.09',
    });
    expect((await tenderRow(id))?.publish_status).toBe('terbit');
    for (const path of ['/admin/lelang', `/admin/lelang/${id}`]) {
      const page = await (await manager.get(path)).text();
      expect(page, path).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(page, path).not.toContain('<script>alert');
    }
    expect(await (await get('/bengalon/lelang')).text()).toContain('Rp 650.000.000');
    // The same code twice is refused.
    const again = await manager.postMultipart('/admin/lelang', multipart({ sumber: 'spse', external_code: code, name: 'Lagi', owner_name: 'DINAS' }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('Kode ini sudah dipakai');
    // A procurement manager does not manage village procurement (within its region, its role forbids: 403).
    const village = await insertTender(tenderContent({ source: 'desa', regionCode: VILLAGE, name: `Desa ${uid()}` }));
    expect((await manager.get(`/admin/lelang/${village}`)).status).toBe(403);
  });
});

describe('CSV import of SiRUP/SPSE exports', () => {
  it('previews with row-numbered errors, imports the good rows, and a re-import changes nothing', { timeout: 120_000 }, async () => {
    const manager = await loginAs([['pengelola_pengadaan', '64.08']]);
    const first = await previewAs(manager, csvFile(sirupCsv, 'sirup 2026.csv'));
    const errorRows = [...first.page.matchAll(/<td data-label="Baris">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(errorRows).toEqual([5, 6, 7, 8]);
    expect(first.page).toContain('Kode RUP');
    // Nothing is written before the officer confirms.
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM tenders WHERE source = 'sirup'").first<{ n: number }>())?.n).toBe(0);
    const valid = Number(fact(first.page, 'Baris benar'));
    expect(valid).toBeGreaterThan(0);
    expect(Number(fact(first.page, 'Paket baru'))).toBe(valid);
    await runImport(manager, first.id);
    const stored = await env.DB.prepare("SELECT id, external_code, pagu, updated_at FROM tenders WHERE source = 'sirup' ORDER BY external_code").all<{
      id: string;
      external_code: string;
      pagu: number;
      updated_at: number;
    }>();
    expect(stored.results).toHaveLength(valid);
    expect(stored.results.find((r) => r.external_code === '46210001')?.pagu).toBe(1_250_000_000);
    expect(await (await get('/sangatta-utara/swarga-bara/lelang')).text()).toContain('Pembangunan Jalan Poros Desa Swarga Bara');

    // The same file again: every row is unchanged, nothing is written, no new updated_at.
    const again = await previewAs(manager, csvFile(sirupCsv, 'sirup 2026.csv'));
    expect(Number(fact(again.page, 'Paket baru'))).toBe(0);
    expect(Number(fact(again.page, 'Paket berubah'))).toBe(0);
    expect(Number(fact(again.page, 'Paket sama \\(tidak diubah\\)'))).toBe(valid);
    const auditsBefore = (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'tender'").first<{ n: number }>())?.n;
    await runImport(manager, again.id);
    const after = await env.DB.prepare("SELECT id, external_code, pagu, updated_at FROM tenders WHERE source = 'sirup' ORDER BY external_code").all();
    expect(after.results).toEqual(stored.results);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'tender'").first<{ n: number }>())?.n).toBe(auditsBefore);
  });

  it('imports SPSE exports (HPS, stage, winner) and refuses files that are not an export', { timeout: 60_000 }, async () => {
    const manager = await loginAs([['pengelola_pengadaan', '64.08']]);
    const { id, page } = await previewAs(manager, csvFile(spseCsv, 'spse.csv'));
    expect([...page.matchAll(/<td data-label="Baris">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([5, 6]);
    await runImport(manager, id);
    const won = await env.DB.prepare(
      "SELECT status, winner_name, contract_value, hps FROM tenders WHERE source = 'spse' AND external_code = '10045679000'",
    ).first();
    expect(won).toMatchObject({ winner_name: 'PT Borneo Motor Utama', contract_value: 612_500_000, hps: 640_000_000 });
    for (const [text, message] of [
      ['Nama;Alamat\nBudi;Jl. Mawar', 'Kode'],
      ['', 'kosong'],
      ['"Kode Tender,Nama Paket\n1,2', 'rusak'],
    ] as const) {
      const res = await manager.postMultipart('/admin/lelang/impor', multipart({}, { file: csvFile(text, 'x.csv') }));
      expect(res.status, text).toBe(422);
      expect(await res.text(), text).toContain(message);
    }
  });
});
