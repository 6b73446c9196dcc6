import { describe, expect, it } from 'vitest';
import {
  availableActions,
  canObject,
  dueDateOf,
  initialState,
  isLate,
  objectionWindow,
  transition,
  type RequestEvent,
  type RequestState,
} from '../../src/features/ppid/state';
import { witaDateKey, witaDateToMs } from '../../src/lib/time';
import { EMPTY_HOLIDAY_CALENDAR, holidayCalendar } from '../../src/lib/working-days';

/** A few 2026 days off from the SKB (the production code loads them from the holidays table). */
const CAL = holidayCalendar([
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-23',
  '2026-03-24',
  '2026-04-03',
  '2026-05-01',
  '2026-05-14',
  '2026-05-15',
  '2026-05-27',
  '2026-05-28',
  '2026-06-01',
  '2026-08-17',
  '2026-08-25',
]);

/** Instant at a WITA wall-clock time. */
const at = (date: string, hh = 10, mm = 0) => witaDateToMs(date) + (hh * 60 + mm) * 60_000;
const day = (ms: number) => witaDateKey(ms);

function apply(s: RequestState, e: RequestEvent, now: number, cal = CAL): RequestState {
  const r = transition(s, e, now, cal);
  if (!r.ok) throw new Error(`unexpected refusal: ${r.reason}`);
  return r.state;
}

