/**
 * The information-request state machine (UU 14/2008 Pasal 22, 35–36; Perki 1/2021). Pure: no storage, no HTTP.
 * Every officer or requester action goes through `transition`, which checks the rule and computes the new deadlines
 * with the working-day clock (the holiday calendar is passed in, loaded from the `holidays` table per request).
 *
 *   diterima ──process──▶ diproses ──extend (once, ≤ 7 wd, reason)──▶ diperpanjang
 *      │                     │                                           │
 *      └──────────── answer (dipenuhi | dipenuhi_sebagian | ditolak + legal basis | tidak_dikuasai) ──▶ dijawab
 *
 * Objection (keberatan), one per request: filed within 30 working days after the answer, or after the deadline
 * passed without an answer; the atasan PPID decides within 30 working days; afterwards the record notes whether the
 * requester went on to the Komisi Informasi.
 */
import type { InfoDecision, InfoObjectionOutcome, InfoRequestStatus } from '../../db/schema';
import { addWorkingDays, type HolidayCalendar } from '../../lib/working-days';

export const ANSWER_WORKING_DAYS = 10;
export const MAX_EXTENSION_DAYS = 7;
export const OBJECTION_WINDOW_DAYS = 30;
export const OBJECTION_ANSWER_DAYS = 30;

/** Statutory grounds of an objection (UU 14/2008 Pasal 35 ayat 1 huruf a–g). */
export const OBJECTION_GROUNDS = [
  'penolakan',
  'informasi_berkala_tidak_disediakan',
  'tidak_ditanggapi',
  'tidak_sesuai_permintaan',
  'tidak_dipenuhi',
  'biaya_tidak_wajar',
  'terlambat',
] as const;
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number];

export interface ObjectionState {
  status: 'diajukan' | 'diputus';
  filedAt: number;
  dueAt: number;
  decidedAt: number | null;
  outcome: InfoObjectionOutcome | null;
  commissionAt: number | null;
}

export interface RequestState {
  status: InfoRequestStatus;
  registeredAt: number;
  originalDueAt: number;
  dueAt: number;
  extendedAt: number | null;
  extensionDays: number | null;
  answeredAt: number | null;
  decision: InfoDecision | null;
  objection: ObjectionState | null;
}

export type RequestEvent =
  | { type: 'process' }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'answer'; decision: InfoDecision; refusalBasis?: string | null }
  | { type: 'object'; grounds: readonly ObjectionGround[] }
  | { type: 'decide_objection'; outcome: InfoObjectionOutcome }
  | { type: 'record_commission' };

export type TransitionResult = { ok: true; state: RequestState } | { ok: false; reason: string };

/** Legal due date: 10 working days after the day of registration (the registration day never counts). */
export function dueDateOf(registeredAt: number, cal: HolidayCalendar): number {
  return addWorkingDays(registeredAt, ANSWER_WORKING_DAYS, cal);
}

/** The state of a request just registered. */
export function initialState(registeredAt: number, cal: HolidayCalendar): RequestState {
  const due = dueDateOf(registeredAt, cal);
  return {
    status: 'diterima',
    registeredAt,
    originalDueAt: due,
    dueAt: due,
    extendedAt: null,
    extensionDays: null,
    answeredAt: null,
    decision: null,
    objection: null,
  };
}

export const isOpen = (s: Pick<RequestState, 'status'>): boolean => s.status !== 'dijawab';

/**
 * When the requester may object: from the answer (or from the moment the deadline passed unanswered) until the end
 * of the 30th working day after it. Null while neither has happened.
 */
export function objectionWindow(s: RequestState, now: number, cal: HolidayCalendar): { from: number; until: number; basis: 'jawaban' | 'lewat_batas' } | null {
  // After a late answer the answer's window always ends later than the missed deadline's, so the answer decides.
  if (s.answeredAt !== null) return { from: s.answeredAt, until: addWorkingDays(s.answeredAt, OBJECTION_WINDOW_DAYS, cal), basis: 'jawaban' };
  if (now > s.dueAt) return { from: s.dueAt, until: addWorkingDays(s.dueAt, OBJECTION_WINDOW_DAYS, cal), basis: 'lewat_batas' };
  return null;
}

/** True when an objection may be filed now. */
export function canObject(s: RequestState, now: number, cal: HolidayCalendar): boolean {
  if (s.objection) return false;
  const w = objectionWindow(s, now, cal);
  return w !== null && now <= w.until;
}

/** True when the deadline passed without an answer (or the answer came late). */
export function isLate(s: Pick<RequestState, 'answeredAt' | 'dueAt'>, now: number): boolean {
  return s.answeredAt === null ? now > s.dueAt : s.answeredAt > s.dueAt;
}

