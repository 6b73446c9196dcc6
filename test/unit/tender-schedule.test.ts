// Status by schedule: the rules of src/features/tenders/schedule.ts, with the minutes around midnight WITA (UTC+8:
// 00:00 WITA is 16:00 UTC of the day before, so a UTC calendar would flip the status eight hours late).
import { describe, expect, it } from 'vitest';
import {
  currentStage,
  deriveState,
  effectiveStatus,
  nextDeadline,
  scheduleStatus,
  timeline,
  updateDueAt,
  type StageWindow,
} from '../../src/features/tenders/schedule';
import { parseStageInstant } from '../../src/features/tenders/values';

const at = (iso: string) => Date.parse(iso);
const start = (v: string) => parseStageInstant(v, 'start')!;
const end = (v: string) => parseStageInstant(v, 'end')!;

/** A tender announced 2026-03-10, registration until 2026-03-19 (date only: 23:59:59.999 WITA), bids until the 23rd. */
const SCHEDULE: StageWindow[] = [
  { stage: 'pengumuman', s: start('2026-03-10'), e: end('2026-03-12') },
  { stage: 'pendaftaran', s: start('2026-03-10'), e: end('2026-03-19') },
  { stage: 'penjelasan', s: start('2026-03-16T09:00'), e: end('2026-03-16T11:00') },
  { stage: 'penawaran', s: start('2026-03-20'), e: end('2026-03-23T15:00') },
  { stage: 'evaluasi', s: start('2026-03-24'), e: end('2026-03-30') },
  { stage: 'penetapan', s: start('2026-03-31'), e: end('2026-03-31') },
  { stage: 'sanggah', s: start('2026-04-01'), e: end('2026-04-06') },
  { stage: 'kontrak', s: start('2026-04-07'), e: end('2026-04-14') },
];
const NO_FACTS = { declaredStatus: null, winnerName: null, contractValue: null, contractStartAt: null, contractEndAt: null };

describe('stage instants are WITA wall-clock times', () => {
  it('a date starts at 00:00 WITA and ends at 23:59:59.999 WITA; a typed minute includes the whole minute', () => {
    expect(start('2026-03-19')).toBe(at('2026-03-18T16:00:00.000Z'));
    expect(end('2026-03-19')).toBe(at('2026-03-19T15:59:59.999Z'));
    expect(start('2026-03-16T09:00')).toBe(at('2026-03-16T01:00:00.000Z'));
    expect(end('2026-03-23T15:00')).toBe(at('2026-03-23T07:00:59.999Z'));
    for (const bad of ['2026-02-30', '19/03/2026', '2026-03-19 08:00', '2026-03-19T24:00', '']) expect(parseStageInstant(bad, 'start'), bad).toBeNull();
  });
});

