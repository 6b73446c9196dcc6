import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs, type Browser } from '../helpers/auth';
import { fileOf, multipart, PNG_1X1, pdfBytes, setStage, xmlProblem } from '../helpers/content';
import { get } from '../helpers/http';

const uid = () => crypto.randomUUID().slice(0, 8);

const META = {
  category: 'sop',
  year: '2026',
  description: 'Langkah pelayanan.',
  info_category: 'setiap_saat',
  responsible_unit: 'Sekretaris Desa',
  retention_period: '5 tahun',
  aksi: 'terbitkan',
};

async function upload(b: Browser, fields: Record<string, string>, file: File): Promise<Response> {
  return b.postMultipart('/admin/dokumen', multipart({ ...META, ...fields }, { file }));
}

async function uploadOk(b: Browser, fields: Record<string, string>, file: File): Promise<string> {
  const res = await upload(b, fields, file);
  const id = /^\/admin\/dokumen\/([0-9A-Z]{26})\?/.exec(res.headers.get('Location') ?? '')?.[1];
  if (res.status !== 303 || !id) throw new Error(`upload failed ${res.status}: ${(await res.text()).slice(0, 1500)}`);
  return id;
}

const docRow = (id: string) =>
  env.DB.prepare('SELECT * FROM documents WHERE id = ?')
    .bind(id)
    .first<{ current_version: number; current_sha256: string; current_size: number; info_category: string; deleted_at: number | null; region_code: string }>();
const versions = (id: string) =>
  env.DB.prepare('SELECT version, r2_key, sha256, size, mime, original_name FROM document_versions WHERE document_id = ? ORDER BY version')
    .bind(id)
    .all<{ version: number; r2_key: string; sha256: string; size: number; mime: string; original_name: string }>();

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

