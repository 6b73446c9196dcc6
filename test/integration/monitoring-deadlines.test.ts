// Hourly deadline scan through scheduled(): complaints and PPID requests near or past their working-day deadlines
// across the Nyepi/Idul Fitri 2026 holidays (18–24 March), escalation desa → kecamatan → Diskominfo, who sees what,
// idempotency, and no personal data in flags or notifications.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { escalationOf } from '../../src/features/monitoring/jobs/deadline-scan';
import { addWorkingDays, holidayCalendar, type HolidayCalendar } from '../../src/lib/working-days';
import { loginAs, type Browser } from '../helpers/auth';
import { allFlags, countsOf, HOURLY, insertComplaint, insertInfoRequest, openFlags, runCron, runs, statusOf, wita } from '../helpers/monitoring';

const KAB = '64.08';
const KEC = '64.08.04';
const SWARGA = '64.08.04.2012';
const SINGA = '64.08.04.2011';
const TELUK = '64.08.04.1010';
const T1 = wita('2026-03-23 09:05'); // Monday, cuti bersama
const T2 = wita('2026-03-25 09:05'); // Wednesday, first working day after the holidays
const T3 = wita('2026-03-27 09:05'); // Friday

let cal: HolidayCalendar;
let a: { id: string; ticket: string }; // Swarga Bara, received Mon 16 March: due Thu 26 March (3 working days)
let b: { id: string; ticket: string }; // Swarga Bara, received Thu 12 March: due Tue 17 March
let c: { id: string; number: string }; // PPID request at the kecamatan, due Fri 13 March
let e: { id: string; ticket: string }; // Teluk Lingga, followed up, the reporter replied: a new deadline (Tue 17 March)
let handler: Browser;
let opDesa: Browser;
let opKec: Browser;
let ppid: Browser;
let diskominfo: Browser;

const flagOf = async (key: string) => (await allFlags('tenggat')).filter((f) => f.flag_key === key && f.resolved_at === null);
const notesOf = async (userId: string) =>
  (
    await env.DB.prepare('SELECT dedupe_key, title, body FROM notifications WHERE user_id = ? ORDER BY created_at')
      .bind(userId)
      .all<{ dedupe_key: string; title: string; body: string }>()
  ).results;

beforeAll(async () => {
  const rows = (await env.DB.prepare('SELECT date FROM holidays').all<{ date: string }>()).results;
  cal = holidayCalendar(rows.map((r) => r.date));
  await env.DB.prepare(`UPDATE regions SET stage = 'pendampingan' WHERE code IN (?, ?)`).bind(SWARGA, KEC).run();
  const recA = wita('2026-03-16 10:00');
  const recB = wita('2026-03-12 10:00');
  a = await insertComplaint({ regionCode: SWARGA, receivedAt: recA, dueAt: addWorkingDays(recA, 3, cal) });
  b = await insertComplaint({ regionCode: SWARGA, receivedAt: recB, dueAt: addWorkingDays(recB, 3, cal) });
  c = await insertInfoRequest({ regionCode: KEC, status: 'diproses', registeredAt: wita('2026-02-26 09:00'), dueAt: wita('2026-03-13 23:59') + 59_999 });
  // Handled items: waiting for the reporter (no handler deadline) and a late one within the period.
  await insertComplaint({ regionCode: SWARGA, status: 'ditindaklanjuti', receivedAt: wita('2026-02-02 09:00'), dueAt: null });
  await insertComplaint({
    regionCode: SINGA,
    status: 'selesai',
    receivedAt: wita('2026-02-02 09:00'),
    dueAt: null,
    onTime: false,
    updatedAt: wita('2026-03-02 09:00'),
  });
  e = await insertComplaint({
    regionCode: TELUK,
    status: 'ditindaklanjuti',
    receivedAt: wita('2026-03-02 09:00'),
    dueAt: addWorkingDays(wita('2026-03-10 09:00'), 5, cal),
  });
  await insertInfoRequest({
    regionCode: SWARGA,
    status: 'dijawab',
    registeredAt: wita('2026-02-02 09:00'),
    dueAt: wita('2026-02-16 23:59'),
    answeredAt: wita('2026-02-10 10:00'),
  });

  handler = await loginAs([['penanganan_pengaduan', KEC]]);
  opDesa = await loginAs([['operator_desa', SWARGA]]);
  opKec = await loginAs([['operator_kecamatan', KEC]]);
  ppid = await loginAs([['ppid', KEC]]);
  diskominfo = await loginAs([['diskominfo', KAB]]);
});

