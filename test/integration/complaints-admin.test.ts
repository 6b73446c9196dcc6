import { env } from 'cloudflare:test';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loginAs, type Browser } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';
import { complaintRow, fileComplaint, jpegFile, nextIp, trackAsReporter } from '../helpers/complaints';
import { SELF } from '../helpers/worker';

const idOf = async (ticket: string) => String((await complaintRow(ticket))!.id);
const version = async (ticket: string) => String((await complaintRow(ticket))!.version);

async function act(b: Browser, ticket: string, form: Record<string, string>) {
  return b.post(`/admin/pengaduan/${await idOf(ticket)}/tindakan`, { version: await version(ticket), ...form });
}

async function reporterPost(path: string, form: Record<string, string>) {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': nextIp() },
    body: new URLSearchParams(form).toString(),
  });
}

describe('handling a complaint end to end (kecamatan handler)', () => {
  it('verifies, disposes to the village, answers, closes; the reporter then rates; every step is on the timeline and audited', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const { ticket, code } = await fileComplaint(
      { title: 'Drainase tersumbat di RT 03', name: 'Rahmat Warga', phone: '081311112222' },
      '/sangatta-utara/swarga-bara/pengaduan',
      [jpegFile()],
    );
    const id = await idOf(ticket);

    const list = await (await handler.get('/admin/pengaduan')).text();
    expect(list).toContain('Drainase tersumbat di RT 03');
    expect(list).not.toContain('Rahmat Warga');
    const detail = await handler.get(`/admin/pengaduan/${id}`);
    expect(detail.headers.get('Cache-Control')).toBe('no-store');
    const html = await detail.text();
    expect(html).toContain('Rahmat Warga · 081311112222'); // a named reporter is visible to the handler
    expect(html).toContain(`/admin/pengaduan/${id}/foto/`);
    const photo = /src="(\/admin\/pengaduan\/[0-9A-Z]{26}\/foto\/[0-9A-Z]{26})"/.exec(html)![1]!;
    const img = await handler.get(photo);
    expect(img.status).toBe(200);
    expect(img.headers.get('Cache-Control')).toContain('no-store');
    expect(img.headers.get('Content-Type')).toBe('image/jpeg');
    expect((await get(photo)).status).toBe(303); // not logged in → /masuk

    for (const [form, status] of [
      [{ action: 'verifikasi', note: 'Lokasi sudah dicek' }, 'diverifikasi'],
      [
        { action: 'disposisi', target_region: '64.08.04.2012', unit: 'Kasi Pembangunan Desa Swarga Bara', instruction: 'Bersihkan drainase minggu ini' },
        'didisposisikan',
      ],
      [{ action: 'tindak_lanjut', answer: 'Drainase sudah dibersihkan bersama warga pada hari Sabtu.' }, 'ditindaklanjuti'],
      [{ action: 'selesaikan', note: 'Terima kasih atas laporannya.' }, 'selesai'],
    ] as const) {
      const res = await act(handler, ticket, form);
      expect(res.status, form.action).toBe(303);
      expect(res.headers.get('Location')).toBe(`/admin/pengaduan/${id}?ok=${form.action}`);
      expect((await complaintRow(ticket))!.status).toBe(status);
    }
    const row = (await complaintRow(ticket))!;
    expect(row.region_code).toBe('64.08.04.2012');
    expect(row.unit).toBe('Kasi Pembangunan Desa Swarga Bara');
    expect(row.version).toBe(5);
    const events = await env.DB.prepare('SELECT seq, to_status, actor_label, actor_name FROM complaint_events WHERE complaint_id = ? ORDER BY seq')
      .bind(id)
      .all();
    expect(events.results.map((e) => e.to_status)).toEqual(['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai']);
    expect(events.results[1]!.actor_label).toBe('Petugas pengaduan Kecamatan Sangatta Utara');

    const page = await (await handler.get(`/admin/pengaduan/${id}`)).text();
    const order = ['Selesai', 'Ditindaklanjuti', 'Didisposisikan', 'Diverifikasi', 'Laporan diterima'].map((l) => page.indexOf(`<strong>${l}</strong>`));
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]!))).toBe(true); // newest first

    const audit = await env.DB.prepare('SELECT action, summary, before_json, after_json FROM audit_log WHERE entity_id = ? ORDER BY at').bind(id).all();
    expect(audit.results.map((a) => a.action)).toEqual(['complaint.verifikasi', 'complaint.disposisi', 'complaint.tindak_lanjut', 'complaint.selesaikan']);
    expect(JSON.stringify(audit.results)).not.toMatch(/Rahmat|0813/);

    const reporter = await (await trackAsReporter('/sangatta-utara/swarga-bara/pengaduan/lacak', ticket, code)).text();
    expect(reporter).toContain('Drainase sudah dibersihkan bersama warga');
    expect(reporter).not.toContain('Bersihkan drainase minggu ini'); // internal instruction
    expect(reporter).toContain('Nilai penanganan laporan ini');
    const rate = await reporterPost('/sangatta-utara/swarga-bara/pengaduan/lacak/nilai', { nomor: ticket, kode: code, score: '4', comment: 'Cepat ditangani' });
    expect(rate.status).toBe(200);
    const rating = await env.DB.prepare('SELECT score, comment, round FROM complaint_ratings WHERE complaint_id = ?').bind(id).first();
    expect(rating).toEqual({ score: 4, comment: 'Cepat ditangani', round: 0 });
    const again = await reporterPost('/sangatta-utara/swarga-bara/pengaduan/lacak/nilai', { nomor: ticket, kode: code, score: '1' });
    expect(again.status).toBe(409);

    const publicList = await (await get('/sangatta-utara/pengaduan/daftar')).text();
    expect(publicList).toContain('Drainase tersumbat di RT 03');
    expect(publicList).not.toContain('Rahmat');
  });

  it('a reporter can reopen within the window; the report goes back to the unit with a new deadline', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const { ticket, code } = await fileComplaint({ title: 'Lampu jalan padam lagi' });
    await act(handler, ticket, { action: 'verifikasi' });
    await act(handler, ticket, { action: 'disposisi', target_region: '64.08.04', unit: 'Seksi Trantib', instruction: 'Ganti lampu' });
    await act(handler, ticket, { action: 'tindak_lanjut', answer: 'Lampu sudah diganti oleh petugas.' });
    const accept = await reporterPost('/sangatta-utara/swarga-bara/pengaduan/lacak/terima', { nomor: ticket, kode: code });
    expect(accept.status).toBe(200);
    expect((await complaintRow(ticket))!.status).toBe('selesai');
    const short = await reporterPost('/sangatta-utara/swarga-bara/pengaduan/lacak/buka', { nomor: ticket, kode: code, reason: 'pendek' });
    expect(short.status).toBe(422);
    const reopen = await reporterPost('/sangatta-utara/swarga-bara/pengaduan/lacak/buka', {
      nomor: ticket,
      kode: code,
      reason: 'Lampu padam lagi sejak dua hari lalu.',
    });
    expect(reopen.status).toBe(200);
    const row = (await complaintRow(ticket))!;
    expect(row).toMatchObject({ status: 'didisposisikan', round: 1, finished_at: null });
    expect(Number(row.due_at)).toBeGreaterThan(Date.now());
  });
});