function refusal(s: RequestState, e: RequestEvent, now: number, cal = CAL): string {
  const r = transition(s, e, now, cal);
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

describe('PPID due dates (10 working days)', () => {
  it('skips weekends: filed Monday 16 March → due Monday 30 March without holidays', () => {
    expect(day(dueDateOf(at('2026-03-16'), EMPTY_HOLIDAY_CALENDAR))).toBe('2026-03-30');
  });

  it('skips Nyepi/Idul Fitri holidays and Good Friday: same filing is due Tuesday 7 April', () => {
    const due = dueDateOf(at('2026-03-16'), CAL);
    expect(day(due)).toBe('2026-04-07');
    expect(due).toBe(witaDateToMs('2026-04-08') - 1); // end of the day, 23:59:59.999 WITA
  });

  it('a request filed on a Saturday or at 23:59 counts from the next working day', () => {
    expect(day(dueDateOf(at('2026-03-14', 9), EMPTY_HOLIDAY_CALENDAR))).toBe('2026-03-27');
    expect(day(dueDateOf(at('2026-03-16', 23, 59), EMPTY_HOLIDAY_CALENDAR))).toBe('2026-03-30');
    // 00:30 WITA on Tuesday is still Tuesday in WITA (UTC would say Monday).
    expect(day(dueDateOf(at('2026-03-17', 0, 30), EMPTY_HOLIDAY_CALENDAR))).toBe('2026-03-31');
  });

  it('extension adds up to 7 working days to the ORIGINAL due date, once, with a reason', () => {
    let s = initialState(at('2026-03-16'), CAL);
    s = apply(s, { type: 'process' }, at('2026-03-17'));
    s = apply(s, { type: 'extend', days: 7, reason: 'Dokumen berada di arsip kecamatan lama.' }, at('2026-04-06'));
    expect(s.status).toBe('diperpanjang');
    expect(day(s.dueAt)).toBe('2026-04-16');
    expect(day(s.originalDueAt)).toBe('2026-04-07');
    expect(refusal(s, { type: 'extend', days: 1, reason: 'Sekali lagi karena masih dicari.' }, at('2026-04-08'))).toMatch(/satu kali/);
  });

  it('a shorter extension is counted over holidays too (3 days from 2 April lands after Good Friday)', () => {
    const s = { ...initialState(at('2026-03-20'), CAL) }; // filed on a holiday
    expect(day(s.dueAt)).toBe('2026-04-08');
    const e = apply(s, { type: 'extend', days: 3, reason: 'Perlu koordinasi dengan desa.' }, at('2026-04-01'));
    expect(day(e.dueAt)).toBe('2026-04-13');
  });

  it('refuses extensions that are too long, too short, without reason, or after the deadline', () => {
    const s = initialState(at('2026-03-16'), CAL);
    expect(refusal(s, { type: 'extend', days: 8, reason: 'Alasan yang cukup panjang.' }, at('2026-03-17'))).toMatch(/1 sampai 7/);
    expect(refusal(s, { type: 'extend', days: 0, reason: 'Alasan yang cukup panjang.' }, at('2026-03-17'))).toMatch(/1 sampai 7/);
    expect(refusal(s, { type: 'extend', days: 2.5, reason: 'Alasan yang cukup panjang.' }, at('2026-03-17'))).toMatch(/1 sampai 7/);
    expect(refusal(s, { type: 'extend', days: 3, reason: '  pendek ' }, at('2026-03-17'))).toMatch(/alasan/);
    expect(refusal(s, { type: 'extend', days: 3, reason: 'Alasan yang cukup panjang.' }, at('2026-04-08'))).toMatch(/sudah lewat/);
    // The last minute of the due day still counts.
    expect(transition(s, { type: 'extend', days: 3, reason: 'Alasan yang cukup panjang.' }, at('2026-04-07', 23, 59), CAL).ok).toBe(true);
  });
});

describe('PPID decisions', () => {
  const base = () => apply(initialState(at('2026-03-16'), CAL), { type: 'process' }, at('2026-03-17'));

  it.each(['dipenuhi', 'dipenuhi_sebagian', 'tidak_dikuasai'] as const)('%s closes the request as dijawab', (decision) => {
    const s = apply(base(), { type: 'answer', decision }, at('2026-03-25'));
    expect(s.status).toBe('dijawab');
    expect(s.decision).toBe(decision);
    expect(s.answeredAt).toBe(at('2026-03-25'));
    expect(refusal(s, { type: 'answer', decision: 'dipenuhi' }, at('2026-03-26'))).toMatch(/sudah dijawab/);
    expect(refusal(s, { type: 'extend', days: 2, reason: 'Alasan yang cukup panjang.' }, at('2026-03-26'))).toMatch(/sudah dijawab/);
  });

  it('ditolak needs the legal basis of the exemption', () => {
    expect(refusal(base(), { type: 'answer', decision: 'ditolak' }, at('2026-03-25'))).toMatch(/dasar hukum/);
    expect(refusal(base(), { type: 'answer', decision: 'ditolak', refusalBasis: '  ' }, at('2026-03-25'))).toMatch(/dasar hukum/);
    const s = apply(base(), { type: 'answer', decision: 'ditolak', refusalBasis: 'UU 14/2008 Pasal 17 huruf h' }, at('2026-03-25'));
    expect(s.decision).toBe('ditolak');
  });

  it('can answer straight from diterima and after an extension; process only once', () => {
    const s = initialState(at('2026-03-16'), CAL);
    expect(apply(s, { type: 'answer', decision: 'dipenuhi' }, at('2026-03-17')).status).toBe('dijawab');
    const p = apply(s, { type: 'process' }, at('2026-03-17'));
    expect(refusal(p, { type: 'process' }, at('2026-03-17'))).toMatch(/sudah diproses/);
    const e = apply(p, { type: 'extend', days: 2, reason: 'Alasan yang cukup panjang.' }, at('2026-03-25'));
    expect(apply(e, { type: 'answer', decision: 'dipenuhi_sebagian' }, at('2026-04-09')).status).toBe('dijawab');
  });

  it('offers only the actions that the rules allow', () => {
    const s = initialState(at('2026-03-16'), CAL);
    expect(availableActions(s, at('2026-03-17'))).toEqual(['process', 'extend', 'answer']);
    expect(availableActions(s, at('2026-04-08'))).toEqual(['process', 'answer']); // past due: no extension
    const answered = apply(s, { type: 'answer', decision: 'dipenuhi' }, at('2026-03-17'));
    expect(availableActions(answered, at('2026-03-18'))).toEqual([]);
  });
});

describe('PPID objection windows (30 working days)', () => {
  it('opens at the answer and closes at the end of the 30th working day after it', () => {
    let s = initialState(at('2026-08-10'), CAL);
    s = apply(s, { type: 'answer', decision: 'dipenuhi_sebagian' }, at('2026-08-14', 15));
    const w = objectionWindow(s, at('2026-08-15'), CAL)!;
    expect(w.basis).toBe('jawaban');
    expect(day(w.until)).toBe('2026-09-29'); // skips 17 and 25 August
    expect(canObject(s, at('2026-09-29', 23, 59), CAL)).toBe(true);
    expect(canObject(s, at('2026-09-30', 0, 1), CAL)).toBe(false);
    expect(refusal(s, { type: 'object', grounds: ['tidak_dipenuhi'] }, at('2026-09-30', 9))).toMatch(/sudah lewat/);
  });

  it('opens when the deadline passes unanswered, not before', () => {
    const s = initialState(at('2026-03-16'), CAL); // due 7 April
    expect(objectionWindow(s, at('2026-04-07', 12), CAL)).toBeNull();
    expect(refusal(s, { type: 'object', grounds: ['tidak_ditanggapi'] }, at('2026-04-07', 12))).toMatch(/setelah permohonan dijawab/);
    const w = objectionWindow(s, at('2026-04-08', 8), CAL)!;
    expect(w.basis).toBe('lewat_batas');
    expect(day(w.until)).toBe('2026-05-22');
    expect(isLate(s, at('2026-04-08', 8))).toBe(true);
    const o = apply(s, { type: 'object', grounds: ['tidak_ditanggapi', 'terlambat'] }, at('2026-04-08', 8));
    expect(o.objection?.status).toBe('diajukan');
    expect(day(o.objection!.dueAt)).toBe('2026-05-25'); // atasan answers within 30 working days of the filing
  });

  it('after a late answer the window runs from the answer (later than from the missed deadline)', () => {
    let s = initialState(at('2026-03-16'), CAL); // due 7 April; a window via the deadline would end 22 May
    s = apply(s, { type: 'answer', decision: 'dipenuhi' }, at('2026-04-08', 9));
    const w = objectionWindow(s, at('2026-04-09'), CAL)!;
    expect(w.basis).toBe('jawaban');
    expect(day(w.until)).toBe('2026-05-25');
    expect(isLate(s, at('2026-04-09'))).toBe(true);
    expect(apply(s, { type: 'object', grounds: ['terlambat'] }, at('2026-05-25', 16)).objection).not.toBeNull();
  });

  it('checks the grounds against the facts and accepts one objection only', () => {
    const unanswered = initialState(at('2026-03-16'), CAL);
    expect(refusal(unanswered, { type: 'object', grounds: ['penolakan'] }, at('2026-04-09'))).toMatch(/belum ada penolakan/);
    expect(refusal(unanswered, { type: 'object', grounds: [] }, at('2026-04-09'))).toMatch(/minimal satu/);
    const granted = apply(unanswered, { type: 'answer', decision: 'dipenuhi' }, at('2026-03-17'));
    expect(refusal(granted, { type: 'object', grounds: ['tidak_ditanggapi'] }, at('2026-03-18'))).toMatch(/sudah ditanggapi/);
    expect(refusal(granted, { type: 'object', grounds: ['penolakan'] }, at('2026-03-18'))).toMatch(/tidak ditolak/);
    expect(refusal(granted, { type: 'object', grounds: ['terlambat'] }, at('2026-03-18'))).toMatch(/tepat waktu/);
    const objected = apply(granted, { type: 'object', grounds: ['tidak_sesuai_permintaan', 'biaya_tidak_wajar'] }, at('2026-03-18'));
    expect(refusal(objected, { type: 'object', grounds: ['tidak_dipenuhi'] }, at('2026-03-19'))).toMatch(/sudah diajukan/);
    const refused = apply(unanswered, { type: 'answer', decision: 'ditolak', refusalBasis: 'UU 14/2008 Pasal 17 huruf h' }, at('2026-03-17'));
    expect(apply(refused, { type: 'object', grounds: ['penolakan'] }, at('2026-03-18')).objection).not.toBeNull();
  });

  it('atasan decides once; the Komisi Informasi is recorded after the decision or its missed deadline', () => {
    let s = apply(initialState(at('2026-03-16'), CAL), { type: 'answer', decision: 'ditolak', refusalBasis: 'UU 14/2008 Pasal 17 huruf h' }, at('2026-03-17'));
    expect(refusal(s, { type: 'decide_objection', outcome: 'ditolak' }, at('2026-03-18'))).toMatch(/Belum ada keberatan/);
    expect(refusal(s, { type: 'record_commission' }, at('2026-03-18'))).toMatch(/setelah ada keberatan/);
    s = apply(s, { type: 'object', grounds: ['penolakan'] }, at('2026-03-18'));
    expect(refusal(s, { type: 'record_commission' }, at('2026-03-25'))).toMatch(/Tunggu/);
    expect(availableActions(s, at('2026-03-25'))).toEqual(['decide_objection']);
    // The atasan lets 30 working days pass: the requester may go to the commission.
    const missed = s.objection!.dueAt + 1;
    expect(availableActions(s, missed)).toEqual(['decide_objection', 'record_commission']);
    const decided = apply(s, { type: 'decide_objection', outcome: 'ditolak' }, at('2026-04-10'));
    expect(decided.objection).toMatchObject({ status: 'diputus', outcome: 'ditolak', decidedAt: at('2026-04-10') });
    expect(refusal(decided, { type: 'decide_objection', outcome: 'dikabulkan' }, at('2026-04-11'))).toMatch(/sudah diputus/);
    const commission = apply(decided, { type: 'record_commission' }, at('2026-04-20'));
    expect(commission.objection!.commissionAt).toBe(at('2026-04-20'));
    expect(refusal(commission, { type: 'record_commission' }, at('2026-04-21'))).toMatch(/sudah dicatat/);
  });
});