/** Grounds that contradict the facts: no refusal without an answer, "not answered" once answered. */
function groundProblem(s: RequestState, grounds: readonly ObjectionGround[]): string | null {
  if (grounds.length === 0) return 'Pilih minimal satu alasan keberatan.';
  if (new Set(grounds).size !== grounds.length) return 'Alasan keberatan tidak boleh berulang.';
  if (s.answeredAt === null && grounds.includes('penolakan')) return 'Permohonan belum dijawab, jadi belum ada penolakan.';
  if (s.answeredAt !== null && grounds.includes('tidak_ditanggapi')) return 'Permohonan ini sudah ditanggapi.';
  if (s.answeredAt !== null && s.decision !== 'ditolak' && grounds.includes('penolakan')) return 'Permohonan ini tidak ditolak.';
  if (grounds.includes('terlambat') && s.answeredAt !== null && s.answeredAt <= s.dueAt) return 'Permohonan ini dijawab tepat waktu.';
  return null;
}

const fail = (reason: string): TransitionResult => ({ ok: false, reason });

/** Applies one event; returns the next state or the reason (in Indonesian) why it is not allowed now. */
export function transition(s: RequestState, e: RequestEvent, now: number, cal: HolidayCalendar): TransitionResult {
  switch (e.type) {
    case 'process':
      if (s.status !== 'diterima') return fail('Permohonan ini sudah diproses.');
      return { ok: true, state: { ...s, status: 'diproses' } };

    case 'extend': {
      if (s.status !== 'diterima' && s.status !== 'diproses') {
        return fail(
          s.status === 'diperpanjang' ? 'Jangka waktu hanya dapat diperpanjang satu kali.' : 'Permohonan yang sudah dijawab tidak dapat diperpanjang.',
        );
      }
      if (s.extendedAt !== null) return fail('Jangka waktu hanya dapat diperpanjang satu kali.');
      if (!Number.isInteger(e.days) || e.days < 1 || e.days > MAX_EXTENSION_DAYS) return fail(`Perpanjangan 1 sampai ${MAX_EXTENSION_DAYS} hari kerja.`);
      if (e.reason.trim().length < 10) return fail('Tuliskan alasan perpanjangan (minimal 10 huruf).');
      if (now > s.dueAt) return fail('Batas waktu sudah lewat: perpanjangan harus diberitahukan sebelum batas waktu.');
      return {
        ok: true,
        state: { ...s, status: 'diperpanjang', extendedAt: now, extensionDays: e.days, dueAt: addWorkingDays(s.originalDueAt, e.days, cal) },
      };
    }

    case 'answer':
      if (s.status === 'dijawab') return fail('Permohonan ini sudah dijawab.');
      if (e.decision === 'ditolak' && (e.refusalBasis ?? '').trim().length < 5) {
        return fail('Penolakan wajib menyebut dasar hukum pengecualian (mis. UU 14/2008 Pasal 17 huruf …).');
      }
      return { ok: true, state: { ...s, status: 'dijawab', answeredAt: now, decision: e.decision } };

    case 'object': {
      if (s.objection) return fail('Keberatan untuk permohonan ini sudah diajukan.');
      const w = objectionWindow(s, now, cal);
      if (!w) return fail('Keberatan dapat diajukan setelah permohonan dijawab atau setelah batas waktu menjawab lewat.');
      if (now > w.until) return fail('Jangka waktu pengajuan keberatan (30 hari kerja) sudah lewat.');
      const problem = groundProblem(s, e.grounds);
      if (problem) return fail(problem);
      const objection: ObjectionState = {
        status: 'diajukan',
        filedAt: now,
        dueAt: addWorkingDays(now, OBJECTION_ANSWER_DAYS, cal),
        decidedAt: null,
        outcome: null,
        commissionAt: null,
      };
      return { ok: true, state: { ...s, objection } };
    }

    case 'decide_objection':
      if (!s.objection) return fail('Belum ada keberatan untuk permohonan ini.');
      if (s.objection.status === 'diputus') return fail('Keberatan ini sudah diputus.');
      return { ok: true, state: { ...s, objection: { ...s.objection, status: 'diputus', decidedAt: now, outcome: e.outcome } } };

    case 'record_commission': {
      const o = s.objection;
      if (!o) return fail('Sengketa ke Komisi Informasi hanya dapat dicatat setelah ada keberatan.');
      if (o.commissionAt !== null) return fail('Pengajuan ke Komisi Informasi sudah dicatat.');
      if (o.status !== 'diputus' && now <= o.dueAt) return fail('Tunggu tanggapan atasan PPID atau sampai batas waktunya lewat.');
      return { ok: true, state: { ...s, objection: { ...o, commissionAt: now } } };
    }
  }
}

/** What an officer may do now (for showing buttons); the service still calls `transition`. */
export function availableActions(s: RequestState, now: number): Array<RequestEvent['type']> {
  const out: Array<RequestEvent['type']> = [];
  if (s.status === 'diterima') out.push('process');
  if ((s.status === 'diterima' || s.status === 'diproses') && s.extendedAt === null && now <= s.dueAt) out.push('extend');
  if (s.status !== 'dijawab') out.push('answer');
  if (s.objection?.status === 'diajukan') out.push('decide_objection');
  if (s.objection && s.objection.commissionAt === null && (s.objection.status === 'diputus' || now > s.objection.dueAt)) out.push('record_commission');
  return out;
}
