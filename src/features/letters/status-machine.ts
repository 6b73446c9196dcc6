/**
 * The letter request status machine, pure: no storage, no HTTP. Given the state, an action, who acts and the
 * working-day calendar, it returns the next state and the timeline entry — or throws TransitionError.
 *
 *   diajukan ─periksa─▶ diperiksa ─proses─▶ diproses ─beri_nomor─▶ menunggu_tanda_tangan ─tandatangani─▶ selesai
 *      │                  ▲   │               │                          │                                │
 *      └─minta_perbaikan─▶ perlu_perbaikan ◀──┘ (also from diperiksa)     │                                └─cabut
 *                         │  └─perbaiki (pemohon)─▶ diperiksa             │                      (revoked, stays selesai)
 *   tolak (petugas, reason) from diajukan, diperiksa, perlu_perbaikan, diproses ─▶ ditolak
 *   batalkan (pemohon) from diajukan, diperiksa, perlu_perbaikan, diproses; (petugas, reason) also from
 *   menunggu_tanda_tangan ─▶ dibatalkan (an assigned number stays in the register, marked cancelled: no gap)
 *
 * Deadline: the service time in working days from submission (src/lib/working-days.ts). While the requester fixes
 * what was asked (perlu_perbaikan) the clock stops: the remaining working days are kept and run again from the fix.
 */
import { LETTER_STATUSES, type LetterEventKind, type LetterStatus, type SignMethod } from '../../db/schema/letters';
import { addWorkingDays, workingDaysBetween, type HolidayCalendar } from '../../lib/working-days';

export { LETTER_STATUSES, type LetterStatus, type SignMethod };

/** Statuses where the officer holds the request (the deadline runs). */
export const OFFICER_STATUSES: readonly LetterStatus[] = ['diajukan', 'diperiksa', 'diproses', 'menunggu_tanda_tangan'];
export const OPEN_STATUSES: readonly LetterStatus[] = [...OFFICER_STATUSES, 'perlu_perbaikan'];

export type MachineRole = 'petugas' | 'pemohon';

export interface MachineState {
  status: LetterStatus;
  /** End of the service time (null while paused or closed). */
  dueAt: number | null;
  /** Working days left when the clock stopped for a correction. */
  pausedDays: number | null;
  /** The running clock: `clockDays` working days from `clockFrom` (moves when the holiday calendar changes). */
  clockFrom: number | null;
  clockDays: number | null;
  onTime: boolean;
  finishedAt: number | null;
  revokedAt: number | null;
}

export type LetterAction =
  | { type: 'periksa' }
  | { type: 'minta_perbaikan'; note: string }
  | { type: 'perbaiki'; note?: string }
  | { type: 'proses'; note?: string }
  | { type: 'beri_nomor' }
  | { type: 'tandatangani'; method: SignMethod }
  | { type: 'tolak'; reason: string }
  | { type: 'batalkan'; reason?: string }
  | { type: 'cabut'; reason: string };
export type ActionType = LetterAction['type'];

export interface TimelineEntry {
  kind: LetterEventKind;
  fromStatus: LetterStatus | null;
  toStatus: LetterStatus | null;
  /** What the requester reads (correction request, refusal reason, revocation reason). */
  noteRequester: string | null;
  /** For officers only. */
  noteInternal: string | null;
}

export class TransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransitionError';
  }
}

const RULES: Record<ActionType, { roles: MachineRole[]; from: readonly LetterStatus[] }> = {
  periksa: { roles: ['petugas'], from: ['diajukan'] },
  minta_perbaikan: { roles: ['petugas'], from: ['diajukan', 'diperiksa', 'diproses'] },
  perbaiki: { roles: ['pemohon'], from: ['perlu_perbaikan'] },
  proses: { roles: ['petugas'], from: ['diperiksa'] },
  beri_nomor: { roles: ['petugas'], from: ['diproses'] },
  tandatangani: { roles: ['petugas'], from: ['menunggu_tanda_tangan'] },
  tolak: { roles: ['petugas'], from: ['diajukan', 'diperiksa', 'perlu_perbaikan', 'diproses'] },
  batalkan: { roles: ['pemohon', 'petugas'], from: ['diajukan', 'diperiksa', 'perlu_perbaikan', 'diproses', 'menunggu_tanda_tangan'] },
  cabut: { roles: ['petugas'], from: ['selesai'] },
};

const TARGET: Partial<Record<ActionType, LetterStatus>> = {
  periksa: 'diperiksa',
  minta_perbaikan: 'perlu_perbaikan',
  perbaiki: 'diperiksa',
  proses: 'diproses',
  beri_nomor: 'menunggu_tanda_tangan',
  tandatangani: 'selesai',
  tolak: 'ditolak',
  batalkan: 'dibatalkan',
};

