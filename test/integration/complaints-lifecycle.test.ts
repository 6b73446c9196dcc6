import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/auth/actor';
import { loadHolidayCalendar } from '../../src/lib/holiday-calendar';
import { regionFigures } from '../../src/features/complaints/figures';
import { handlerAct } from '../../src/features/complaints/handling';
import { publicComplaintPoints } from '../../src/features/complaints/map-points';
import { reporterAct, submitComplaint } from '../../src/features/complaints/service';
import { ComplaintInput } from '../../src/features/complaints/schemas';
import { autoCloseComplaints, complaintsAutoCloseJob } from '../../src/features/complaints/autoclose-job';
import { witaDateKey, witaDateToMs } from '../../src/lib/time';
import { addWorkingDays } from '../../src/lib/working-days';
import { loginAs } from '../helpers/auth';
import { get } from '../helpers/http';
import { complaintRow, fileComplaint, testDeps } from '../helpers/complaints';

const at = (date: string, hour = 10) => witaDateToMs(date) + hour * 3_600_000;
const day = (v: unknown) => (v === null || v === undefined ? null : witaDateKey(Number(v)));
const handler = (now: number): ActionContext => ({
  actor: {
    kind: 'user',
    id: 'UJIHANDLER0000000000000001',
    name: 'Andi Uji',
    username: 'andi.uji',
    memberships: [{ role: 'penanganan_pengaduan', regionCode: '64.08.04' }],
  },
  requestId: null,
  now,
});
const input = (over: Record<string, unknown> = {}) =>
  ComplaintInput.parse({
    classification: 'pengaduan',
    category: 'infrastruktur',
    title: 'Gorong-gorong ambrol di jalan poros',
    description: 'Gorong-gorong di jalan poros ambrol sehingga mobil tidak bisa lewat sejak kemarin.',
    region_code: '64.08.04.2012',
    lat: 0.52,
    lng: 117.55,
    name: 'Yanti',
    phone: '081200001111',
    ...over,
  });

