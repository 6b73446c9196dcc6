import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  initialState,
  transition,
  TransitionError,
  type ComplaintAction,
  type MachineRole,
  type MachineState,
} from '../../src/features/complaints/status-machine';
import { witaDateKey, witaDateToMs } from '../../src/lib/time';
import { holidayCalendar } from '../../src/lib/working-days';

// Test data: part of the 2026 SKB calendar (Isra Mikraj, Nyepi + Idul Fitri block, Kenaikan, Proklamasi).
const CAL = holidayCalendar([
  '2026-01-16',
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-21',
  '2026-03-22',
  '2026-03-23',
  '2026-03-24',
  '2026-05-14',
  '2026-05-15',
  '2026-08-17',
]);
const at = (date: string, hour = 10) => witaDateToMs(date) + hour * 3_600_000;
const day = (ms: number | null) => (ms === null ? null : witaDateKey(ms));
const KEC = { code: '64.08.04', label: 'Kecamatan Sangatta Utara' };
const DESA = { code: '64.08.04.2012', label: 'Desa Swarga Bara' };

function run(s: MachineState, steps: Array<[ComplaintAction, MachineRole, number]>): MachineState {
  return steps.reduce((state, [a, role, now]) => transition(state, a, role, now, CAL).state, s);
}

describe('complaint status machine: deadlines in working days', () => {
  it('verification is due 3 working days after filing, skipping the weekend', () => {
    const s = initialState(DESA.code, at('2026-01-09'), CAL); // Friday
    expect(day(s.verifyDueAt)).toBe('2026-01-14'); // Mon, Tue, Wed
    expect(s.dueAt).toBe(s.verifyDueAt);
    expect(witaDateKey(s.verifyDueAt + 1)).toBe('2026-01-15'); // 23:59:59.999 WITA of the due day
  });

  it('skips the Nyepi/Idul Fitri holiday block and its weekend', () => {
    const s = initialState(DESA.code, at('2026-03-17'), CAL); // Tuesday before 18–24 March
    expect(day(s.verifyDueAt)).toBe('2026-03-27');
  });

  it('follow-up is due 5 working days after disposition, skipping a holiday and a weekend', () => {
    const s = run(initialState(KEC.code, at('2026-01-09'), CAL), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-01-12')],
      [{ type: 'disposisi', targetRegion: DESA, unit: 'Pemerintah Desa', instruction: 'Periksa jembatan' }, 'petugas', at('2026-01-14')],
    ]);
    expect(s.status).toBe('didisposisikan');
    expect(s.regionCode).toBe(DESA.code);
    expect(day(s.followupDueAt)).toBe('2026-01-22'); // Thu 15, (Fri 16 holiday), Mon 19 … Thu 22
    expect(s.dueAt).toBe(s.followupDueAt);
    expect(s.onTime).toBe(true);
  });

  it('auto-close is 10 working days after the follow-up and reopening is possible for 10 working days after closing', () => {
    let s = run(initialState(DESA.code, at('2026-05-11'), CAL), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-05-11', 11)],
      [{ type: 'disposisi', targetRegion: DESA, unit: 'Kasi Pembangunan', instruction: 'Tangani' }, 'petugas', at('2026-05-12')],
      [{ type: 'tindak_lanjut', answer: 'Sudah diperbaiki hari ini.' }, 'petugas', at('2026-05-13')],
    ]);
    expect(s.status).toBe('ditindaklanjuti');
    expect(s.dueAt).toBeNull(); // waiting on the citizen, not the handler
    // Thu 14 + Fri 15 holidays: Mon 18 … Fri 29 is the 10th working day
    expect(day(s.autocloseAt)).toBe('2026-05-29');
    expect(allowedActions(s, 'sistem', at('2026-05-29', 23))).toEqual([]);
    expect(() => transition(s, { type: 'tutup_otomatis' }, 'sistem', at('2026-05-29', 23), CAL)).toThrow(TransitionError);
    s = transition(s, { type: 'tutup_otomatis' }, 'sistem', at('2026-05-30', 1), CAL).state;
    expect(s.status).toBe('selesai');
    expect(day(s.reopenUntil)).toBe('2026-06-12'); // from Sat 30 May: Mon 1 June … Fri 12 June
  });

  it('a late verification or follow-up marks the report as not on time', () => {
    const late = run(initialState(DESA.code, at('2026-08-12'), CAL), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-08-19')], // due Tue 18 (Mon 17 is a holiday)
    ]);
    expect(late.onTime).toBe(false);
    const lateFollowUp = run(initialState(DESA.code, at('2026-08-03'), CAL), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-08-04')],
      [{ type: 'disposisi', targetRegion: DESA, unit: 'Unit', instruction: 'Tangani' }, 'petugas', at('2026-08-05')],
      [{ type: 'tindak_lanjut', answer: 'Jawaban yang terlambat.' }, 'petugas', at('2026-08-13')], // due Wed 12
    ]);
    expect(lateFollowUp.onTime).toBe(false);
    const inTime = run(initialState(DESA.code, at('2026-08-03'), CAL), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-08-04')],
      [{ type: 'disposisi', targetRegion: DESA, unit: 'Unit', instruction: 'Tangani' }, 'petugas', at('2026-08-05')],
      [{ type: 'tindak_lanjut', answer: 'Jawaban tepat waktu.' }, 'petugas', at('2026-08-12', 23)],
    ]);
    expect(inTime.onTime).toBe(true);
  });
});