describe('escalation rule (working days from the holiday calendar)', () => {
  it('computes the seeded deadlines across the holidays', () => {
    expect(new Date(addWorkingDays(wita('2026-03-16 10:00'), 3, cal)).toISOString()).toBe('2026-03-26T15:59:59.999Z');
    expect(escalationOf(addWorkingDays(wita('2026-03-12 10:00'), 3, cal), T1, cal, 3)).toBe('lewat');
  });
});

describe('hourly deadline scan', () => {
  it('during the holidays: the item due after them is not near yet; the past-due ones escalate one level', async () => {
    await runCron(HOURLY, T1);
    expect(await flagOf(`pengaduan:${a.id}`)).toHaveLength(0);
    const [fb] = await flagOf(`pengaduan:${b.id}`);
    // Six calendar days late but zero working days: past due (kecamatan told), not yet Diskominfo.
    expect(fb).toMatchObject({
      region_code: SWARGA,
      state: 'lewat',
      audience_code: KEC,
      source: 'pengaduan',
      href: `/admin/pengaduan/${b.id}`,
      title: `Pengaduan ${b.ticket}: Verifikasi pengaduan`,
    });
    const [fc] = await flagOf(`ppid:${c.id}`);
    // A kecamatan's own item escalates to the regency.
    expect(fc).toMatchObject({ region_code: KEC, state: 'lewat', audience_code: KAB, href: `/admin/ppid/permohonan/${c.id}` });
    // A followed-up complaint with a new handler deadline (the reporter replied) is open, not handled.
    expect((await flagOf(`pengaduan:${e.id}`))[0]).toMatchObject({ state: 'lewat', title: `Pengaduan ${e.ticket}: Tanggapan atas informasi pelapor` });
    expect(await statusOf(TELUK)).toMatchObject({ deadlines_overdue: 1, deadlines_closed: 0 });
    // Handled in the period: the complaint waiting for its reporter and the answered request, both on time.
    expect(await statusOf(SWARGA)).toMatchObject({
      deadlines_near: 0,
      deadlines_overdue: 1,
      deadlines_long_overdue: 0,
      deadlines_closed: 2,
      deadlines_closed_on_time: 2,
      on_time_since: null,
    });
    expect(await statusOf(SINGA)).toMatchObject({ deadlines_closed: 1, deadlines_closed_on_time: 0, deadlines_overdue: 0 });
    // Deadline part of the score (the only part computed here): met ÷ (handled + overdue).
    expect((await statusOf(SWARGA))?.score).toBe(Math.round((2 / 3) * 100));
    expect((await statusOf(SINGA))?.score).toBe(0);
    expect((await statusOf('64.08.05'))?.score).toBe(100);
  });

  it('is idempotent: a second run at the same time writes nothing and notifies nobody again', async () => {
    const before = await allFlags();
    const notes = await notesOf(handler.userId);
    await runCron(HOURLY, T1);
    expect(await allFlags()).toEqual(before);
    expect(await notesOf(handler.userId)).toEqual(notes);
    const last = (await runs('tenggat')).at(-1)!;
    expect(last).toMatchObject({ status: 'selesai', cron: HOURLY, scheduled_at: T1 });
    expect(countsOf(last)).toMatchObject({ item: 3, lewat: 3, tanda_baru: 0, tanda_berubah: 0, tanda_selesai: 0, notifikasi: 0 });
  });

  it('after the holidays: near items are flagged to their region; long past due ones reach Diskominfo', async () => {
    await runCron(HOURLY, T2);
    expect((await flagOf(`pengaduan:${a.id}`))[0]).toMatchObject({ state: 'mendekati', audience_code: SWARGA });
    expect((await flagOf(`pengaduan:${b.id}`))[0]).toMatchObject({ state: 'lewat', audience_code: KEC });
    expect((await flagOf(`ppid:${c.id}`))[0]).toMatchObject({ state: 'lewat_lama', audience_code: KAB });

    const label = (ticket: string, what: string, region: string) => `${ticket}: ${what} — ${region}`;
    const kecHome = await (await opKec.get('/admin')).text();
    expect(kecHome).toContain(label(b.ticket, 'Verifikasi pengaduan', 'Desa Swarga Bara'));
    expect(kecHome).not.toContain(a.ticket); // near items stay with the village
    const desaHome = await (await opDesa.get('/admin')).text();
    expect(desaHome).toContain(label(a.ticket, 'Verifikasi pengaduan', 'Desa Swarga Bara'));
    expect(desaHome).toContain(label(b.ticket, 'Verifikasi pengaduan', 'Desa Swarga Bara'));
    expect(desaHome).not.toContain(c.number);
    // Diskominfo: one line for what reached it (the complaints/PPID providers already list every overdue item).
    const dkHome = await (await diskominfo.get('/admin')).text();
    expect(dkHome).toContain('1 pengaduan/permohonan lama lewat batas waktu, diteruskan ke Diskominfo');
    expect(dkHome).not.toContain(label(b.ticket, 'Verifikasi pengaduan', 'Desa Swarga Bara'));
    // Handlers see their items through their own features' providers, not twice.
    expect(await (await handler.get('/admin')).text()).not.toContain(label(a.ticket, 'Verifikasi pengaduan', 'Desa Swarga Bara'));
    expect(await (await ppid.get('/admin')).text()).not.toContain(`${c.number}: Jawaban permohonan informasi`);
  });

  it('escalates with time, resolves handled items, and sends one notification per user, flag and state', async () => {
    await runCron(HOURLY, T3);
    expect((await flagOf(`pengaduan:${b.id}`))[0]).toMatchObject({ state: 'lewat_lama', audience_code: KAB });
    expect((await flagOf(`pengaduan:${a.id}`))[0]).toMatchObject({ state: 'lewat', audience_code: KEC });
    expect(await (await diskominfo.get('/admin')).text()).toContain('3 pengaduan/permohonan lama lewat batas waktu, diteruskan ke Diskominfo');

    await env.DB.prepare(`UPDATE complaints SET status = 'ditindaklanjuti', due_at = NULL, on_time = 0, updated_at = ? WHERE id = ?`)
      .bind(T3 + 3600_000, a.id)
      .run();
    await runCron(HOURLY, T3 + 3600_000);
    expect(await flagOf(`pengaduan:${a.id}`)).toHaveLength(0);
    const resolved = (await allFlags('tenggat')).filter((f) => f.flag_key === `pengaduan:${a.id}`);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.resolved_at).toBe(T3 + 3600_000);

    const keys = (await notesOf(handler.userId)).map((n) => n.dedupe_key);
    expect(new Set(keys).size).toBe(keys.length);
    // The handler heard of A when near and when past due, and of B when past due and when long past due.
    const aFlag = resolved[0]!.id;
    expect(keys).toEqual(expect.arrayContaining([`flag:${aFlag}:mendekati`, `flag:${aFlag}:lewat`]));
    const dk = (await notesOf(diskominfo.userId)).map((n) => n.dedupe_key);
    expect(dk.some((k) => k.endsWith(':lewat_lama'))).toBe(true);
    expect(dk.some((k) => k === `flag:${aFlag}:mendekati`)).toBe(false);
    const opKecKeys = (await notesOf(opKec.userId)).map((n) => n.dedupe_key);
    expect(opKecKeys).toContain(`flag:${aFlag}:lewat`);
    expect(opKecKeys).not.toContain(`flag:${aFlag}:mendekati`);
  });

  it('never copies personal data into flags or notifications', async () => {
    const dump = JSON.stringify([
      (await env.DB.prepare('SELECT * FROM monitoring_flags').all()).results,
      (await env.DB.prepare('SELECT * FROM notifications').all()).results,
    ]);
    for (const personal of ['Rahmat', '081234567890', 'Siti Aminah', 'Mawar', 'Jalan rusak']) expect(dump).not.toContain(personal);
    expect(await openFlags(SINGA, 'tenggat')).toHaveLength(0);
  });
});