describe('document upload and download', () => {
  it('stores a PDF under a server-made key, lists it (rolled up) and downloads it with type, name and ETag', async () => {
    await setStage('64.08.04.2012', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const title = `SOP Surat Pindah ${uid()}`;
    await get('/sangatta-utara/dokumen'); // cached before the upload: must be purged
    await get('/sangatta-utara/swarga-bara');
    const bytes = pdfBytes(title);
    // Publishing needs review in pendampingan: "terbitkan" is refused, "kirim" submits.
    expect((await upload(op, { region_code: '64.08.04.2012', title }, fileOf(bytes, 'x.pdf'))).status).toBe(403);
    const id = await uploadOk(op, { region_code: '64.08.04.2012', title, aksi: 'kirim' }, fileOf(bytes, '../../../etc/passwd"; evil.pdf', 'text/html'));
    for (const p of [
      '/sangatta-utara/dokumen',
      `/sangatta-utara/swarga-bara/dokumen/${id}`,
      `/sangatta-utara/swarga-bara/dokumen/${id}/unduh`,
      `/api/v1/documents/${id}`,
    ]) {
      const res = await get(p);
      expect(res.status === 404 || !(await res.text()).includes(title), `${p} before review`).toBe(true);
    }
    const reviewer = await loginAs([['diskominfo', '64.08']]);
    expect((await reviewer.post(`/admin/dokumen/${id}/setujui`, { note: '' })).status).toBe(303);
    const row = await docRow(id);
    expect(row!.current_version).toBe(1);
    expect(row!.current_sha256).toBe(await sha256(bytes));
    const v = (await versions(id)).results;
    expect(v).toHaveLength(1);
    expect(v[0]!.r2_key).toBe(`docs/64.08.04.2012/${id}/1.pdf`);
    expect(v[0]!.mime).toBe('application/pdf'); // from the bytes, not the client's text/html
    expect(v[0]!.original_name).toMatch(/^passwd[^/\\";]*\.pdf$/); // path parts, quotes and ';' removed
    expect(v[0]!.original_name).not.toContain('..');
    expect((await env.FILES.list({ prefix: `docs/64.08.04.2012/${id}/` })).objects.map((o) => o.key)).toEqual([`docs/64.08.04.2012/${id}/1.pdf`]);

    for (const p of ['/sangatta-utara/dokumen', '/sangatta-utara/swarga-bara/dokumen', '/dokumen']) {
      const res = await get(p);
      expect(res.headers.get('X-Cache'), p).toBe('MISS');
      expect(await res.text(), p).toContain(title);
    }
    expect(await (await get('/sangatta-utara/swarga-bara')).text()).toContain(title); // home "Dokumen publik"
    expect((await get(`/sangatta-utara/dokumen/${id}`)).status).toBe(404); // detail lives under its own region

    const detail = await get(`/sangatta-utara/swarga-bara/dokumen/${id}`);
    expect(detail.status).toBe(200);
    const html = await detail.text();
    expect(html).toContain('Sekretaris Desa');
    expect(html).toContain(`href="/sangatta-utara/swarga-bara/dokumen/${id}/unduh"`);
    // The SHA-256 is for the few who check it: behind "Detail teknis", not in the facts list.
    expect(html).toMatch(/<details class="tech"><summary>Detail teknis<\/summary>[\s\S]*<code class="hash">[0-9a-f]{64}<\/code>/);
    expect(html).not.toContain('<dt>Sidik SHA-256</dt>');

    const dl = await get(`/sangatta-utara/swarga-bara/dokumen/${id}/unduh`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('Content-Type')).toBe('application/pdf');
    expect(dl.headers.get('Content-Disposition')).toBe(`attachment; filename="${title}.pdf"; filename*=UTF-8''${encodeURIComponent(title)}.pdf`);
    expect(dl.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const etag = dl.headers.get('ETag');
    expect(etag).toBe(`"${row!.current_sha256}"`);
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(bytes);
    const cond = await get(`/sangatta-utara/swarga-bara/dokumen/${id}/unduh`, { 'If-None-Match': etag! });
    expect(cond.status).toBe(304);
    expect(await cond.text()).toBe('');

    const audit = await env.DB.prepare("SELECT action, summary FROM audit_log WHERE entity_type = 'document' AND entity_id = ?")
      .bind(id)
      .all<{ action: string; summary: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(['document.create', 'document.submit', 'document.approve']);
  });

  it('refuses wrong magic bytes (415), empty (422), oversize (413) and a missing file, never 500', async () => {
    await setStage('64.08.04.2012', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM documents').first<{ n: number }>();
    const title = `Ditolak ${uid()}`;
    const exe = new Uint8Array(256);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    const cases: Array<[File, number, string]> = [
      [fileOf(exe, 'laporan.pdf', 'application/pdf'), 415, 'Jenis berkas tidak didukung'],
      [fileOf(new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'laporan.pdf', 'application/pdf'), 415, 'Jenis berkas tidak didukung'],
      [
        fileOf(new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'gambar.svg', 'image/svg+xml'),
        415,
        'Jenis berkas tidak didukung',
      ],
      [fileOf(zip, 'arsip.docx'), 415, 'Jenis berkas tidak didukung'],
      [fileOf(new Uint8Array(0), 'kosong.pdf', 'application/pdf'), 422, 'Berkas kosong'],
    ];
    for (const [file, status, msg] of cases) {
      const res = await upload(op, { region_code: '64.08.04.2012', title }, file);
      expect(res.status, file.name).toBe(status);
      const html = await res.text();
      expect(html, file.name).toContain(msg);
      expect(html, file.name).toContain(`value="${title}"`);
    }
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const huge = await upload(op, { region_code: '64.08.04.2012', title }, fileOf(big, 'besar.pdf'));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Ukuran maksimal 20 MB');
    const none = await op.postMultipart('/admin/dokumen', multipart({ ...META, region_code: '64.08.04.2012', title }));
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Pilih berkas');
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM documents').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('keeps every version: a new upload becomes current, the old one stays downloadable', async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const v1 = pdfBytes('versi satu');
    const id = await uploadOk(op, { region_code: '64.08.04.2011', title: `APBDes ${uid()}`, category: 'apbdes' }, fileOf(v1, 'apbdes.pdf'));
    const v2 = PNG_1X1; // a scan as an image is fine too
    const res = await op.postMultipart(`/admin/dokumen/${id}/versi`, multipart({}, { file: fileOf(v2, 'scan.png', 'image/png') }));
    expect(res.status).toBe(303);
    const rows = (await versions(id)).results;
    expect(rows.map((r) => [r.version, r.r2_key, r.mime])).toEqual([
      [1, `docs/64.08.04.2011/${id}/1.pdf`, 'application/pdf'],
      [2, `docs/64.08.04.2011/${id}/2.png`, 'image/png'],
    ]);
    expect(rows[0]!.sha256).toBe(await sha256(v1));
    expect(rows[1]!.sha256).toBe(await sha256(v2));
    expect((await docRow(id))!.current_version).toBe(2);
    const current = await get(`/sangatta-utara/singa-gembara/dokumen/${id}/unduh`);
    expect(current.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await current.arrayBuffer())).toEqual(v2);
    const old = await get(`/sangatta-utara/singa-gembara/dokumen/${id}/versi/1`);
    expect(old.status).toBe(200);
    expect(old.headers.get('Content-Type')).toBe('application/pdf');
    expect(old.headers.get('Content-Disposition')).toContain('(versi 1).pdf');
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(v1);
    expect((await get(`/sangatta-utara/singa-gembara/dokumen/${id}/versi/3`)).status).toBe(404);
    expect((await get(`/sangatta-utara/singa-gembara/dokumen/${id}/versi/abc`)).status).toBe(404);
    const page = await (await get(`/sangatta-utara/singa-gembara/dokumen/${id}`)).text();
    expect(page).toContain('Riwayat versi');
    // A bad new version leaves the current one untouched.
    const bad = await op.postMultipart(`/admin/dokumen/${id}/versi`, multipart({}, { file: fileOf(new TextEncoder().encode('MZ bukan dokumen'), 'v3.pdf') }));
    expect(bad.status).toBe(415);
    expect((await docRow(id))!.current_version).toBe(2);
    expect((await versions(id)).results).toHaveLength(2);
  });
});

describe('dikecualikan documents are never public', () => {
  it('requires a legal basis and consequence test, then hides the document everywhere public', async () => {
    await setStage('64.08.04.2012', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const title = `Data pribadi penerima ${uid()}`;
    const missing = await upload(op, { region_code: '64.08.04.2012', title, info_category: 'dikecualikan' }, fileOf(pdfBytes('x'), 'data.pdf'));
    expect(missing.status).toBe(422);
    const text = await missing.text();
    expect(text).toContain('dasar hukum pengecualian');
    expect(text).toContain('uji konsekuensi');
    const id = await uploadOk(
      op,
      {
        region_code: '64.08.04.2012',
        title,
        info_category: 'dikecualikan',
        exemption_legal_basis: 'UU 14/2008 Pasal 17 huruf h',
        consequence_test_summary: 'Membuka data pribadi penerima merugikan hak privasi mereka.',
      },
      fileOf(pdfBytes('rahasia'), 'data.pdf'),
    );
    const row = await env.DB.prepare('SELECT exemption_legal_basis, consequence_test_summary FROM documents WHERE id = ?')
      .bind(id)
      .first<{ exemption_legal_basis: string }>();
    expect(row!.exemption_legal_basis).toBe('UU 14/2008 Pasal 17 huruf h');
    const base = `/sangatta-utara/swarga-bara/dokumen/${id}`;
    for (const p of [base, `${base}/unduh`, `${base}/versi/1`, `/api/v1/documents/${id}`]) expect((await get(p)).status, p).toBe(404);
    for (const p of ['/sangatta-utara/swarga-bara/dokumen', '/sangatta-utara/swarga-bara', '/dokumen', '/sitemap.xml', '/api/v1/documents?limit=100']) {
      expect(await (await get(p)).text(), p).not.toContain(id);
    }
    // The officer can still open and download it in the admin.
    expect((await op.get(`/admin/dokumen/${id}`)).status).toBe(200);
    const adminDl = await op.get(`/admin/dokumen/${id}/versi/1`);
    expect(adminDl.status).toBe(200);
    expect(adminDl.headers.get('Cache-Control')).toBe('no-store');
  });

  it('reclassifying a public document as dikecualikan removes it from the cached pages at once', async () => {
    await setStage('64.08.04.2012', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const title = `Akan dikecualikan ${uid()}`;
    const id = await uploadOk(op, { region_code: '64.08.04.2012', title }, fileOf(pdfBytes('y'), 'y.pdf'));
    expect(await (await get('/sangatta-utara/dokumen')).text()).toContain(title);
    expect((await get('/sangatta-utara/dokumen')).headers.get('X-Cache')).toBe('HIT');
    const res = await op.post(`/admin/dokumen/${id}`, {
      ...META,
      title,
      info_category: 'dikecualikan',
      exemption_legal_basis: 'UU 14/2008 Pasal 17 huruf h',
      consequence_test_summary: 'Uji konsekuensi: membuka dokumen ini merugikan.',
    });
    expect(res.status).toBe(303);
    expect(await (await get('/sangatta-utara/dokumen')).text()).not.toContain(title);
    expect((await get(`/sangatta-utara/swarga-bara/dokumen/${id}/unduh`)).status).toBe(404);
  });
});

describe('filters, scope and deletion', () => {
  it('filters by category and year; rejects unknown filter values with 422', async () => {
    await setStage('64.08.02.2003', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.02.2003']]);
    const a = `Perdes lama ${uid()}`;
    const b = `APBDes baru ${uid()}`;
    await uploadOk(op, { region_code: '64.08.02.2003', title: a, category: 'perdes_perkades', year: '2019' }, fileOf(pdfBytes('a'), 'a.pdf'));
    await uploadOk(op, { region_code: '64.08.02.2003', title: b, category: 'apbdes', year: '2025' }, fileOf(pdfBytes('b'), 'b.pdf'));
    const renja = await (await get('/muara-wahau/dokumen?kategori=perdes_perkades')).text();
    expect(renja).toContain(a);
    expect(renja).not.toContain(b);
    const y2025 = await (await get('/muara-wahau/dokumen?tahun=2025')).text();
    expect(y2025).toContain(b);
    expect(y2025).not.toContain(a);
    expect(y2025).toContain('<option value="2019">2019</option>');
    expect((await get('/muara-wahau/dokumen?kategori=%3Cscript%3E')).status).toBe(422);
    expect((await get('/muara-wahau/dokumen?tahun=dua-ribu')).status).toBe(422);
    const future = await upload(op, { region_code: '64.08.02.2003', title: 'Tahun jauh', year: '2999' }, fileOf(pdfBytes('c'), 'c.pdf'));
    expect(future.status).toBe(422);
  });

  it("another village's document is 404 in the admin; a region still run by Diskominfo is 403", async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const owner = await loginAs([['operator_desa', '64.08.04.2011']]);
    const id = await uploadOk(owner, { region_code: '64.08.04.2011', title: `Milik Singa Gembara ${uid()}` }, fileOf(pdfBytes('z'), 'z.pdf'));
    const other = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await other.get(`/admin/dokumen/${id}`)).status).toBe(404);
    expect((await other.get(`/admin/dokumen/${id}/versi/1`)).status).toBe(404);
    expect((await other.post(`/admin/dokumen/${id}`, { ...META, title: 'Dibajak' })).status).toBe(404);
    expect((await other.postMultipart(`/admin/dokumen/${id}/versi`, multipart({}, { file: fileOf(pdfBytes('h'), 'h.pdf') }))).status).toBe(404);
    expect((await other.post(`/admin/dokumen/${id}/hapus`, {})).status).toBe(404);
    expect(await (await other.get('/admin/dokumen')).text()).not.toContain('Milik Singa Gembara');
    // Stage diskominfo: the kecamatan prepares and submits its own documents; only Diskominfo publishes them.
    await setStage('64.08.05', 'diskominfo');
    const kec = await loginAs([['operator_kecamatan', '64.08.05']]);
    expect((await upload(kec, { region_code: '64.08.05', title: 'Tidak boleh langsung' }, fileOf(pdfBytes('k'), 'k.pdf'))).status).toBe(403);
    const lkjip = await uploadOk(
      kec,
      { region_code: '64.08.05', title: `LKJIP Sangkulirang ${uid()}`, category: 'lkjip', aksi: 'kirim' },
      fileOf(pdfBytes('k'), 'k.pdf'),
    );
    expect((await docRow(lkjip)) as unknown as { status: string }).toMatchObject({ status: 'menunggu_tinjauan' });
  });

  it('deleting hides the document publicly but keeps its versions and objects', async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const title = `Dihapus ${uid()}`;
    const id = await uploadOk(op, { region_code: '64.08.04.2011', title }, fileOf(pdfBytes('d'), 'd.pdf'));
    expect(await (await get('/sangatta-utara/singa-gembara/dokumen')).text()).toContain(title);
    expect((await op.post(`/admin/dokumen/${id}/hapus`, {})).status).toBe(303);
    expect(await (await get('/sangatta-utara/singa-gembara/dokumen')).text()).not.toContain(title);
    expect((await get(`/sangatta-utara/singa-gembara/dokumen/${id}`)).status).toBe(404);
    expect((await docRow(id))!.deleted_at).not.toBeNull();
    expect(await env.FILES.head(`docs/64.08.04.2011/${id}/1.pdf`)).not.toBeNull();
    expect((await op.get(`/admin/dokumen/${id}`)).status).toBe(404);
  });

  it('the sitemap lists public documents and stays well-formed', async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const id = await uploadOk(op, { region_code: '64.08.04.2011', title: `Peta & <rencana> ${uid()}` }, fileOf(pdfBytes('s'), 's.pdf'));
    const xml = await (await get('/sitemap.xml')).text();
    expect(xmlProblem(xml)).toBeNull();
    expect(xml).toContain(`/sangatta-utara/singa-gembara/dokumen/${id}</loc>`);
  });
});

describe('upload form presets (links from monitoring flags)', () => {
  it('presets region, category and year from the query, ignoring values that are not allowed', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const html = await (await admin.get('/admin/dokumen/baru?wilayah=64.08.04.2012&kategori=apbdes&tahun=2025')).text();
    expect(html).toMatch(/<option value="apbdes" selected/);
    expect(html).toContain('value="2025"');
    const bad = await (await admin.get('/admin/dokumen/baru?kategori=%3Cscript%3E&tahun=20x5')).text();
    expect(bad).not.toContain('<script>');
    expect(bad).not.toContain('value="20x5"');
  });
});

describe('documents follow the review flow; only Diskominfo or the PPID declassifies (audit finding 1)', () => {
  const EXEMPT = {
    info_category: 'dikecualikan',
    exemption_legal_basis: 'UU 14/2008 Pasal 17 huruf h',
    consequence_test_summary: 'Membuka dokumen ini merugikan hak privasi warga.',
  };
  const NOTE = 'Uji konsekuensi 2026: data pribadi sudah dihitamkan, manfaat keterbukaan lebih besar.';

  it('a pendampingan operator can neither change nor declassify a published document; the public copy stays as it was', async () => {
    await setStage('64.08.04.2012', 'pendampingan');
    const admin = await loginAs([['diskominfo', '64.08']]);
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const secret = await uploadOk(admin, { region_code: '64.08.04.2012', title: `Daftar penerima ${uid()}`, ...EXEMPT }, fileOf(pdfBytes('rahasia'), 'r.pdf'));
    const pub = await uploadOk(admin, { region_code: '64.08.04.2012', title: `SOP publik ${uid()}` }, fileOf(pdfBytes('v1'), 'v1.pdf'));

    // The audit's exact attack: dikecualikan → berkala on a published document.
    const attack = await op.post(`/admin/dokumen/${secret}`, {
      ...META,
      title: 'Dibuka',
      info_category: 'berkala',
      declassification_note: NOTE,
      aksi: 'simpan',
    });
    expect(attack.status).toBe(403);
    expect((await op.post(`/admin/dokumen/${secret}/klasifikasi`, { info_category: 'berkala', declassification_note: NOTE })).status).toBe(403);
    const still = await env.DB.prepare('SELECT info_category, title FROM documents WHERE id = ?')
      .bind(secret)
      .first<{ info_category: string; title: string }>();
    expect(still!.info_category).toBe('dikecualikan');
    for (const p of [`/sangatta-utara/swarga-bara/dokumen/${secret}`, `/sangatta-utara/swarga-bara/dokumen/${secret}/unduh`, `/api/v1/documents/${secret}`])
      expect((await get(p)).status, p).toBe(404);

    // A published document's metadata is not changed without review.
    expect((await op.post(`/admin/dokumen/${pub}`, { ...META, title: 'Judul diganti tanpa tinjauan', aksi: 'simpan' })).status).toBe(403);
    expect((await env.DB.prepare('SELECT title FROM documents WHERE id = ?').bind(pub).first<{ title: string }>())!.title).not.toBe(
      'Judul diganti tanpa tinjauan',
    );

    // A new version waits for review; the public keeps version 1.
    const up = await op.postMultipart(`/admin/dokumen/${pub}/versi`, multipart({}, { file: fileOf(pdfBytes('v2 belum ditinjau'), 'v2.pdf') }));
    expect(up.status).toBe(303);
    expect(up.headers.get('Location')).toContain('versi_dikirim');
    const again = await op.postMultipart(`/admin/dokumen/${pub}/versi`, multipart({}, { file: fileOf(pdfBytes('v3'), 'v3.pdf') }));
    expect(again.status).toBe(409);
    expect(new Uint8Array(await (await get(`/sangatta-utara/swarga-bara/dokumen/${pub}/unduh`)).arrayBuffer())).toEqual(pdfBytes('v1'));
    expect((await get(`/sangatta-utara/swarga-bara/dokumen/${pub}/versi/2`)).status).toBe(404);
    const api = (await (await get(`/api/v1/documents/${pub}`)).json()) as { version: number; versions: Array<{ version: number }> };
    expect(api.version).toBe(1);
    expect(api.versions.map((v) => v.version)).toEqual([1]);
    expect(await (await admin.get('/admin')).text()).toContain('dokumen menunggu tinjauan Anda');

    // The kecamatan (reviewer of its villages in pendampingan) approves: version 2 goes public.
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect((await kec.post(`/admin/dokumen/${pub}/versi/setujui`, {})).status).toBe(303);
    expect(new Uint8Array(await (await get(`/sangatta-utara/swarga-bara/dokumen/${pub}/unduh`)).arrayBuffer())).toEqual(pdfBytes('v2 belum ditinjau'));
  });

  it('an operator cannot declassify its own excluded draft either, before or after submitting it', async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const id = await uploadOk(op, { region_code: '64.08.04.2011', title: `Draf rahasia ${uid()}`, ...EXEMPT, aksi: 'simpan' }, fileOf(pdfBytes('d'), 'd.pdf'));
    for (const aksi of ['simpan', 'terbitkan']) {
      const res = await op.post(`/admin/dokumen/${id}`, { ...META, title: 'Draf dibuka', info_category: 'setiap_saat', declassification_note: NOTE, aksi });
      expect(res.status, aksi).toBe(403);
    }
    expect((await env.DB.prepare('SELECT info_category FROM documents WHERE id = ?').bind(id).first<{ info_category: string }>())!.info_category).toBe(
      'dikecualikan',
    );
  });

  it('the PPID opens an excluded document only with a recorded consequence test; it edits nothing else', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const ppid = await loginAs([['ppid', '64.08.04']]);
    const title = `Kontrak pengadaan ${uid()}`;
    const id = await uploadOk(admin, { region_code: '64.08.04.2012', title, ...EXEMPT }, fileOf(pdfBytes('kontrak'), 'k.pdf'));
    const page = await ppid.get(`/admin/dokumen/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Buka menjadi informasi publik');
    expect(html).not.toContain('Unggah versi baru');
    const noNote = await ppid.post(`/admin/dokumen/${id}/klasifikasi`, { info_category: 'berkala', declassification_note: 'singkat' });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain('uji konsekuensi');
    expect((await ppid.post(`/admin/dokumen/${id}`, { ...META, title: 'Diubah PPID', ...EXEMPT })).status).toBe(403);
    expect((await ppid.postMultipart(`/admin/dokumen/${id}/versi`, multipart({}, { file: fileOf(pdfBytes('p'), 'p.pdf') }))).status).toBe(403);
    const ok = await ppid.post(`/admin/dokumen/${id}/klasifikasi`, { info_category: 'berkala', declassification_note: NOTE });
    expect(ok.status).toBe(303);
    expect((await get(`/sangatta-utara/swarga-bara/dokumen/${id}`)).status).toBe(200);
    const audit = await env.DB.prepare("SELECT summary, after_json FROM audit_log WHERE entity_id = ? AND action = 'document.declassify'")
      .bind(id)
      .first<{ summary: string; after_json: string }>();
    expect(audit!.summary).toContain(NOTE);
    // A PPID of another kecamatan does not even see it.
    const other = await loginAs([['ppid', '64.08.05']]);
    expect((await other.get(`/admin/dokumen/${id}`)).status).toBe(404);
  });

  it('Diskominfo declassifies through the edit form only with the consequence test', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const id = await uploadOk(admin, { region_code: '64.08.04.2012', title: `Laporan audit ${uid()}`, ...EXEMPT }, fileOf(pdfBytes('a'), 'a.pdf'));
    const without = await admin.post(`/admin/dokumen/${id}`, { ...META, title: 'Laporan audit dibuka', info_category: 'berkala', aksi: 'simpan' });
    expect(without.status).toBe(422);
    expect(await without.text()).toContain('uji konsekuensi');
    expect(
      (
        await admin.post(`/admin/dokumen/${id}`, {
          ...META,
          title: 'Laporan audit dibuka',
          info_category: 'berkala',
          declassification_note: NOTE,
          aksi: 'simpan',
        })
      ).status,
    ).toBe(303);
    expect((await get(`/sangatta-utara/swarga-bara/dokumen/${id}`)).status).toBe(200);
  });
});
