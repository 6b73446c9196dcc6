import { env } from 'cloudflare:test';
import { parse } from 'csv-parse/sync';
import { SELF } from '../helpers/worker';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { processRequest } from '../../src/features/ppid/officer-service';
import { AppError } from '../../src/lib/errors';
import { witaDateToMs } from '../../src/lib/time';
import { loginAs, type Browser } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';
import { backdate, everythingOutsideTheRequestRow, PDF_BYTES, PERSONAL, post, requestRow, SECRET_NIK, submitRequest } from '../helpers/ppid';

const officer = () => loginAs([['ppid', '64.08.04']]);

async function idOf(number: string): Promise<string> {
  return (await requestRow(number))!.id;
}

function answerForm(b: Browser, id: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  if (file) fd.set('document', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/pdf' }));
  return b.postMultipart(`/admin/ppid/permohonan/${id}/jawab`, fd);
}

describe('officer workflow', () => {
  it('lists by due date, then process → extend → answer with a document the requester downloads with the code', async () => {
    const b = await officer();
    const { number, code } = await submitRequest('/sangatta-utara/swarga-bara');
    const id = await idOf(number);

    const list = await b.get('/admin/ppid');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(number);
    expect(listHtml).toContain('Angka per wilayah');
    expect(listHtml).not.toContain(SECRET_NIK);

    const detail = await (await b.get(`/admin/ppid/permohonan/${id}`)).text();
    expect(detail).toContain(PERSONAL.name);
    expect(detail).toContain('berakhiran 0003');
    expect(detail).not.toContain(SECRET_NIK);

    expect((await b.post(`/admin/ppid/permohonan/${id}/proses`, {})).status).toBe(303);
    const before = (await requestRow(number))!;
    const bad = await b.post(`/admin/ppid/permohonan/${id}/perpanjang`, { days: '9', reason: 'x' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Perpanjangan 1 sampai 7 hari kerja.');
    const ext = await b.post(`/admin/ppid/permohonan/${id}/perpanjang`, { days: '7', reason: 'Dokumen masih dihimpun dari desa.' });
    expect(ext.status).toBe(303);
    const extended = (await requestRow(number))!;
    expect(extended.status).toBe('diperpanjang');
    expect(extended.due_at as number).toBeGreaterThan(before.due_at as number);
    expect(extended.original_due_at).toBe(before.due_at);
    const twice = await b.post(`/admin/ppid/permohonan/${id}/perpanjang`, { days: '2', reason: 'Sekali lagi karena belum lengkap.' });
    expect(twice.status).toBe(409);

    const res = await answerForm(
      b,
      id,
      { decision: 'dipenuhi_sebagian', answer_note: 'Sebagian dokumen kami kirim; lampiran B belum dikuasai.' },
      { bytes: PDF_BYTES, name: '../../jawaban RKA.pdf' },
    );
    expect(res.status).toBe(303);
    const answered = (await requestRow(number))!;
    expect(answered.status).toBe('dijawab');
    expect(answered.answer_doc_key).toMatch(new RegExp(`^ppid/64\\.08\\.04\\.2012/${id}/[0-9A-Z]{26}\\.pdf$`));
    expect(answered.answer_doc_mime).toBe('application/pdf');
    expect(answered.answer_doc_name).toBe('jawaban RKA.pdf');

    // The requester sees the answer and downloads the document only with the private code.
    const view = await post('/sangatta-utara/swarga-bara/ppid/lacak', { nomor: number, kode: code });
    const viewHtml = await view.text();
    expect(viewHtml).toContain('Sebagian dokumen kami kirim');
    expect(viewHtml).toContain('Unduh dokumen jawaban');
    const dl = await post('/sangatta-utara/swarga-bara/ppid/lacak/dokumen', { nomor: number, kode: code });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('Content-Type')).toBe('application/pdf');
    expect(dl.headers.get('Content-Disposition')).toContain('attachment;');
    expect(dl.headers.get('Cache-Control')).toBe('no-store');
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF_BYTES);
    expect((await post('/sangatta-utara/swarga-bara/ppid/lacak/dokumen', { nomor: number, kode: 'AAAA-BBBB-CCCC' })).status).toBe(422);
    expect((await get(`/media/${answered.answer_doc_key as string}`)).status).toBe(404); // never public media

    // Officer timeline newest first.
    const after = await (await b.get(`/admin/ppid/permohonan/${id}`)).text();
    expect(after.indexOf('Permohonan dijawab')).toBeLessThan(after.indexOf('Jangka waktu diperpanjang'));
    expect(after.indexOf('Jangka waktu diperpanjang')).toBeLessThan(after.indexOf('Permohonan diterima'));
  });

  it('each decision path: ditolak needs legal basis + reason, tidak_dikuasai and dipenuhi close the request', async () => {
    const b = await officer();
    const refused = await idOf((await submitRequest()).number);
    const missing = await answerForm(b, refused, { decision: 'ditolak', answer_note: 'Informasi dikecualikan menurut undang-undang.' });
    expect(missing.status).toBe(422);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('Tuliskan dasar hukum pengecualian');
    expect(missingHtml).toContain('Pilih alasan pengecualian');
    const ok = await answerForm(b, refused, {
      decision: 'ditolak',
      answer_note: 'Informasi dikecualikan menurut undang-undang.',
      refusal_reason: 'pasal_17h',
      refusal_basis: 'UU 14/2008 Pasal 17 huruf h',
    });
    expect(ok.status).toBe(303);
    expect(await env.DB.prepare('SELECT decision, refusal_reason, refusal_basis FROM info_requests WHERE id = ?').bind(refused).first()).toEqual({
      decision: 'ditolak',
      refusal_reason: 'pasal_17h',
      refusal_basis: 'UU 14/2008 Pasal 17 huruf h',
    });

    for (const decision of ['tidak_dikuasai', 'dipenuhi']) {
      const id = await idOf((await submitRequest()).number);
      const r = await answerForm(b, id, {
        decision,
        answer_note: 'Jawaban resmi PPID kepada pemohon.',
        refusal_reason: 'pasal_17a',
        refusal_basis: 'diabaikan bila tidak ditolak',
      });
      expect(r.status).toBe(303);
      const row = await env.DB.prepare('SELECT status, decision, refusal_reason, refusal_basis FROM info_requests WHERE id = ?').bind(id).first();
      expect(row).toEqual({ status: 'dijawab', decision, refusal_reason: null, refusal_basis: null });
      expect((await answerForm(b, id, { decision: 'dipenuhi', answer_note: 'Jawaban kedua tidak boleh.' })).status).toBe(409);
    }
  });

  it('rejects answer documents by their bytes (HTML/SVG/empty) and leaves nothing in R2', async () => {
    const b = await officer();
    const id = await idOf((await submitRequest()).number);
    const html = await answerForm(
      b,
      id,
      { decision: 'dipenuhi', answer_note: 'Jawaban dengan lampiran palsu.' },
      { bytes: new TextEncoder().encode('<svg onload=alert(1)>'), name: 'jawaban.pdf' },
    );
    expect(html.status).toBe(415);
    expect(await html.text()).toContain('Jenis berkas tidak didukung');
    const listed = await env.FILES.list({ prefix: `ppid/64.08.04/${id}/` });
    expect(listed.objects).toHaveLength(0);
    expect(
      (await requestRow((await env.DB.prepare('SELECT number FROM info_requests WHERE id = ?').bind(id).first<{ number: string }>())!.number))!.status,
    ).toBe('diterima');
  });
});

describe('concurrent officer actions', () => {
  it('two simultaneous "process" clicks: one wins, the other is a 409 and leaves no timeline or audit row', async () => {
    const b = await officer();
    const { number } = await submitRequest();
    const id = await idOf(number);
    const actor = { kind: 'user' as const, id: b.userId, name: 'Uji', username: b.username, memberships: [{ role: 'ppid' as const, regionCode: '64.08.04' }] };
    const ctx = () => ({ actor, requestId: null, now: Date.now() });
    const db = createDb(env.DB);
    const results = await Promise.allSettled([processRequest(db, ctx(), id), processRequest(db, ctx(), id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect((failed.reason as AppError).code).toBe('conflict');
    const events = await env.DB.prepare("SELECT COUNT(*) AS n FROM info_request_events WHERE request_id = ? AND kind = 'diproses'")
      .bind(id)
      .first<{ n: number }>();
    const audits = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'ppid.request.process'")
      .bind(id)
      .first<{ n: number }>();
    expect(events!.n).toBe(1);
    expect(audits!.n).toBe(1);
  });
});

describe('objections', () => {
  it('the citizen objects; only Diskominfo records the atasan decision; then the Komisi Informasi is noted', async () => {
    const ppid = await officer();
    const { number, code } = await submitRequest();
    const id = await idOf(number);
    await answerForm(ppid, id, {
      decision: 'ditolak',
      answer_note: 'Informasi dikecualikan.',
      refusal_reason: 'pasal_17h',
      refusal_basis: 'UU 14/2008 Pasal 17 huruf h',
    });

    const noGrounds = await post('/sangatta-utara/ppid/lacak/keberatan', { nomor: number, kode: code, reason: 'Saya keberatan.' });
    expect(noGrounds.status).toBe(422);
    expect(await noGrounds.text()).toContain('Pilih alasan keberatan');
    const wrongCode = await post('/sangatta-utara/ppid/lacak/keberatan', {
      nomor: number,
      kode: 'AAAA-BBBB-CCCC',
      grounds: 'penolakan',
      reason: 'Saya keberatan atas penolakan.',
    });
    expect(wrongCode.status).toBe(422);
    const filed = await post('/sangatta-utara/ppid/lacak/keberatan', {
      nomor: number,
      kode: code,
      grounds: ['penolakan', 'tidak_dipenuhi'],
      reason: 'Data ini menyangkut anggaran publik.',
    });
    expect(filed.status).toBe(200);
    expect(await filed.text()).toContain('Keberatan Anda telah diterima');
    const dup = await post('/sangatta-utara/ppid/lacak/keberatan', { nomor: number, kode: code, grounds: 'penolakan', reason: 'Keberatan kedua kalinya.' });
    expect(dup.status).toBe(409);

    const pending = await (await ppid.get('/admin/ppid?status=keberatan')).text();
    expect(pending).toContain(number);
    const home = await (await ppid.get('/admin')).text();
    expect(home).toContain('keberatan menunggu putusan atasan PPID');
    const ppidDetail = await (await ppid.get(`/admin/ppid/permohonan/${id}`)).text();
    expect(ppidDetail).toContain('dicatat oleh Diskominfo');
    expect(
      (
        await ppid.post(`/admin/ppid/permohonan/${id}/keberatan`, {
          outcome: 'dikabulkan',
          decided_by_name: 'Camat',
          decision_note: 'Keberatan diterima seluruhnya.',
        })
      ).status,
    ).toBe(403);

    const dk = await loginAs([['diskominfo', '64.08']]);
    expect((await dk.post(`/admin/ppid/permohonan/${id}/komisi`, {})).status).toBe(409); // not yet decided
    const bad = await dk.post(`/admin/ppid/permohonan/${id}/keberatan`, { outcome: 'entah', decided_by_name: '', decision_note: '' });
    expect(bad.status).toBe(422);
    const decided = await dk.post(`/admin/ppid/permohonan/${id}/keberatan`, {
      outcome: 'ditolak',
      decided_by_name: 'Camat Sangatta Utara',
      decision_note: 'Penolakan PPID dikuatkan setelah uji konsekuensi.',
    });
    expect(decided.status).toBe(303);
    expect((await dk.post(`/admin/ppid/permohonan/${id}/komisi`, { commission_note: 'Register sengketa KI Kaltim' })).status).toBe(303);
    const o = await env.DB.prepare('SELECT status, outcome, decided_by_name, commission_at FROM info_objections WHERE request_id = ?')
      .bind(id)
      .first<Record<string, unknown>>();
    expect(o).toMatchObject({ status: 'diputus', outcome: 'ditolak', decided_by_name: 'Camat Sangatta Utara' });
    expect(o!.commission_at).toBeTypeOf('number');
    const status = (await (await get(`/api/v1/info-requests/${number}`)).json()) as { objection: Record<string, unknown> };
    expect(status.objection).toMatchObject({ status: 'diputus', outcome: 'ditolak', information_commission: true });
  });

  it('opens the objection window when the deadline passes unanswered', async () => {
    const { number, code } = await submitRequest();
    const early = await post('/sangatta-utara/ppid/lacak/keberatan', {
      nomor: number,
      kode: code,
      grounds: 'tidak_ditanggapi',
      reason: 'Belum ada tanggapan sama sekali.',
    });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('setelah permohonan dijawab');
    await backdate(number, 20, 3);
    const late = await post('/sangatta-utara/ppid/lacak/keberatan', {
      nomor: number,
      kode: code,
      grounds: ['tidak_ditanggapi', 'terlambat'],
      reason: 'Belum ada tanggapan sama sekali.',
    });
    expect(late.status).toBe(200);
    await backdate(number, 90, 70); // window long closed (but an objection already exists)
    const { number: n2, code: c2 } = await submitRequest();
    await backdate(n2, 90, 70);
    const closed = await post('/sangatta-utara/ppid/lacak/keberatan', {
      nomor: n2,
      kode: c2,
      grounds: 'tidak_ditanggapi',
      reason: 'Belum ada tanggapan sama sekali.',
    });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('Jangka waktu pengajuan keberatan (30 hari kerja) sudah lewat.');
  });
});

describe('scope and access', () => {
  it('answers 404 for requests outside the officer regions, for unknown ids and for roles without PPID', async () => {
    const { number } = await submitRequest();
    const id = await idOf(number);
    const wahau = await loginAs([['ppid', '64.08.02']]);
    const st = async (p: Promise<Response>) => (await p).status;
    expect(await st(wahau.get(`/admin/ppid/permohonan/${id}`)), 'detail').toBe(404);
    expect(await st(wahau.post(`/admin/ppid/permohonan/${id}/proses`, {})), 'proses').toBe(404);
    expect(await (await wahau.get('/admin/ppid')).text()).not.toContain(number);
    expect(await st(wahau.get('/admin/ppid/permohonan/%3Cscript%3E')), 'bad id').toBe(404);
    expect(await st(wahau.get('/admin/ppid/permohonan/01HZZZZZZZZZZZZZZZZZZZZZZZ')), 'unknown id').toBe(404);
    expect(await st(wahau.get('/admin/ppid/profil?wilayah=64.08.04')), 'profil').toBe(404);
    expect(await st(wahau.get('/admin/ppid/laporan?wilayah=64.08')), 'laporan').toBe(404);
    const operator = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await operator.get('/admin/ppid')).status).toBe(404);
    expect(await (await operator.get('/admin')).text()).not.toContain('href="/admin/ppid"');
    const desaPpid = await loginAs([['ppid', '64.08.04.2011']]);
    expect((await desaPpid.get(`/admin/ppid/permohonan/${id}`)).status).toBe(404); // sibling desa/parent
    expect((await SELF.fetch(`${ORIGIN}/admin/ppid`, { redirect: 'manual' })).status).toBe(303);
  });

  it('highlights overdue requests and lists them on the admin home', async () => {
    const b = await officer();
    const { number } = await submitRequest();
    await backdate(number, 20, 2);
    const list = await (await b.get('/admin/ppid')).text();
    const row = list.slice(list.indexOf(number) - 400, list.indexOf(number) + 1200);
    expect(row).toContain('ppid-overdue');
    expect(row).toContain('Lewat batas waktu');
    expect(await (await b.get('/admin')).text()).toMatch(/\d+ permohonan informasi melewati batas waktu/);
  });
});

describe('profile and DIP items', () => {
  it('the officer edits the profile; the cached public page shows it right away; audit keeps no personal data', async () => {
    const b = await officer();
    await get('/sangatta-utara/ppid');
    expect((await get('/sangatta-utara/ppid')).headers.get('X-Cache')).toBe('HIT');
    const bad = await b.post('/admin/ppid/profil?wilayah=64.08.04', { officer_name: '', address: '' });
    expect(bad.status).toBe(422);
    const saved = await b.post('/admin/ppid/profil?wilayah=64.08.04', {
      officer_name: 'Sekretaris Kecamatan Sangatta Utara',
      superior_name: 'Camat Sangatta Utara',
      address: 'Jl. Yos Sudarso II, Sangatta Utara',
      phone: '(0549) 21000',
      email: 'ppid.sangattautara@kutaitimurkab.go.id',
      office_hours: 'Senin–Jumat 08.00–15.00 WITA',
      maklumat: 'Kami siap melayani **tanpa pungutan**.',
      cost: 'Tanpa biaya',
    });
    expect(saved.status).toBe(303);
    const html = await (await get('/sangatta-utara/ppid')).text();
    expect(html).toContain('Sekretaris Kecamatan Sangatta Utara');
    expect(html).toContain('<strong>tanpa pungutan</strong>');
    expect(html).toContain('Camat Sangatta Utara');
  });

  it('adds and removes a DIP item; dikecualikan items need legal basis and consequence test', async () => {
    const b = await officer();
    const missing = await b.post('/admin/ppid/dip?wilayah=64.08.04.2012', { title: 'Data pribadi penerima BLT', info_category: 'dikecualikan' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('wajib mencantumkan dasar hukum');
    const evil = await b.post('/admin/ppid/dip?wilayah=64.08.04.2012', { title: 'Tautan jahat', info_category: 'berkala', url: 'javascript:alert(1)' });
    expect(evil.status).toBe(422);
    const added = await b.post('/admin/ppid/dip?wilayah=64.08.04.2012', {
      title: 'Data pribadi penerima BLT',
      info_category: 'dikecualikan',
      legal_basis: 'UU 14/2008 Pasal 17 huruf h',
      consequence_test: 'Membuka identitas penerima melanggar privasi.',
      summary: 'tidak boleh tampil',
    });
    expect(added.status).toBe(303);
    const page = await (await get('/sangatta-utara/swarga-bara/ppid')).text();
    expect(page).toContain('Data pribadi penerima BLT');
    expect(page).not.toContain('tidak boleh tampil');
    const item = await env.DB.prepare("SELECT id FROM ppid_info_items WHERE title = 'Data pribadi penerima BLT'").first<{ id: string }>();
    const wahau = await loginAs([['ppid', '64.08.02']]);
    expect((await wahau.post(`/admin/ppid/dip/${item!.id}/hapus`, {})).status).toBe(404);
    expect((await b.post(`/admin/ppid/dip/${item!.id}/hapus`, {})).status).toBe(303);
    expect(await (await get('/sangatta-utara/swarga-bara/ppid')).text()).not.toContain('Data pribadi penerima BLT');
  });
});

describe('annual report', () => {
  async function seedYear() {
    const t = (d: string, h = 10) => witaDateToMs(d) + h * 3_600_000;
    const ins = env.DB.prepare(
      `INSERT INTO info_requests (id, region_code, number, code_hash, status, requester_type, requester_name, requester_address, requester_occupation,
         identity_type, identity_cipher, identity_last4, information, purpose, obtain_method, registered_at, original_due_at, due_at, extended_at,
         answered_at, decision, refusal_reason, refusal_basis, created_at, updated_at)
       VALUES (?, ?, ?, 'x', ?, ?, 'Nama Rahasia Laporan', 'alamat', 'kerja', 'ktp', NULL, '9999', 'info', 'tujuan', 'melihat', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows: Array<[string, string, string, string, string, number, number, number | null, number | null, string | null, string | null]> = [
      [
        'RPT00000000000000000000001',
        '64.08.04',
        'PPID-RPTA-2222',
        'dijawab',
        'perorangan',
        t('2025-03-03'),
        t('2025-03-17', 23),
        null,
        t('2025-03-06'),
        'dipenuhi',
        null,
      ],
      [
        'RPT00000000000000000000002',
        '64.08.04.2012',
        'PPID-RPTB-2222',
        'dijawab',
        'badan_hukum',
        t('2025-06-02'),
        t('2025-06-16', 23),
        t('2025-06-10'),
        t('2025-06-20'),
        'ditolak',
        'pasal_17h',
      ],
      [
        'RPT00000000000000000000003',
        '64.08.04.2011',
        'PPID-RPTC-2222',
        'dijawab',
        'kelompok',
        t('2025-09-01'),
        t('2025-09-15', 23),
        null,
        t('2025-09-02'),
        'tidak_dikuasai',
        null,
      ],
      [
        'RPT00000000000000000000004',
        '64.08.02',
        'PPID-RPTD-2222',
        'dijawab',
        'perorangan',
        t('2025-04-01'),
        t('2025-04-15', 23),
        null,
        t('2025-04-02'),
        'dipenuhi',
        null,
      ],
      [
        'RPT00000000000000000000005',
        '64.08.04',
        'PPID-RPTE-2222',
        'dijawab',
        'perorangan',
        t('2024-12-31', 23),
        t('2025-01-15', 23),
        null,
        t('2025-01-03'),
        'dipenuhi',
        null,
      ],
    ];
    await env.DB.batch(
      rows.map(([id, region, number, status, type, reg, due, ext, ans, dec, reason]) =>
        ins.bind(id, region, number, status, type, reg, due, due, ext, ans, dec, reason, reason ? 'UU 14/2008 Pasal 17 huruf h' : null, reg, reg),
      ),
    );
    await env.DB.prepare(
      `INSERT INTO info_objections (id, region_code, request_id, grounds, reason, status, filed_at, due_at, decided_at, outcome, created_at, updated_at)
       VALUES ('RPTOBJ0000000000000000001', '64.08.04.2012', 'RPT00000000000000000000002', '["penolakan"]', 'keberatan', 'diputus', ?, ?, ?,
         'dikabulkan', ?, ?)`,
    )
      .bind(t('2025-06-23'), t('2025-08-04'), t('2025-07-01'), t('2025-06-23'), t('2025-06-23'))
      .run();
  }

  it('shows the seeded year for the kecamatan (rolling up its villages) and downloads it as CSV', async () => {
    await seedYear();
    const b = await officer();
    const res = await b.get('/admin/ppid/laporan?tahun=2025&wilayah=64.08.04');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Laporan layanan informasi publik 2025');
    expect(html).toContain('31 Maret 2026');
    const cell = (label: string) => new RegExp(`<th scope="row">${label}</th><td>(\\d+|—|[\\d,]+)</td>`).exec(html)?.[1];
    expect(cell('Jumlah permohonan')).toBe('3'); // Muara Wahau and the 2024 request are excluded
    expect(cell('Dijawab melewati batas waktu')).toBe('1');
    expect(cell('Waktu menjawab terlama \\(hari kerja\\)')).toBe('14');
    expect(cell('Keberatan diajukan')).toBe('1');
    expect(html).not.toContain('Nama Rahasia Laporan');

    const csv = await b.get('/admin/ppid/laporan.csv?tahun=2025&wilayah=64.08.04');
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toContain('laporan-ppid-64.08.04-2025.csv');
    const text = await csv.text();
    expect(text.startsWith('Laporan layanan informasi publik,')).toBe(true); // RFC 4180: no BOM
    expect(text).toContain('Ringkasan,Jumlah permohonan,3\r\n');
    expect(text).toContain('Ringkasan,Alasan penolakan: Pasal 17 h — mengungkap rahasia pribadi,1\r\n');
    expect(text).toContain('Ringkasan,Putusan keberatan: Keberatan diterima — informasi diberikan,1\r\n');
    expect(text).toContain('Desa Swarga Bara (64.08.04.2012),Jumlah permohonan,1\r\n');
    expect(text).not.toContain('Nama Rahasia Laporan');

    const excel = await b.get('/admin/ppid/laporan.csv?tahun=2025&wilayah=64.08.04&format=excel');
    expect(excel.headers.get('Content-Disposition')).toContain('laporan-ppid-64.08.04-2025-excel.csv');
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const excelRows = parse(new TextDecoder().decode(bytes), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
    expect(excelRows).toContainEqual(['Ringkasan', 'Jumlah permohonan', '3']);
    expect(excelRows).toContainEqual(['Desa Swarga Bara (64.08.04.2012)', 'Jumlah permohonan', '1']);
    expect(html).toContain('laporan.csv?tahun=2025&amp;wilayah=64.08.04&amp;format=excel');

    const pub = await (await get('/ppid/laporan.csv?tahun=2025')).text();
    expect(pub).toContain('Ringkasan,Jumlah permohonan,4\r\n'); // the regency rolls up both kecamatan
    const pubExcel = await (await get('/ppid/laporan.csv?tahun=2025&format=excel')).text();
    expect(pubExcel).toContain('Ringkasan;Jumlah permohonan;4\r\n');
    expect(await (await get('/ppid/laporan?tahun=2025')).text()).toContain('/ppid/laporan.csv?tahun=2025&amp;format=excel');
    expect((await get('/ppid/laporan?tahun=abc')).status).toBe(400);
    expect((await b.get('/admin/ppid/laporan?tahun=1900')).status).toBe(400);
    const leaks = await everythingOutsideTheRequestRow();
    expect(leaks).not.toContain(SECRET_NIK);
  });
});