describe('the whole lifecycle on the working-day clock (holidays from the D1 calendar)', () => {
  it('files on a Friday, crosses a weekend and a holiday, auto-closes idempotently, then is rated', async () => {
    const deps = testDeps();
    const filed = await submitComplaint(deps, input(), [], { now: at('2026-01-09') }); // Friday
    const id = filed.complaint.id;
    expect(day(filed.complaint.verifyDueAt)).toBe('2026-01-14');

    await handlerAct(deps, handler(at('2026-01-12')), id, { action: 'verifikasi', note: undefined });
    await handlerAct(deps, handler(at('2026-01-14')), id, {
      action: 'disposisi',
      target_region: '64.08.04.2012',
      unit: 'Kasi Pembangunan',
      instruction: 'Perbaiki gorong-gorong',
    });
    let row = (await complaintRow(filed.ticket))!;
    expect(day(row.followup_due_at)).toBe('2026-01-22'); // Fri 16 Jan (Isra Mikraj) is skipped
    expect(row.due_at).toBe(row.followup_due_at);

    await handlerAct(deps, handler(at('2026-01-22', 16)), id, { action: 'tindak_lanjut', answer: 'Gorong-gorong sudah diganti dengan beton.' });
    row = (await complaintRow(filed.ticket))!;
    expect(row.status).toBe('ditindaklanjuti');
    expect(row.due_at).toBeNull();
    expect(day(row.autoclose_at)).toBe('2026-02-05');

    expect(await autoCloseComplaints(env, at('2026-02-05', 12))).toEqual({ closed: 0, skipped: 0 });
    const [a, b] = await Promise.all([autoCloseComplaints(env, at('2026-02-06', 1)), autoCloseComplaints(env, at('2026-02-06', 1))]);
    expect(a.closed + b.closed).toBe(1);
    expect(await autoCloseComplaints(env, at('2026-02-06', 2))).toEqual({ closed: 0, skipped: 0 });
    row = (await complaintRow(filed.ticket))!;
    expect(row.status).toBe('selesai');
    expect(row.on_time).toBe(1);
    // 10 working days from Fri 6 Feb, skipping cuti bersama (16 Feb) and Imlek (17 Feb)
    expect(day(row.reopen_until)).toBe('2026-02-24');
    const events = await env.DB.prepare('SELECT to_status, actor_type, note_public FROM complaint_events WHERE complaint_id = ? ORDER BY seq').bind(id).all();
    expect(events.results.map((e) => e.to_status)).toEqual(['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai']);
    expect(events.results[4]).toMatchObject({ actor_type: 'sistem' });
    expect(String(events.results[4]!.note_public)).toContain('Ditutup otomatis');
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'complaint.tutup_otomatis'")
      .bind(id)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);

    await reporterAct(deps, { ticket: filed.ticket, code: filed.code, ip: 'uji-1' }, { type: 'nilai', score: 5, comment: 'Mantap' }, at('2026-02-10'));
    const figures = await regionFigures(deps.db, { code: '64.08.04', level: 'kecamatan' });
    expect(figures.byChild.get('64.08.04.2012')).toMatchObject({ finished: 1, onTimePercent: 100 });
    await expect(
      reporterAct(
        deps,
        { ticket: filed.ticket, code: filed.code, ip: 'uji-1' },
        { type: 'buka_kembali', reason: 'Ambrol lagi setelah hujan.' },
        at('2026-02-25'),
      ),
    ).rejects.toThrow('sudah lewat');
  });

  it('a reporter reply stops the auto-close; the cron entry point closes what is due and logs no personal data', async () => {
    const deps = testDeps();
    const replied = await submitComplaint(deps, input({ title: 'Tanggapan pelapor menahan penutupan' }), [], { now: at('2026-03-02') });
    const silent = await submitComplaint(deps, input({ title: 'Pelapor diam, ditutup otomatis' }), [], { now: at('2026-03-02') });
    for (const r of [replied, silent]) {
      await handlerAct(deps, handler(at('2026-03-02', 11)), r.complaint.id, { action: 'verifikasi', note: undefined });
      await handlerAct(deps, handler(at('2026-03-02', 12)), r.complaint.id, {
        action: 'disposisi',
        target_region: '64.08.04',
        unit: 'Seksi Ekbang',
        instruction: 'Cek',
      });
      await handlerAct(deps, handler(at('2026-03-03')), r.complaint.id, { action: 'tindak_lanjut', answer: 'Sudah kami tindak lanjuti di lapangan.' });
    }
    await reporterAct(
      deps,
      { ticket: replied.ticket, code: replied.code, ip: 'uji-2' },
      { type: 'tambah_info', message: 'Belum beres, masih sama.' },
      at('2026-03-04'),
    );
    const logs: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => logs.push(args.map(String).join(' '));
    try {
      await complaintsAutoCloseJob(createScheduledController({ cron: '5 * * * *', scheduledTime: at('2026-12-01') }), env);
    } finally {
      console.log = original;
    }
    expect((await complaintRow(silent.ticket))!.status).toBe('selesai');
    const r = (await complaintRow(replied.ticket))!;
    expect(r.status).toBe('ditindaklanjuti');
    expect(r.autoclose_at).toBeNull();
    expect(day(r.due_at)).toBe('2026-03-11');
    expect(logs.join('\n')).toMatch(/complaints autoclose/);
    expect(logs.join('\n')).not.toMatch(/Yanti|0812/);
  });

  it('map points: only public, verified reports with coordinates, in the region subtree', async () => {
    const deps = testDeps();
    const open = await submitComplaint(deps, input({ title: 'Titik peta terbuka' }), [], { now: at('2026-04-06') });
    const secret = await submitComplaint(deps, input({ title: 'Titik peta rahasia', confidential: true }), [], { now: at('2026-04-06') });
    const unverified = await submitComplaint(deps, input({ title: 'Titik peta belum diverifikasi' }), [], { now: at('2026-04-06') });
    const noCoords = await submitComplaint(deps, input({ title: 'Tanpa koordinat', lat: undefined, lng: undefined }), [], { now: at('2026-04-06') });
    for (const r of [open, secret, noCoords]) await handlerAct(deps, handler(at('2026-04-07')), r.complaint.id, { action: 'verifikasi', note: undefined });
    const points = await publicComplaintPoints(deps.db, '64.08.04');
    const titles = points.map((p) => p.title);
    expect(titles).toContain('Titik peta terbuka');
    for (const hidden of ['Titik peta rahasia', 'Titik peta belum diverifikasi', 'Tanpa koordinat']) expect(titles).not.toContain(hidden);
    expect(points.find((p) => p.title === 'Titik peta terbuka')).toEqual({
      ticket: open.ticket,
      title: 'Titik peta terbuka',
      statusLabel: 'Diverifikasi',
      // Snapped to the public grid (location.ts): near the point, never the point itself.
      lat: expect.closeTo(0.52, 2),
      lng: expect.closeTo(117.55, 2),
    });
    expect(JSON.stringify(points)).not.toMatch(/Yanti|0812/);
    expect(await publicComplaintPoints(deps.db, '64.08.02')).toEqual([]);
    void unverified;
  });
});

