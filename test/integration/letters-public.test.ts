import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get } from '../helpers/http';

import { BASE, send, skuForm, submitSku, track } from '../helpers/letters-http';

describe('public letter pages', () => {
  it('lists the catalogue with cost, time and figures, and the service page with its requirements and form', async () => {
    const cat = await get(BASE);
    expect(cat.status).toBe(200);
    const html = await cat.text();
    for (const t of [
      'Surat Keterangan Domisili',
      'Surat Keterangan Usaha',
      'Surat Keterangan Tidak Mampu',
      'Surat Pengantar SKCK',
      'Surat Pengantar Nikah',
      'Surat Keterangan Kelahiran',
      'Surat Keterangan Kematian',
      'Surat Pengantar Pindah',
    ]) {
      expect(html).toContain(t);
    }
    expect(html).not.toContain('Legalisasi'); // kecamatan services stay at the kecamatan
    expect(html).toContain('Gratis (Rp 0)');
    expect(html).toContain('Tepat waktu');
    const kec = await (await get('/sangatta-utara/layanan')).text();
    expect(kec).toContain('Legalisasi Dokumen oleh Camat');
    expect(await (await get('/layanan')).text()).toContain('dilayani oleh desa, kelurahan dan kecamatan');

    const page = await get(`${BASE}/sk-usaha`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    const form = await page.text();
    for (const s of ['Foto KTP pemohon', 'Nama usaha', 'name="nik"', 'name="req_ktp"', 'data-downscale', 'enctype="multipart/form-data"'])
      expect(form).toContain(s);
    expect((await get(`${BASE}/legalisasi-kecamatan`)).status).toBe(404);
    expect((await get(`${BASE}/tidak-ada`)).status).toBe(404);
  });

  it('files a request with two photos, shows number, code and due date, and stores nothing personal in clear', async () => {
    const { res, html, number, code } = await submitSku();
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(number).toMatch(/^SRT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(html).toContain('paling lambat');
    expect(html).not.toContain('6408041203900001');
    const raw = await env.DB.prepare('SELECT * FROM letter_requests WHERE tracking_number = ?').bind(number).first();
    expect(JSON.stringify(raw)).not.toMatch(/6408041203900001|6408041505180003|081234567890/);
    const files = await env.DB.prepare(
      'SELECT count(*) AS n FROM letter_attachments a JOIN letter_requests r ON r.id = a.request_id WHERE r.tracking_number = ?',
    )
      .bind(number)
      .first<{ n: number }>();
    expect(files!.n).toBe(2);
  });

  it('re-renders the form with Indonesian errors and the typed values (422), never a 500', async () => {
    const { res, html } = await submitSku({ nik: '6408043002900001', f_nama_usaha: '' }, {});
    expect(res.status).toBe(422);
    expect(html).toContain('tanggal lahir');
    expect(html).toContain('Isi nama usaha.');
    expect(html).toContain('value="Budi Sutejo"');
    const noFiles = await submitSku({}, {});
    expect(noFiles.res.status).toBe(422);
    expect(noFiles.html).toContain('Lampirkan foto ktp pemohon');
    const junk = await send('POST', `${BASE}/sk-usaha`, { body: 'x'.repeat(100), headers: { 'Content-Type': 'multipart/form-data' } });
    expect(junk.status).toBeLessThan(500);
  });

  it('a double tap (same form token) files once', async () => {
    const fd1 = skuForm({ token: 'double-tap-token-123456' });
    const fd2 = skuForm({ token: 'double-tap-token-123456' });
    const [a, b] = await Promise.all([send('POST', `${BASE}/sk-usaha`, { body: fd1 }), send('POST', `${BASE}/sk-usaha`, { body: fd2 })]);
    const numbers = await Promise.all([a.text(), b.text()].map(async (t) => /class="ref">(SRT-[0-9A-Z-]+)</.exec(await t)?.[1]));
    expect(numbers[0]).toBe(numbers[1]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
  });

  it('tracks by number publicly (status only) and with the code in a POST body (masked identity, actions)', async () => {
    const { number, code } = await submitSku();
    const pub = await get(`${BASE}/lacak?nomor=${number}`);
    const pubHtml = await pub.text();
    expect(pub.status).toBe(200);
    expect(pubHtml).toContain('Diajukan');
    expect(pubHtml).not.toContain('Budi');
    const full = await track(number, code);
    expect(full.status).toBe(200);
    expect(full.headers.get('Cache-Control')).toBe('no-store');
    const fullHtml = await full.text();
    expect(fullHtml).toContain('Budi Sutejo');
    expect(fullHtml).toContain('************0001');
    expect(fullHtml).not.toContain('6408041203900001');
    expect(fullHtml).toContain('Batalkan permohonan');
    const wrong = await track(number, 'AAAA-BBBB-CCCC-DDDD');
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('tidak cocok');
    const cancelled = await track(number, code, 'batalkan');
    expect(await cancelled.text()).toContain('Permohonan dibatalkan');
  });

  it('verification page: an unknown code says tidak dikenal; the form works without a code', async () => {
    const res = await get('/verifikasi/v1-AAAAAAAAAAAAAAAA-BBBBBBBBBBBBBBBB');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Surat tidak dikenal');
    const empty = await get('/verifikasi');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('Periksa keaslian surat');
    expect((await get('/verifikasi/%3Cscript%3E')).status).toBeLessThan(500);
  });
});
