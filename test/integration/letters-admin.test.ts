import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs, type Browser } from '../helpers/auth';
import { jpegFile } from '../helpers/complaints';
import { get } from '../helpers/http';
import { BASE, send, submitSku, track } from '../helpers/letters-http';
import { decodeQrSvg } from '../helpers/qr-decode';

const idOf = async (number: string) =>
  (await env.DB.prepare('SELECT id FROM letter_requests WHERE tracking_number = ?').bind(number).first<{ id: string }>())!.id;

async function act(b: Browser, id: string, action: string, extra: Record<string, string> = {}) {
  const detail = await (await b.get(`/admin/layanan/${id}`)).text();
  const version = /name="version" value="(\d+)"/.exec(detail)?.[1] ?? '';
  const fd = new FormData();
  for (const [k, v] of Object.entries({ action, version, ...extra })) fd.set(k, v);
  return b.postMultipart(`/admin/layanan/${id}/tindakan`, fd);
}

async function signatory(b: Browser) {
  const res = await b.post('/admin/layanan/pengaturan', {
    wilayah: '64.08.04.2012',
    short_code: 'DS-SB',
    number_pattern: '{klasifikasi}/{nomor:3}/{kode}/{bulan}/{tahun}',
    signatory_name: 'Sutrisno',
    signatory_position: 'Kepala Desa Swarga Bara',
    signatory_nip: '',
    office_address: 'Jl. Poros Sangatta–Bengalon Km 5',
    office_hours: 'Senin–Jumat 08.00–15.00 WITA',
    office_phone: '0549 21234',
  });
  expect(res.status).toBe(200);
}

