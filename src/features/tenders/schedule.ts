// Status by schedule: pure rules over a package's stage windows and the clock (epoch ms; WITA only matters where an
// officer typed a date — a date-only end is 23:59:59.999 WITA of that day, see ./content.ts). Tested in
// test/unit/tender-schedule.test.ts, including the minutes around midnight WITA.
import { TENDER_STAGES, TENDER_STATUSES, type TenderStage, type TenderStatus } from '../../db/schema';

/** One stage of the schedule: start and end instants (inclusive). */
export interface StageWindow {
  stage: TenderStage;
  s: number;
  e: number;
}

const STAGE_ORDER = new Map<TenderStage, number>(TENDER_STAGES.map((s, i) => [s, i]));
const STATUS_RANK = new Map<TenderStatus, number>(TENDER_STATUSES.map((s, i) => [s, i]));

/** Stage windows in stage order, one per stage (the last given wins), only well-formed ones. */
export function normalizeSchedule(windows: readonly StageWindow[]): StageWindow[] {
  const byStage = new Map<TenderStage, StageWindow>();
  for (const w of windows) {
    if (!STAGE_ORDER.has(w.stage) || !Number.isSafeInteger(w.s) || !Number.isSafeInteger(w.e) || w.e < w.s) continue;
    byStage.set(w.stage, { stage: w.stage, s: w.s, e: w.e });
  }
  return [...byStage.values()].sort((a, b) => STAGE_ORDER.get(a.stage)! - STAGE_ORDER.get(b.stage)!);
}

/** The stored `schedule_json`; anything malformed reads as no schedule. */
export function parseSchedule(json: string): StageWindow[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? normalizeSchedule(value as StageWindow[]) : [];
  } catch {
    return [];
  }
}

const windowOf = (schedule: readonly StageWindow[], stage: TenderStage) => schedule.find((w) => w.stage === stage);

/**
 * The status the schedule alone gives, or null without a schedule:
 * before the first stage → rencana; until registration closes (end of `pendaftaran`, else of `pengumuman`) →
 * pengumuman; until evaluation starts (start of `evaluasi`, else end of `penawaran`, else start of `penetapan`) →
 * berlangsung; then evaluasi — the winner, the contract and the end are facts an officer records, never the clock's.
 */
export function scheduleStatus(schedule: readonly StageWindow[], now: number): 'rencana' | 'pengumuman' | 'berlangsung' | 'evaluasi' | null {
  if (schedule.length === 0) return null;
  const first = Math.min(...schedule.map((w) => w.s));
  if (now < first) return 'rencana';
  const registrationCloses = (windowOf(schedule, 'pendaftaran') ?? windowOf(schedule, 'pengumuman'))?.e;
  if (registrationCloses !== undefined && now <= registrationCloses) return 'pengumuman';
  const evaluationStarts = windowOf(schedule, 'evaluasi')?.s ?? windowOf(schedule, 'penawaran')?.e ?? windowOf(schedule, 'penetapan')?.s;
  if (evaluationStarts === undefined || now < evaluationStarts) return 'berlangsung';
  return 'evaluasi';
}

export interface StatusFacts {
  declaredStatus: TenderStatus | null;
  schedule: readonly StageWindow[];
  winnerName: string | null;
  contractValue: number | null;
  contractStartAt: number | null;
  contractEndAt: number | null;
}

const furthest = (statuses: Array<TenderStatus | null>): TenderStatus =>
  statuses.reduce<TenderStatus>((best, s) => (s && STATUS_RANK.get(s)! > STATUS_RANK.get(best)! ? s : best), 'rencana');

/**
 * The package's status now: `gagal` when declared so; otherwise the furthest of what the source or officer declared,
 * what the schedule says, and the recorded facts (a winner → pemenang ditetapkan, a contract → kontrak, a contract
 * whose period has ended → selesai). A status never goes back because the clock or an older export says less.
 */
export function effectiveStatus(f: StatusFacts, now: number): TenderStatus {
  if (f.declaredStatus === 'gagal') return 'gagal';
  const hasContract = f.contractValue !== null || f.contractStartAt !== null;
  return furthest([
    f.declaredStatus,
    scheduleStatus(f.schedule, now),
    f.winnerName ? 'pemenang_ditetapkan' : null,
    hasContract ? 'kontrak' : null,
    hasContract && f.contractEndAt !== null && now > f.contractEndAt ? 'selesai' : null,
  ]);
}

/**
 * When an officer's update is due: the winner by the end of `penetapan` (else of the last stage), the contract by the
 * end of `kontrak`. Nothing is due for finished or failed packages, contracts (they end by their period) or packages
 * without a schedule.
 */
export function updateDueAt(status: TenderStatus, schedule: readonly StageWindow[]): number | null {
  if (status === 'gagal' || status === 'selesai' || status === 'kontrak' || schedule.length === 0) return null;
  if (status === 'pemenang_ditetapkan') return windowOf(schedule, 'kontrak')?.e ?? null;
  return windowOf(schedule, 'penetapan')?.e ?? schedule[schedule.length - 1]!.e;
}

/** The stage under way now (the latest-starting one whose window contains `now`), if any. */
export function currentStage(schedule: readonly StageWindow[], now: number): StageWindow | null {
  let found: StageWindow | null = null;
  for (const w of schedule) if (w.s <= now && now <= w.e && (!found || w.s >= found.s)) found = w;
  return found;
}

/** The next stage to start after `now`, if any. */
export function nextStage(schedule: readonly StageWindow[], now: number): StageWindow | null {
  let found: StageWindow | null = null;
  for (const w of schedule) if (w.s > now && (!found || w.s < found.s)) found = w;
  return found;
}

/** The nearest stage end still ahead (what the public list sorts by), or null. */
export function nextDeadline(schedule: readonly StageWindow[], now: number): number | null {
  const ends = schedule.map((w) => w.e).filter((e) => e >= now);
  return ends.length ? Math.min(...ends) : null;
}

export type TimelineState = 'selesai' | 'berjalan' | 'akan datang';

/** Each stage with its state at `now`, in stage order (oldest first, as citizens read a timeline). */
export function timeline(schedule: readonly StageWindow[], now: number): Array<StageWindow & { state: TimelineState }> {
  return schedule.map((w) => ({ ...w, state: now > w.e ? 'selesai' : now >= w.s ? 'berjalan' : 'akan datang' }));
}

/**
 * What a package's "Perlu tindakan"/monitoring state is after a write at `now`: the status, its due update and
 * whether it is still on time (an expected update that arrives after its due time makes it late, once and for good).
 */
export function deriveState(
  facts: StatusFacts,
  now: number,
  previous: { status: TenderStatus; updateDueAt: number | null; statusChangedAt: number; onTime: boolean } | null,
) {
  const status = effectiveStatus(facts, now);
  const due = updateDueAt(status, facts.schedule);
  const changed = !previous || previous.status !== status;
  const lateNow = previous !== null && previous.updateDueAt !== null && now > previous.updateDueAt && due !== previous.updateDueAt;
  return {
    status,
    updateDueAt: due,
    statusChangedAt: changed ? now : previous.statusChangedAt,
    onTime: previous ? previous.onTime && !lateNow : true,
  };
}
