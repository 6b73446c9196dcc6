/**
 * The complaint status machine (SP4N-LAPOR flow), pure: no storage, no HTTP. Given the current state, an action, who
 * acts and the working-day calendar, it returns the next state and the timeline entry — or throws TransitionError.
 *
 *   diterima ──verifikasi──▶ diverifikasi ──disposisi──▶ didisposisikan ──tindak_lanjut──▶ ditindaklanjuti ──▶ selesai
 *      │  └─tolak──▶ ditolak        │ (tolak)                 │ (disposisi again)       │ (tindak_lanjut again)
 *      ├─teruskan (region)─▶ diterima in the target region    │                          ├─selesaikan (petugas)
 *      ├─teruskan (instansi luar)─▶ bukan_wewenang            │                          ├─terima_jawaban (pelapor)
 *      └─arsipkan─▶ diarsipkan (duplicates/spam; also from diverifikasi, didisposisikan)  └─tutup_otomatis (sistem)
 *   selesai ──buka_kembali (pelapor, within REOPEN_DAYS)──▶ didisposisikan (new round, new follow-up deadline)
 *
 * Deadlines (working days, src/lib/working-days.ts): verify and dispose within VERIFY_DAYS of arrival in a region,
 * follow up within FOLLOWUP_DAYS of disposition, auto-close AUTOCLOSE_DAYS after the follow-up when the reporter does
 * not respond, reopen within REOPEN_DAYS of closing.
 */
import type { ComplaintEventKind, ComplaintStatus } from '../../db/schema/complaints';
import { addWorkingDays, type HolidayCalendar } from '../../lib/working-days';

export const VERIFY_DAYS = 3;
export const FOLLOWUP_DAYS = 5;
export const AUTOCLOSE_DAYS = 10;
export const REOPEN_DAYS = 10;

export type MachineRole = 'petugas' | 'pelapor' | 'sistem';

export interface MachineState {
  status: ComplaintStatus;
  regionCode: string;
  unit: string | null;
  receivedAt: number;
  verifyDueAt: number;
  verifiedAt: number | null;
  dispositionedAt: number | null;
  followupDueAt: number | null;
  followedUpAt: number | null;
  autocloseAt: number | null;
  finishedAt: number | null;
  reopenUntil: number | null;
  dueAt: number | null;
  onTime: boolean;
  round: number;
  /** A rating exists for the current round. */
  rated: boolean;
}

export type ComplaintAction =
  | { type: 'verifikasi'; note?: string }
  | { type: 'tolak'; reason: string }
  | { type: 'teruskan'; reason: string; targetRegion?: { code: string; label: string }; agency?: string }
  | { type: 'disposisi'; targetRegion: { code: string; label: string }; unit: string; instruction: string }
  | { type: 'tindak_lanjut'; answer: string }
  | { type: 'selesaikan'; note?: string }
  | { type: 'arsipkan'; reason: string }
  | { type: 'tambah_info'; message: string }
  | { type: 'terima_jawaban' }
  | { type: 'buka_kembali'; reason: string }
  | { type: 'nilai'; score: number; comment?: string }
  | { type: 'tutup_otomatis' };
export type ActionType = ComplaintAction['type'];

export interface TimelineEntry {
  kind: ComplaintEventKind;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  targetRegionCode: string | null;
  notePublic: string | null;
  noteReporter: string | null;
  noteInternal: string | null;
}

export class TransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransitionError';
  }
}