describe('refusing, forwarding and archiving', () => {
  it('forwards to an outside agency (bukan_wewenang), archives a duplicate, rejects with a reason sent to the reporter', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const outside = await fileComplaint({ title: 'Pencurian sepeda motor di pasar' });
    expect((await act(handler, outside.ticket, { action: 'teruskan', agency: 'Polsek Sangatta Utara', reason: 'Ranah kepolisian' })).status).toBe(303);
    expect((await complaintRow(outside.ticket))!.status).toBe('bukan_wewenang');
    expect(await (await get(`/pengaduan/lacak?nomor=${outside.ticket}`)).text()).toContain('Bukan wewenang (diteruskan)');
    const dup = await fileComplaint({ title: 'Laporan ganda yang sama' });
    expect((await act(handler, dup.ticket, { action: 'arsipkan', reason: 'Duplikat laporan sebelumnya' })).status).toBe(303);
    expect((await complaintRow(dup.ticket))!.status).toBe('diarsipkan');
    const rejected = await fileComplaint({ title: 'Iklan jual beli tanah' });
    expect((await act(handler, rejected.ticket, { action: 'tolak', reason: 'Bukan pengaduan layanan publik.' })).status).toBe(303);
    const mine = await (await trackAsReporter('/sangatta-utara/swarga-bara/pengaduan/lacak', rejected.ticket, rejected.code)).text();
    expect(mine).toContain('Bukan pengaduan layanan publik.');
    const pub = await (await get(`/pengaduan/lacak?nomor=${rejected.ticket}`)).text();
    expect(pub).not.toContain('Bukan pengaduan layanan publik.');
    expect(pub).not.toContain('Iklan jual beli tanah');
    const list = await (await get('/sangatta-utara/pengaduan/daftar')).text();
    for (const t of ['Laporan ganda yang sama', 'Iklan jual beli tanah']) expect(list).not.toContain(t);
  });
});