describe('officer side of letters', () => {
  it('walks a request from the queue to a signed letter the requester downloads and anyone verifies', { timeout: 60_000 }, async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    await signatory(op);
    const { number, code } = await submitSku();
    const id = await idOf(number);

    const queue = await (await op.get('/admin/layanan')).text();
    expect(queue).toContain(number);
    expect(queue).toContain('************0001');
    expect(queue).not.toContain('6408041203900001');

    expect((await act(op, id, 'periksa')).status).toBe(303);
    expect((await act(op, id, 'minta_perbaikan', { note: 'Foto KK buram, unggah ulang.' })).status).toBe(303);
    const asked = await (await track(number, code)).text();
    expect(asked).toContain('Foto KK buram, unggah ulang.');

    const fix = new FormData();
    fix.set('nomor', number);
    fix.set('kode', code);
    fix.set('note', 'Sudah saya foto ulang.');
    fix.set('req_kk', jpegFile('kk2.jpg', 300, 220));
    const fixed = await send('POST', `${BASE}/perbaiki`, { body: fix });
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain('Perbaikan terkirim');

    expect((await act(op, id, 'proses')).status).toBe(303);
    expect((await act(op, id, 'beri_nomor')).status).toBe(303);
    expect((await act(op, id, 'tandatangani', { method: 'basah' })).status).toBe(303);
    const done = await (await op.get(`/admin/layanan/${id}`)).text();
    expect(done).toMatch(/503\/\d{3}\/DS-SB\/[IVX]+\/\d{4}/);

    // The requester proves the code in a POST and gets a short-lived link that names no code.
    const dl = await track(number, code, 'unduh', { jenis: 'pdf' });
    expect(dl.status).toBe(303);
    const link = dl.headers.get('Location')!;
    expect(link).not.toContain(code.replace(/-/g, ''));
    const pdf = await get(link);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Cache-Control')).toContain('no-store');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect((await get(`${link.slice(0, -3)}AAA`)).status).toBe(404);

    // The print version carries the QR code; decoding it leads to a page that says valid.
    const print = await track(number, code, 'cetak');
    const printHtml = await (await get(print.headers.get('Location')!)).text();
    const url = decodeQrSvg(/<svg[\s\S]*?<\/svg>/.exec(printHtml)![0]);
    expect(url).toMatch(/\/verifikasi\/v1-/);
    const verifyPath = new URL(url!).pathname;
    const valid = await (await get(verifyPath)).text();
    expect(valid).toContain('Surat valid');
    expect(valid).toContain('B*** S*****');
    expect(valid).not.toContain('6408041203900001');

    // Revocation: audited, and the verification page says dicabut with the reason.
    expect((await act(op, id, 'cabut', { reason: 'Data usaha tidak benar.' })).status).toBe(303);
    const revoked = await (await get(verifyPath)).text();
    expect(revoked).toContain('Surat dicabut');
    expect(revoked).toContain('Data usaha tidak benar.');
    const audit = (
      await env.DB.prepare('SELECT action, summary, before_json, after_json FROM audit_log WHERE entity_id = ? ORDER BY at')
        .bind(id)
        .all<Record<string, string>>()
    ).results;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['letter.status', 'letter.number', 'letter.sign', 'letter.revoke']));
    expect(JSON.stringify(audit)).not.toMatch(/6408041203900001|6408041505180003/);
  });

  it('reveals NIK, KK and phone only on request, and audits every reveal', { timeout: 30_000 }, async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const { number } = await submitSku();
    const id = await idOf(number);
    const masked = await (await op.get(`/admin/layanan/${id}`)).text();
    expect(masked).toContain('************0001');
    expect(masked).not.toContain('6408041203900001');
    const before = (await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'letter.reveal' AND entity_id = ?")
      .bind(id)
      .first<{ n: number }>())!.n;
    const shown = await (await op.post(`/admin/layanan/${id}/tampilkan`, {})).text();
    expect(shown).toContain('6408041203900001');
    expect(shown).toContain('081234567890');
    const after = (await env.DB.prepare("SELECT count(*) AS n, max(summary) AS s FROM audit_log WHERE action = 'letter.reveal' AND entity_id = ?")
      .bind(id)
      .first<{ n: number; s: string }>())!;
    expect(after.n).toBe(before + 1);
    expect(after.s).not.toContain('6408');
    const csv = await (await op.get('/admin/layanan/ekspor.csv?status=semua')).text();
    expect(csv).toContain(number);
    expect(csv).not.toMatch(/6408041203900001|081234567890/);
    // The one CSV module: RFC 4180 without BOM, and the Indonesian-Excel variant (BOM, `;`).
    expect(csv.startsWith('nomor_permohonan,jenis_surat,')).toBe(true);
    const bytes = new Uint8Array(await (await op.get('/admin/layanan/ekspor.csv?status=semua&format=excel')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excel = new TextDecoder().decode(bytes);
    expect(excel.startsWith('nomor_permohonan;jenis_surat;')).toBe(true);
    expect(excel).toContain(number);
  });

  it('an operator of another desa, a kecamatan operator and a complaint handler get 404', { timeout: 30_000 }, async () => {
    const { number } = await submitSku();
    const id = await idOf(number);
    const others: Array<['operator_desa' | 'operator_kecamatan', string]> = [
      ['operator_desa', '64.08.04.2011'],
      ['operator_kecamatan', '64.08.04'],
      ['operator_desa', '64.08.02.2003'],
    ];
    for (const m of others) {
      const other = await loginAs([m]);
      expect((await other.get(`/admin/layanan/${id}`)).status, m.join(' ')).toBe(404);
      expect((await other.post(`/admin/layanan/${id}/tampilkan`, {})).status).toBe(404);
      expect((await act(other, id, 'periksa')).status).toBe(404);
      expect(await (await other.get('/admin/layanan')).text()).not.toContain(number);
    }
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await handler.get('/admin/layanan')).status).toBe(404);
    const diskominfo = await loginAs([['diskominfo', '64.08']]);
    expect((await diskominfo.get(`/admin/layanan/${id}`)).status).toBe(200);
  });

  it('registers a walk-in request through the same flow and register', { timeout: 30_000 }, async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const form = await (await op.get('/admin/layanan/baru?wilayah=64.08.04.2012&layanan=sk-domisili')).text();
    expect(form).toContain('Surat Keterangan Domisili');
    const fd = new FormData();
    const fields = {
      region_code: '64.08.04.2012',
      service: 'sk-domisili',
      name: 'Siti Aminah',
      nik: '6408045203950002',
      kk: '6408041505180003',
      birth_place: 'Sangatta',
      birth_date: '1995-03-12',
      gender: 'P',
      address: 'Gg. Melati 2',
      rt: '4',
      rw: '2',
      phone: '081311112222',
      delivery: 'ambil',
      f_sejak: '2015',
      f_keperluan: 'melamar kerja',
    };
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    const res = await op.postMultipart('/admin/layanan/baru', fd);
    expect(res.status).toBe(201);
    const number = /class="ref">(SRT-[0-9A-Z-]+)</.exec(await res.text())![1]!;
    const row = await env.DB.prepare('SELECT channel, nik_sealed FROM letter_requests WHERE tracking_number = ?')
      .bind(number)
      .first<{ channel: string; nik_sealed: string }>();
    expect(row!.channel).toBe('loket');
    expect(row!.nik_sealed).not.toContain('6408045203950002');
    const other = await loginAs([['operator_desa', '64.08.04.2011']]);
    fd.set('nik', '6408045203950003');
    expect((await other.postMultipart('/admin/layanan/baru', fd)).status).toBe(404);
  });

  it('a region closes or adjusts a service and the cached catalogue follows; only Diskominfo edits templates', { timeout: 30_000 }, async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const path = '/sangatta-utara/singa-gembara/layanan';
    expect(await (await get(path)).text()).toContain('Surat Pengantar SKCK');
    expect((await get(path)).headers.get('X-Cache')).toBe('HIT');
    const res = await op.post('/admin/layanan/pengaturan/layanan', {
      wilayah: '64.08.04.2011',
      template_id: 'pengantar-skck',
      cost: '',
      days: '',
      delivery: 'keduanya',
      note: '',
    });
    expect(res.status).toBe(200);
    expect(await (await get(path)).text()).not.toContain('Surat Pengantar SKCK');
    await op.post('/admin/layanan/pengaturan/layanan', {
      wilayah: '64.08.04.2011',
      template_id: 'sktm',
      enabled: '1',
      cost: '5000',
      days: '3',
      delivery: 'ambil',
      note: 'Bawa surat pengantar RT asli.',
    });
    const after = await (await get(path)).text();
    expect(after).toContain('Rp 5.000');
    expect((await get('/sangatta-utara/singa-gembara/layanan/pengantar-skck')).status).toBe(404);
    // Another desa's catalogue is untouched; another desa's operator cannot adjust this one.
    expect(await (await get(BASE)).text()).toContain('Surat Pengantar SKCK');
    const intruder = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect(
      (
        await intruder.post('/admin/layanan/pengaturan/layanan', {
          wilayah: '64.08.04.2011',
          template_id: 'sktm',
          cost: '',
          days: '',
          delivery: 'keduanya',
          note: '',
        })
      ).status,
    ).toBe(404);

    expect((await op.get('/admin/layanan/templat')).status).toBe(404);
    const dk = await loginAs([['diskominfo', '64.08']]);
    const edit = await (await dk.get('/admin/layanan/templat/sk-kematian')).text();
    const json = /<textarea id="content"[^>]*>([\s\S]*?)<\/textarea>/
      .exec(edit)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    const content = JSON.parse(json);
    const bad = await dk.post('/admin/layanan/templat/sk-kematian', { content: JSON.stringify({ ...content, body: `${content.body} {{tidak_ada}}` }) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('tidak_ada');
    const ok = await dk.post('/admin/layanan/templat/sk-kematian', { content: JSON.stringify({ ...content, serviceDays: 2 }) });
    expect(await ok.text()).toContain('Disimpan sebagai versi 2');
  });
});