describe('complaint status machine: who may do what', () => {
  const fresh = () => initialState(DESA.code, at('2026-01-05'), CAL);

  it('lists the actions of each role for a new report', () => {
    expect(allowedActions(fresh(), 'petugas', at('2026-01-05'))).toEqual(['verifikasi', 'tolak', 'teruskan', 'arsipkan']);
    expect(allowedActions(fresh(), 'pelapor', at('2026-01-05'))).toEqual(['tambah_info']);
    expect(allowedActions(fresh(), 'sistem', at('2026-01-05'))).toEqual([]);
  });

  it('refuses skipping steps and actions by the wrong role', () => {
    const s = fresh();
    const now = at('2026-01-06');
    expect(() => transition(s, { type: 'disposisi', targetRegion: DESA, unit: 'U', instruction: 'x' }, 'petugas', now, CAL)).toThrow(TransitionError);
    expect(() => transition(s, { type: 'selesaikan' }, 'petugas', now, CAL)).toThrow(TransitionError);
    expect(() => transition(s, { type: 'verifikasi' }, 'pelapor', now, CAL)).toThrow('tidak dapat dilakukan oleh Anda');
    expect(() => transition(s, { type: 'nilai', score: 5 }, 'pelapor', now, CAL)).toThrow(TransitionError);
  });

  it('rejecting and archiving are final and carry their reason to the right audience', () => {
    const rejected = transition(fresh(), { type: 'tolak', reason: 'Bukan laporan, hanya iklan.' }, 'petugas', at('2026-01-06'), CAL);
    expect(rejected.state.status).toBe('ditolak');
    expect(rejected.entry.noteReporter).toBe('Bukan laporan, hanya iklan.');
    expect(rejected.entry.notePublic).toBeNull();
    expect(allowedActions(rejected.state, 'petugas', at('2026-01-07'))).toEqual([]);
    expect(allowedActions(rejected.state, 'pelapor', at('2026-01-07'))).toEqual([]);
    const archived = transition(fresh(), { type: 'arsipkan', reason: 'Duplikat ADU-0000-0000' }, 'petugas', at('2026-01-06'), CAL);
    expect(archived.state.status).toBe('diarsipkan');
    expect(archived.entry.noteInternal).toContain('Duplikat');
    expect(archived.entry.noteReporter).toBeNull();
  });

  it('forwarding to another region restarts the verification clock there; to an outside agency it ends as bukan_wewenang', () => {
    const moved = transition(fresh(), { type: 'teruskan', reason: 'Wewenang kecamatan', targetRegion: KEC }, 'petugas', at('2026-01-07'), CAL);
    expect(moved.state).toMatchObject({ status: 'diterima', regionCode: KEC.code, verifiedAt: null });
    expect(day(moved.state.verifyDueAt)).toBe('2026-01-12');
    expect(moved.entry).toMatchObject({ kind: 'diteruskan', targetRegionCode: KEC.code });
    expect(moved.entry.notePublic).toContain('Kecamatan Sangatta Utara');
    expect(() => transition(fresh(), { type: 'teruskan', reason: 'x', targetRegion: DESA }, 'petugas', at('2026-01-07'), CAL)).toThrow('wilayah lain');
    const outside = transition(fresh(), { type: 'teruskan', reason: 'Urusan kepolisian', agency: 'Polsek Sangatta' }, 'petugas', at('2026-01-07'), CAL);
    expect(outside.state.status).toBe('bukan_wewenang');
    expect(outside.entry.notePublic).toBe('Diteruskan ke Polsek Sangatta.');
    expect(() => transition(fresh(), { type: 'teruskan', reason: 'x' }, 'petugas', at('2026-01-07'), CAL)).toThrow(TransitionError);
  });

  it('a reporter reply to a follow-up stops the auto-close clock and gives the handler a new deadline', () => {
    const s = run(fresh(), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-01-05', 11)],
      [{ type: 'disposisi', targetRegion: DESA, unit: 'U', instruction: 'x' }, 'petugas', at('2026-01-05', 12)],
      [{ type: 'tindak_lanjut', answer: 'Sudah kami tangani.' }, 'petugas', at('2026-01-06')],
    ]);
    const reply = transition(s, { type: 'tambah_info', message: 'Belum, masih rusak.' }, 'pelapor', at('2026-01-07'), CAL);
    expect(reply.state.status).toBe('ditindaklanjuti');
    expect(reply.state.autocloseAt).toBeNull();
    expect(day(reply.state.dueAt)).toBe('2026-01-14');
    expect(reply.entry).toMatchObject({ kind: 'info', noteReporter: 'Belum, masih rusak.', notePublic: null });
    expect(allowedActions(reply.state, 'sistem', at('2026-12-31'))).toEqual([]);
    const again = transition(reply.state, { type: 'tindak_lanjut', answer: 'Sudah diperbaiki ulang.' }, 'petugas', at('2026-01-08'), CAL).state;
    expect(again.autocloseAt).not.toBeNull();
  });

  it('the reporter rates once per round, and may reopen only within the window', () => {
    const done = run(fresh(), [
      [{ type: 'verifikasi' }, 'petugas', at('2026-01-05', 11)],
      [{ type: 'disposisi', targetRegion: DESA, unit: 'U', instruction: 'x' }, 'petugas', at('2026-01-05', 12)],
      [{ type: 'tindak_lanjut', answer: 'Sudah kami tangani.' }, 'petugas', at('2026-01-06')],
      [{ type: 'terima_jawaban' }, 'pelapor', at('2026-01-07')],
    ]);
    expect(done.status).toBe('selesai');
    expect(allowedActions(done, 'pelapor', at('2026-01-08'))).toEqual(['buka_kembali', 'nilai']);
    const rated = transition(done, { type: 'nilai', score: 4, comment: 'Cepat' }, 'pelapor', at('2026-01-08'), CAL).state;
    expect(allowedActions(rated, 'pelapor', at('2026-01-08'))).toEqual(['buka_kembali']);
    expect(() => transition(rated, { type: 'nilai', score: 5 }, 'pelapor', at('2026-01-08'), CAL)).toThrow('sudah Anda nilai');
    expect(() => transition(done, { type: 'nilai', score: 6 }, 'pelapor', at('2026-01-08'), CAL)).toThrow('1 sampai 5');
    expect(day(done.reopenUntil)).toBe('2026-01-22'); // 10 working days after Wed 7 Jan (Fri 16 holiday)
    expect(() => transition(done, { type: 'buka_kembali', reason: 'Masih rusak lagi.' }, 'pelapor', at('2026-01-23'), CAL)).toThrow('sudah lewat');
    const reopened = transition(rated, { type: 'buka_kembali', reason: 'Masih rusak lagi.' }, 'pelapor', at('2026-01-20'), CAL).state;
    expect(reopened).toMatchObject({ status: 'didisposisikan', round: 1, rated: false, finishedAt: null });
    expect(day(reopened.followupDueAt)).toBe('2026-01-27');
  });
});