/** Which role may take which action from which status. */
const RULES: Record<ActionType, { roles: MachineRole[]; from: ComplaintStatus[] }> = {
  verifikasi: { roles: ['petugas'], from: ['diterima'] },
  tolak: { roles: ['petugas'], from: ['diterima', 'diverifikasi'] },
  teruskan: { roles: ['petugas'], from: ['diterima', 'diverifikasi'] },
  disposisi: { roles: ['petugas'], from: ['diverifikasi', 'didisposisikan'] },
  tindak_lanjut: { roles: ['petugas'], from: ['didisposisikan', 'ditindaklanjuti'] },
  selesaikan: { roles: ['petugas'], from: ['ditindaklanjuti'] },
  arsipkan: { roles: ['petugas'], from: ['diterima', 'diverifikasi', 'didisposisikan'] },
  tambah_info: { roles: ['pelapor'], from: ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti'] },
  terima_jawaban: { roles: ['pelapor'], from: ['ditindaklanjuti'] },
  buka_kembali: { roles: ['pelapor'], from: ['selesai'] },
  nilai: { roles: ['pelapor'], from: ['selesai'] },
  tutup_otomatis: { roles: ['sistem'], from: ['ditindaklanjuti'] },
};

export const OPEN_STATUSES: ComplaintStatus[] = ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti'];
export const CLOSED_STATUSES: ComplaintStatus[] = ['selesai', 'ditolak', 'bukan_wewenang'];

/** Actions `role` may take now (time-dependent rules included), in a stable order for the UI. */
export function allowedActions(state: MachineState, role: MachineRole, now: number): ActionType[] {
  return (Object.keys(RULES) as ActionType[]).filter((type) => {
    const rule = RULES[type];
    if (!rule.roles.includes(role) || !rule.from.includes(state.status)) return false;
    if (type === 'buka_kembali') return state.reopenUntil !== null && now <= state.reopenUntil;
    if (type === 'nilai') return !state.rated;
    if (type === 'tutup_otomatis') return state.autocloseAt !== null && now >= state.autocloseAt;
    return true;
  });
}

const entry = (kind: ComplaintEventKind, from: ComplaintStatus | null, to: ComplaintStatus | null, notes: Partial<TimelineEntry> = {}): TimelineEntry => ({
  kind,
  fromStatus: from,
  toStatus: to,
  targetRegionCode: notes.targetRegionCode ?? null,
  notePublic: notes.notePublic ?? null,
  noteReporter: notes.noteReporter ?? null,
  noteInternal: notes.noteInternal ?? null,
});

/** The state of a new report filed at `now` in `regionCode`. */
export function initialState(regionCode: string, now: number, cal: HolidayCalendar): MachineState {
  const verifyDueAt = addWorkingDays(now, VERIFY_DAYS, cal);
  return {
    status: 'diterima',
    regionCode,
    unit: null,
    receivedAt: now,
    verifyDueAt,
    verifiedAt: null,
    dispositionedAt: null,
    followupDueAt: null,
    followedUpAt: null,
    autocloseAt: null,
    finishedAt: null,
    reopenUntil: null,
    dueAt: verifyDueAt,
    onTime: true,
    round: 0,
    rated: false,
  };
}

function closed(s: MachineState, status: ComplaintStatus, now: number, cal: HolidayCalendar): MachineState {
  return {
    ...s,
    status,
    finishedAt: now,
    dueAt: null,
    autocloseAt: null,
    reopenUntil: status === 'selesai' ? addWorkingDays(now, REOPEN_DAYS, cal) : null,
  };
}

/** Applies an action. Throws TransitionError when the role may not take it now. */
export function transition(
  s: MachineState,
  action: ComplaintAction,
  role: MachineRole,
  now: number,
  cal: HolidayCalendar,
): { state: MachineState; entry: TimelineEntry } {
  if (!allowedActions(s, role, now).includes(action.type)) {
    throw new TransitionError(refusal(s, action.type, role));
  }
  const from = s.status;
  const lateForVerify = now > s.verifyDueAt;
  switch (action.type) {
    case 'verifikasi':
      return {
        state: { ...s, status: 'diverifikasi', verifiedAt: now, onTime: s.onTime && !lateForVerify },
        entry: entry('status', from, 'diverifikasi', { noteInternal: action.note || null }),
      };
    case 'tolak':
      return {
        state: { ...closed(s, 'ditolak', now, cal), onTime: s.onTime && !lateForVerify },
        entry: entry('status', from, 'ditolak', { noteReporter: action.reason }),
      };
    case 'teruskan': {
      if (action.targetRegion) {
        if (action.targetRegion.code === s.regionCode) throw new TransitionError('Pilih wilayah lain untuk meneruskan laporan.');
        const verifyDueAt = addWorkingDays(now, VERIFY_DAYS, cal);
        return {
          state: {
            ...s,
            status: 'diterima',
            regionCode: action.targetRegion.code,
            receivedAt: now,
            verifyDueAt,
            verifiedAt: null,
            dueAt: verifyDueAt,
            unit: null,
          },
          entry: entry('diteruskan', from, 'diterima', {
            targetRegionCode: action.targetRegion.code,
            notePublic: `Bukan wewenang wilayah ini; diteruskan ke ${action.targetRegion.label}.`,
            noteInternal: action.reason,
          }),
        };
      }
      if (!action.agency) throw new TransitionError('Pilih wilayah tujuan atau tuliskan instansi yang berwenang.');
      return {
        state: closed(s, 'bukan_wewenang', now, cal),
        entry: entry('status', from, 'bukan_wewenang', { notePublic: `Diteruskan ke ${action.agency}.`, noteInternal: action.reason }),
      };
    }
    case 'disposisi': {
      const first = from === 'diverifikasi';
      const followupDueAt = addWorkingDays(now, FOLLOWUP_DAYS, cal);
      return {
        state: {
          ...s,
          status: 'didisposisikan',
          regionCode: action.targetRegion.code,
          unit: action.unit,
          dispositionedAt: now,
          followupDueAt,
          dueAt: followupDueAt,
          onTime: s.onTime && !(first && lateForVerify),
        },
        entry: entry('status', from, 'didisposisikan', {
          targetRegionCode: action.targetRegion.code,
          notePublic: `Didisposisikan ke ${action.unit} (${action.targetRegion.label}).`,
          noteInternal: action.instruction,
        }),
      };
    }
    case 'tindak_lanjut': {
      const late = from === 'didisposisikan' && s.followupDueAt !== null && now > s.followupDueAt;
      return {
        state: {
          ...s,
          status: 'ditindaklanjuti',
          followedUpAt: now,
          autocloseAt: addWorkingDays(now, AUTOCLOSE_DAYS, cal),
          dueAt: null,
          onTime: s.onTime && !late,
        },
        entry: entry('status', from, 'ditindaklanjuti', { noteReporter: action.answer }),
      };
    }
    case 'selesaikan':
      return { state: closed(s, 'selesai', now, cal), entry: entry('status', from, 'selesai', { noteReporter: action.note || null }) };
    case 'terima_jawaban':
      return { state: closed(s, 'selesai', now, cal), entry: entry('status', from, 'selesai', { notePublic: 'Pelapor menyatakan laporan selesai.' }) };
    case 'tutup_otomatis':
      return {
        state: closed(s, 'selesai', now, cal),
        entry: entry('status', from, 'selesai', {
          notePublic: `Ditutup otomatis: tidak ada tanggapan pelapor ${AUTOCLOSE_DAYS} hari kerja setelah tindak lanjut.`,
        }),
      };
    case 'arsipkan':
      return { state: closed(s, 'diarsipkan', now, cal), entry: entry('status', from, 'diarsipkan', { noteInternal: action.reason }) };
    case 'tambah_info': {
      // A reply to a follow-up stops the auto-close clock and gives the handler a new deadline to respond.
      const waiting = from === 'ditindaklanjuti';
      return {
        state: waiting ? { ...s, autocloseAt: null, dueAt: addWorkingDays(now, FOLLOWUP_DAYS, cal) } : s,
        entry: entry('info', from, from, { noteReporter: action.message }),
      };
    }
    case 'buka_kembali': {
      const followupDueAt = addWorkingDays(now, FOLLOWUP_DAYS, cal);
      return {
        state: {
          ...s,
          status: 'didisposisikan',
          dispositionedAt: now,
          followupDueAt,
          followedUpAt: null,
          dueAt: followupDueAt,
          finishedAt: null,
          reopenUntil: null,
          round: s.round + 1,
          rated: false,
        },
        entry: entry('status', from, 'didisposisikan', { notePublic: 'Pelapor membuka kembali laporan.', noteReporter: action.reason }),
      };
    }
    case 'nilai': {
      if (!Number.isInteger(action.score) || action.score < 1 || action.score > 5) throw new TransitionError('Nilai harus 1 sampai 5.');
      return {
        state: { ...s, rated: true },
        entry: entry('penilaian', from, from, { notePublic: `Pelapor memberi nilai ${action.score} dari 5.`, noteReporter: action.comment || null }),
      };
    }
  }
}

function refusal(s: MachineState, type: ActionType, role: MachineRole): string {
  const rule = RULES[type];
  if (!rule.roles.includes(role)) return 'Tindakan ini tidak dapat dilakukan oleh Anda.';
  if (type === 'buka_kembali' && s.status === 'selesai') return `Batas waktu membuka kembali (${REOPEN_DAYS} hari kerja setelah selesai) sudah lewat.`;
  if (type === 'nilai' && s.status === 'selesai') return 'Laporan ini sudah Anda nilai.';
  if (type === 'tutup_otomatis' && s.status === 'ditindaklanjuti') return 'Belum waktunya ditutup otomatis.';
  return `Tindakan ini tidak dapat dilakukan pada laporan berstatus ${s.status}.`;
}