/** The requester may cancel only while nothing was numbered; an officer may also cancel a numbered letter. */
function allowedFor(type: ActionType, role: MachineRole, state: MachineState): boolean {
  const rule = RULES[type];
  if (!rule.roles.includes(role) || !rule.from.includes(state.status)) return false;
  if (type === 'batalkan' && role === 'pemohon') return state.status !== 'menunggu_tanda_tangan';
  if (type === 'cabut') return state.revokedAt === null;
  return true;
}

/** Actions `role` may take now, in a stable order for the UI. */
export function allowedActions(state: MachineState, role: MachineRole): ActionType[] {
  return (Object.keys(RULES) as ActionType[]).filter((t) => allowedFor(t, role, state));
}

/** The state of a request submitted at `now` for a service of `serviceDays` working days. */
export function initialState(now: number, serviceDays: number, cal: HolidayCalendar): MachineState {
  return {
    status: 'diajukan',
    dueAt: addWorkingDays(now, serviceDays, cal),
    pausedDays: null,
    clockFrom: now,
    clockDays: serviceDays,
    onTime: true,
    finishedAt: null,
    revokedAt: null,
  };
}

const requiredText = (value: string | undefined, what: string): string => {
  const v = (value ?? '').trim();
  if (!v) throw new TransitionError(`Isi ${what}.`);
  return v;
};

export function transition(
  state: MachineState,
  action: LetterAction,
  role: MachineRole,
  now: number,
  cal: HolidayCalendar,
): { state: MachineState; entry: TimelineEntry } {
  if (!allowedFor(action.type, role, state)) {
    throw new TransitionError(`Tindakan ini tidak dapat dilakukan pada permohonan berstatus ${state.status.replace(/_/g, ' ')}.`);
  }
  // A deadline missed while the officer held the request counts, whatever happens next.
  const late = state.dueAt !== null && now > state.dueAt && OFFICER_STATUSES.includes(state.status);
  const next: MachineState = { ...state, onTime: state.onTime && !late };
  const to = TARGET[action.type] ?? state.status;
  const entry: TimelineEntry = { kind: 'status', fromStatus: state.status, toStatus: to, noteRequester: null, noteInternal: null };
  switch (action.type) {
    case 'minta_perbaikan':
      entry.noteRequester = requiredText(action.note, 'apa yang perlu diperbaiki');
      next.pausedDays = state.dueAt === null ? 0 : Math.max(workingDaysBetween(now, state.dueAt, cal), 0);
      next.dueAt = null;
      break;
    case 'perbaiki':
      entry.noteInternal = action.note?.trim() || null;
      next.clockFrom = now;
      next.clockDays = Math.max(state.pausedDays ?? 1, 1);
      next.dueAt = addWorkingDays(now, next.clockDays, cal);
      next.pausedDays = null;
      break;
    case 'proses':
      entry.noteInternal = action.note?.trim() || null;
      break;
    case 'beri_nomor':
      entry.kind = 'nomor';
      break;
    case 'tandatangani':
      entry.kind = 'tanda_tangan';
      entry.noteInternal = action.method === 'basah' ? 'Ditandatangani basah di atas kertas.' : 'Pindaian surat bertanda tangan diunggah.';
      next.finishedAt = now;
      next.dueAt = null;
      break;
    case 'tolak':
      entry.noteRequester = requiredText(action.reason, 'alasan penolakan');
      next.finishedAt = now;
      next.dueAt = null;
      next.pausedDays = null;
      break;
    case 'batalkan':
      if (role === 'petugas') entry.noteRequester = requiredText(action.reason, 'alasan pembatalan');
      else entry.noteRequester = action.reason?.trim() || null;
      next.finishedAt = now;
      next.dueAt = null;
      next.pausedDays = null;
      break;
    case 'cabut':
      entry.kind = 'cabut';
      entry.noteRequester = requiredText(action.reason, 'alasan pencabutan');
      next.revokedAt = now;
      break;
    case 'periksa':
      break;
  }
  next.status = to;
  return { state: next, entry };
}

/**
 * The hook for messages to the requester (issue: outgoing-message module): the service calls its `statusChanged`
 * dependency with this after every committed change (deps.ts sends the requester's opt-in message from it).
 */
export interface LetterStatusEvent {
  requestId: string;
  trackingNumber: string;
  regionCode: string;
  /** The timeline entry's sequence number: one change, one id. */
  seq: number;
  delivery: 'ambil' | 'unduh';
  from: LetterStatus | null;
  to: LetterStatus;
  at: number;
}