describe('scope: handlers see only their regions', () => {
  it('other regions’ handlers get 404 on the detail, the action and the photo; operators may not handle complaints', async () => {
    const { ticket } = await fileComplaint({ title: 'Jalan desa berlumpur' }, '/sangatta-utara/swarga-bara/pengaduan', [jpegFile()]);
    const id = await idOf(ticket);
    const att = await env.DB.prepare('SELECT id FROM complaint_attachments WHERE complaint_id = ?').bind(id).first<{ id: string }>();
    const other = await loginAs([['penanganan_pengaduan', '64.08.02']]);
    expect((await other.get(`/admin/pengaduan/${id}`)).status).toBe(404);
    expect((await other.get(`/admin/pengaduan/${id}/foto/${att!.id}`)).status).toBe(404);
    expect((await act(other, ticket, { action: 'verifikasi' })).status).toBe(404);
    expect(await (await other.get('/admin/pengaduan?status=semua')).text()).not.toContain('Jalan desa berlumpur');
    const sibling = await loginAs([['penanganan_pengaduan', '64.08.04.2011']]);
    expect((await sibling.get(`/admin/pengaduan/${id}`)).status).toBe(404);
    const operator = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await operator.get(`/admin/pengaduan/${id}`)).status).toBe(403);
    expect(await (await operator.get('/admin/pengaduan')).text()).toContain('Peran Anda tidak menangani pengaduan');
    expect((await other.get('/admin/pengaduan/01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await other.get('/admin/pengaduan/bukan-id')).status).toBe(404);
    expect((await complaintRow(ticket))!.status).toBe('diterima');
  });

  it('a village handler disposes only within reach, or escalates upward and then loses sight of it', async () => {
    const desa = await loginAs([['penanganan_pengaduan', '64.08.04.2012']]);
    const { ticket } = await fileComplaint({ title: 'Sengketa batas lahan' });
    const id = await idOf(ticket);
    await act(desa, ticket, { action: 'verifikasi' });
    const sibling = await act(desa, ticket, { action: 'disposisi', target_region: '64.08.04.2011', unit: 'Desa tetangga', instruction: 'Tangani' });
    expect(sibling.status).toBe(422);
    expect(await sibling.text()).toContain('Pilih wilayah dalam jangkauan Anda');
    const up = await act(desa, ticket, {
      action: 'disposisi',
      target_region: '64.08.04',
      unit: 'Seksi Pemerintahan Kecamatan',
      instruction: 'Perlu mediasi kecamatan',
    });
    // Out of the handler's area: a confirmation of where it went, not a redirect to a page they can no longer see.
    expect(up.status).toBe(200);
    expect(await up.text()).toContain('sudah dikirim ke Kecamatan Sangatta Utara');
    expect((await complaintRow(ticket))!.region_code).toBe('64.08.04');
    expect((await desa.get(`/admin/pengaduan/${id}`)).status).toBe(404);
    const kec = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await kec.get(`/admin/pengaduan/${id}`)).status).toBe(200);
  });

  it('refuses unknown actions, invalid fields and stale pages without changing anything', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const { ticket } = await fileComplaint();
    const bad = await act(handler, ticket, { action: 'hapus_semua' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Tindakan tidak dikenal.');
    const noReason = await act(handler, ticket, { action: 'tolak', reason: '' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Isi alasan penolakan');
    const skip = await act(handler, ticket, { action: 'selesaikan' });
    expect(skip.status).toBe(409);
    const stale = await handler.post(`/admin/pengaduan/${await idOf(ticket)}/tindakan`, { action: 'verifikasi', version: '99' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('baru saja diubah');
    const noCsrf = await handler.post(`/admin/pengaduan/${await idOf(ticket)}/tindakan`, { action: 'verifikasi' }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await complaintRow(ticket))!.status).toBe('diterima');
  });
});

describe('anonymous reporters stay anonymous for handlers', () => {
  it('no name, phone or e-mail on the list, the detail, the CSV export or in the audit log', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const secret = { name: 'Sumarni Anonimwati', phone: '085277778888', email: 'sumarni.rahasia@contoh.id' };
    const { ticket } = await fileComplaint({ title: 'Pungutan liar di kantor', anonymous: '1', ...secret });
    const id = await idOf(ticket);
    await act(handler, ticket, { action: 'verifikasi', note: 'Perlu ditelusuri' });
    const pages = [
      await (await handler.get('/admin/pengaduan')).text(),
      await (await handler.get(`/admin/pengaduan/${id}`)).text(),
      await (await handler.get('/admin/pengaduan/ekspor.csv?status=semua')).text(),
      await (await handler.get('/admin')).text(),
      JSON.stringify((await env.DB.prepare('SELECT * FROM audit_log WHERE entity_id = ?').bind(id).all()).results),
    ];
    for (const p of pages) for (const v of [secret.name, secret.phone, '85277778888', secret.email]) expect(p).not.toContain(v);
    expect(pages[1]).toContain('Anonim — identitas pelapor tidak ditampilkan.');
    expect(pages[2]).toContain('Pungutan liar di kantor');
  });
});

describe('export and dashboard', () => {
  it('exports CSV with formulas neutralised', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    await fileComplaint({ title: '=HYPERLINK("http://evil.example","klik")' });
    const res = await handler.get('/admin/pengaduan/ekspor.csv');
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="pengaduan-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect((await (await loginAs([['operator_desa', '64.08.04.2012']])).get('/admin/pengaduan/ekspor.csv')).status).toBe(404);
  });

  it('exports every matching report, past the old 5,000-row cap, in both CSV variants', { timeout: 120_000 }, async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const { ticket } = await fileComplaint({ title: 'Templat; "ekspor"\nbesar' });
    const template = await complaintRow(ticket);
    const extra = 5_050;
    // Clone the filed report extra times in one statement: new ids (sorted after every real ULID) and tickets.
    const columns = (await env.DB.prepare('PRAGMA table_info(complaints)').all<{ name: string }>()).results.map((c) => c.name);
    const pick = columns.map((c) =>
      c === 'id' ? "printf('ZZZZZZZZZZZZZZZZZZZ%07d', n.i)" : c === 'ticket' ? "printf('ADU-%04d-%04d', n.i / 10000, n.i % 10000)" : `t.${c}`,
    );
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ` +
        `INSERT INTO complaints (${columns.join(', ')}) SELECT ${pick.join(', ')} FROM n, complaints t WHERE t.id = ?`,
    )
      .bind(extra, template!.id)
      .run();
    const expected = (await env.DB.prepare("SELECT count(*) AS n FROM complaints WHERE region_code LIKE '64.08.04%' AND status = ?")
      .bind(template!.status)
      .first<{ n: number }>())!.n;
    expect(expected).toBeGreaterThan(5_000);

    const standard = await handler.get(`/admin/pengaduan/ekspor.csv?status=${template!.status}`);
    const text = await standard.text();
    expect(text.startsWith('\uFEFF')).toBe(false);
    const rows = parse(text, { delimiter: ',' }) as string[][];
    expect(rows[0]).toEqual(['nomor', 'masuk', 'wilayah', 'jenis', 'kategori', 'judul', 'status', 'tenggat', 'tepat_waktu', 'anonim', 'rahasia', 'unit']);
    expect(rows.length - 1).toBe(expected);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(expected); // every report once
    expect(rows.at(-1)![0]).toBe('ADU-0000-5050'); // the last clone: keyset paging reached the end
    expect(rows.find((r) => r[0] === ticket)![5]).toBe('Templat; "ekspor"\nbesar');

    const excel = await handler.get(`/admin/pengaduan/ekspor.csv?status=${template!.status}&format=excel`);
    expect(excel.headers.get('Content-Disposition')).toContain('-excel.csv');
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelRows = parse(new TextDecoder().decode(bytes), { delimiter: ';', bom: true }) as string[][];
    expect(excelRows.length - 1).toBe(expected);
    expect(excelRows.find((r) => r[0] === ticket)![5]).toBe('Templat; "ekspor"\nbesar');

    const list = await (await handler.get('/admin/pengaduan?status=semua')).text();
    expect(list).toContain('format=excel">Unduh CSV untuk Excel</a>');
  });

  it('highlights reports past or near their deadline on the dashboard and the list', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const late = await fileComplaint({ title: 'Laporan yang sudah lewat tenggat' });
    const near = await fileComplaint({ title: 'Laporan yang mendekati tenggat' });
    await env.DB.prepare('UPDATE complaints SET due_at = ?, verify_due_at = ? WHERE ticket = ?')
      .bind(Date.now() - 86_400_000, Date.now() - 86_400_000, late.ticket)
      .run();
    await env.DB.prepare('UPDATE complaints SET due_at = ?, verify_due_at = ? WHERE ticket = ?')
      .bind(Date.now() + 60_000, Date.now() + 60_000, near.ticket)
      .run();
    const home = await (await handler.get('/admin')).text();
    expect(home).toMatch(/<li class="urgent"><a href="\/admin\/pengaduan\/[0-9A-Z]{26}">Pengaduan ADU-[^<]*Laporan yang sudah lewat tenggat<\/a>/);
    expect(home).toMatch(/<li class="warn"><a href="\/admin\/pengaduan\/[0-9A-Z]{26}">Pengaduan ADU-[^<]*Laporan yang mendekati tenggat<\/a>/);
    expect(home).toContain('pengaduan baru menunggu verifikasi');
    expect(home).toContain('href="/admin/pengaduan"');
    const list = await (await handler.get('/admin/pengaduan?tenggat=lewat')).text();
    expect(list).toContain('Laporan yang sudah lewat tenggat');
    expect(list).not.toContain('Laporan yang mendekati tenggat');
    expect(list).toContain('class="due-lewat"');
    expect(list).toContain('Lewat tenggat');
    const nearList = await (await handler.get('/admin/pengaduan?tenggat=mendekati')).text();
    expect(nearList).toContain('Laporan yang mendekati tenggat');
    expect(nearList).toContain('class="due-mendekati"');
  });
});