describe('status by schedule', () => {
  it('rencana before the first stage, pengumuman while registration is open', () => {
    expect(scheduleStatus(SCHEDULE, at('2026-03-09T15:59:59.999Z'))).toBe('rencana'); // 23:59:59 WITA on the 9th
    expect(scheduleStatus(SCHEDULE, at('2026-03-09T16:00:00.000Z'))).toBe('pengumuman'); // 00:00 WITA on the 10th
  });

  it('pengumuman → berlangsung exactly when registration closes at midnight WITA, not at midnight UTC', () => {
    expect(scheduleStatus(SCHEDULE, at('2026-03-19T15:59:59.999Z'))).toBe('pengumuman'); // 23:59:59.999 WITA, 19 March
    expect(scheduleStatus(SCHEDULE, at('2026-03-19T16:00:00.000Z'))).toBe('berlangsung'); // 00:00 WITA, 20 March (UTC: still the 19th)
    expect(scheduleStatus(SCHEDULE, at('2026-03-19T17:00:00.000Z'))).toBe('berlangsung'); // the daily job's run, 01:00 WITA
    // A UTC reading would keep it open until 2026-03-20T00:00Z = 08:00 WITA: it must not.
    expect(scheduleStatus(SCHEDULE, at('2026-03-19T23:59:00.000Z'))).toBe('berlangsung');
  });

  it('berlangsung → evaluasi when evaluation starts (00:00 WITA on the 24th), and it stays there: the winner is a fact, not a date', () => {
    expect(scheduleStatus(SCHEDULE, at('2026-03-23T15:59:59.999Z'))).toBe('berlangsung');
    expect(scheduleStatus(SCHEDULE, at('2026-03-23T16:00:00.000Z'))).toBe('evaluasi');
    expect(scheduleStatus(SCHEDULE, at('2026-06-01T00:00:00.000Z'))).toBe('evaluasi');
  });

  it('without pendaftaran the end of pengumuman closes registration; without evaluasi the end of penawaran starts it', () => {
    const s: StageWindow[] = [
      { stage: 'pengumuman', s: start('2026-05-04'), e: end('2026-05-06') },
      { stage: 'penawaran', s: start('2026-05-07'), e: end('2026-05-08') },
    ];
    expect(scheduleStatus(s, at('2026-05-06T15:59:59.999Z'))).toBe('pengumuman');
    expect(scheduleStatus(s, at('2026-05-06T16:00:00.000Z'))).toBe('berlangsung');
    expect(scheduleStatus(s, at('2026-05-08T16:00:00.000Z'))).toBe('evaluasi');
    expect(scheduleStatus([], at('2026-05-08T16:00:00.000Z'))).toBeNull();
  });

  it('recorded facts move the status forward; gagal always wins; a contract ends as selesai after its period', () => {
    const now = at('2026-03-25T02:00:00Z');
    expect(effectiveStatus({ ...NO_FACTS, schedule: SCHEDULE }, now)).toBe('evaluasi');
    expect(effectiveStatus({ ...NO_FACTS, schedule: SCHEDULE, winnerName: 'CV Maju Jaya' }, now)).toBe('pemenang_ditetapkan');
    const contract = {
      ...NO_FACTS,
      schedule: SCHEDULE,
      winnerName: 'CV Maju Jaya',
      contractValue: 1_190_000_000,
      contractStartAt: start('2026-04-08'),
      contractEndAt: end('2026-09-30'),
    };
    expect(effectiveStatus(contract, now)).toBe('kontrak');
    expect(effectiveStatus(contract, at('2026-09-30T15:59:59.999Z'))).toBe('kontrak');
    expect(effectiveStatus(contract, at('2026-09-30T16:00:00.000Z'))).toBe('selesai');
    expect(effectiveStatus({ ...contract, declaredStatus: 'gagal' }, now)).toBe('gagal');
    // An export that says less than the schedule does not move the status back, nor the schedule what the source declared.
    expect(effectiveStatus({ ...NO_FACTS, schedule: SCHEDULE, declaredStatus: 'pengumuman' }, now)).toBe('evaluasi');
    expect(effectiveStatus({ ...NO_FACTS, schedule: [], declaredStatus: 'kontrak' }, now)).toBe('kontrak');
    expect(effectiveStatus({ ...NO_FACTS, schedule: [] }, now)).toBe('rencana');
  });
});

describe('the update an officer owes, the stage under way, the timeline', () => {
  it('the winner is due by the end of penetapan, the contract by the end of kontrak; nothing for contracts or failed packages', () => {
    expect(updateDueAt('evaluasi', SCHEDULE)).toBe(end('2026-03-31'));
    expect(updateDueAt('pengumuman', SCHEDULE)).toBe(end('2026-03-31'));
    expect(updateDueAt('pemenang_ditetapkan', SCHEDULE)).toBe(end('2026-04-14'));
    for (const s of ['kontrak', 'selesai', 'gagal'] as const) expect(updateDueAt(s, SCHEDULE)).toBeNull();
    expect(updateDueAt('evaluasi', [])).toBeNull();
    expect(updateDueAt('berlangsung', SCHEDULE.slice(0, 4))).toBe(end('2026-03-23T15:00'));
  });

  it('a late update makes the package late for good; a timely one keeps it on time', () => {
    const facts = { ...NO_FACTS, schedule: SCHEDULE };
    const before = deriveState(facts, at('2026-03-25T00:00:00Z'), null);
    expect(before).toMatchObject({ status: 'evaluasi', updateDueAt: end('2026-03-31'), onTime: true });
    const timely = deriveState({ ...facts, winnerName: 'CV Maju Jaya' }, at('2026-03-31T10:00:00Z'), before);
    expect(timely).toMatchObject({ status: 'pemenang_ditetapkan', onTime: true, statusChangedAt: at('2026-03-31T10:00:00Z') });
    const late = deriveState({ ...facts, winnerName: 'CV Maju Jaya' }, at('2026-04-02T10:00:00Z'), before);
    expect(late).toMatchObject({ status: 'pemenang_ditetapkan', onTime: false });
    expect(deriveState(facts, at('2026-04-05T10:00:00Z'), before)).toMatchObject({ status: 'evaluasi', statusChangedAt: before.statusChangedAt, onTime: true });
  });

  it('marks the stage under way, the nearest deadline and today on the timeline', () => {
    const now = at('2026-03-16T02:00:00Z'); // 10:00 WITA, during the explanation meeting
    expect(currentStage(SCHEDULE, now)?.stage).toBe('penjelasan');
    expect(nextDeadline(SCHEDULE, now)).toBe(end('2026-03-16T11:00'));
    expect(timeline(SCHEDULE, now).map((s) => s.state)).toEqual([
      'selesai',
      'berjalan',
      'berjalan',
      'akan datang',
      'akan datang',
      'akan datang',
      'akan datang',
      'akan datang',
    ]);
  });
});