describe('the holiday calendar editor moves running deadlines', () => {
  it('Diskominfo adds, edits and deletes a date (audited); a new holiday shifts open deadlines; others get 404', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const list = await (await admin.get('/admin/kalender?tahun=2026')).text();
    expect(list).toContain('Isra Mikraj Nabi Muhammad SAW');
    expect(list).toContain('Cuti Bersama Idul Fitri 1447 H');
    const { ticket } = await fileComplaint({ title: 'Tenggat yang akan bergeser' });
    const before = Number((await complaintRow(ticket))!.verify_due_at);
    const cal = await loadHolidayCalendar(testDeps().db);
    const nextWorking = witaDateKey(addWorkingDays(Date.now(), 1, cal));

    const add = await admin.post('/admin/kalender', { date: nextWorking, kind: 'libur_daerah', name: 'HUT Kabupaten Kutai Timur (uji)' });
    expect(add.status).toBe(303);
    const shifted = Number((await complaintRow(ticket))!.verify_due_at);
    expect(shifted).toBe(addWorkingDays(before, 1, await loadHolidayCalendar(testDeps().db)));
    expect((await complaintRow(ticket))!.due_at).toBe(shifted);

    const dup = await admin.post('/admin/kalender', { date: nextWorking, kind: 'libur_daerah', name: 'Duplikat' });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('Tanggal ini sudah ada di kalender.');
    const bad = await admin.post('/admin/kalender', { date: '2026-02-30', kind: 'libur_daerah', name: 'Tanggal palsu' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Tanggal harus tanggal yang benar');

    const edit = await admin.post(`/admin/kalender/${nextWorking}`, { date: nextWorking, kind: 'cuti_bersama', name: 'Cuti bersama daerah (uji)' });
    expect(edit.status).toBe(303);
    expect(await env.DB.prepare('SELECT kind FROM holidays WHERE date = ?').bind(nextWorking).first()).toEqual({ kind: 'cuti_bersama' });
    const unconfirmed = await admin.post(`/admin/kalender/${nextWorking}/hapus`, {});
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('Centang konfirmasi');
    expect((await admin.post(`/admin/kalender/${nextWorking}/hapus`, { yakin: '1' })).status).toBe(303);
    expect(Number((await complaintRow(ticket))!.verify_due_at)).toBe(before);

    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_type = 'holiday' AND entity_id = ? ORDER BY at").bind(nextWorking).all();
    expect(audit.results.map((r) => r.action)).toEqual(['holiday.create', 'holiday.update', 'holiday.delete']);

    const handlerUser = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await handlerUser.get('/admin/kalender')).status).toBe(404);
    expect((await handlerUser.post('/admin/kalender', { date: '2026-12-31', kind: 'libur_daerah', name: 'Tidak boleh' })).status).toBe(404);
    expect(await (await handlerUser.get('/admin')).text()).not.toContain('Kalender libur');
    expect(await (await admin.get('/admin')).text()).toContain('href="/admin/kalender"');
  });
});

describe('complaint categories are data edited by Diskominfo', () => {
  it('adds, renames and deactivates a category (audited); handlers cannot reach the editor', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const add = await admin.post('/admin/pengaduan/kategori', {
      id: 'air_bersih',
      name: 'Air bersih',
      description: 'PDAM dan sumur',
      sort_order: '15',
      is_active: '1',
    });
    expect(add.status).toBe(303);
    expect(await (await get('/sangatta-utara/pengaduan')).text()).toContain('<option value="air_bersih">Air bersih</option>');
    const dup = await admin.post('/admin/pengaduan/kategori', { id: 'air_bersih', name: 'Lagi', sort_order: '1', is_active: '1' });
    expect(dup.status).toBe(409);
    const invalid = await admin.post('/admin/pengaduan/kategori', { id: 'Bukan Kode!', name: 'x', sort_order: 'abc' });
    expect(invalid.status).toBe(422);
    const edit = await admin.post('/admin/pengaduan/kategori/air_bersih', { id: 'air_bersih', name: 'Air bersih dan PDAM', sort_order: '15' });
    expect(edit.status).toBe(303);
    const form = await (await get('/sangatta-utara/pengaduan')).text();
    expect(form).not.toContain('value="air_bersih"');
    expect(await env.DB.prepare("SELECT name, is_active FROM complaint_categories WHERE id = 'air_bersih'").first()).toEqual({
      name: 'Air bersih dan PDAM',
      is_active: 0,
    });
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_type = 'complaint_category' AND entity_id = 'air_bersih' ORDER BY at").all();
    expect(audit.results.map((r) => r.action)).toEqual(['complaint_category.create', 'complaint_category.update']);
    const handlerUser = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await handlerUser.get('/admin/pengaduan/kategori')).status).toBe(404);
    expect((await handlerUser.post('/admin/pengaduan/kategori', { id: 'x_y', name: 'Tidak boleh', sort_order: '1', is_active: '1' })).status).toBe(404);
  });
});
