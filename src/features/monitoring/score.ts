import type { FreshnessState, ManagementStage } from '../../db/schema';
import { ancestorCodes } from '../../regions/codes';
import { DAY_MS } from '../../lib/time';

/**
 * The region score (0–100), documented for Diskominfo on the monitoring page:
 *
 *   score = 40 × F + 30 × C + 30 × D
 *   F (freshness)     segar = 1, perlu pembaruan = 0.5, usang = 0
 *   C (completeness)  mandatory checklist items present ÷ items required (1 when the level requires none)
 *   D (deadlines met) items handled on time ÷ (items handled in the period + items open past their deadline);
 *                     1 when there were none. The period is the readiness period (default 90 days).
 *
 * A part that no job has computed yet is left out and the remaining weights are scaled to 100; no part at all gives
 * no score. The rollup of a region is the plain mean of the scores in its subtree: a desa's rollup is its own score,
 * a kecamatan's is the mean of itself and its desa/kelurahan, the regency's is the mean of every region.
 */
export const SCORE_WEIGHTS = { freshness: 40, completeness: 30, deadlines: 30 } as const;

export const FRESHNESS_VALUE: Record<FreshnessState, number> = { segar: 1, perlu_pembaruan: 0.5, usang: 0 };

export interface ScoreParts {
  freshness: FreshnessState | null;
  checklistTotal: number | null;
  checklistDone: number | null;
  deadlinesClosed: number | null;
  deadlinesClosedOnTime: number | null;
  deadlinesOverdue: number | null;
}

export function regionScore(p: ScoreParts): number | null {
  let weight = 0;
  let sum = 0;
  if (p.freshness) {
    weight += SCORE_WEIGHTS.freshness;
    sum += SCORE_WEIGHTS.freshness * FRESHNESS_VALUE[p.freshness];
  }
  if (p.checklistTotal !== null && p.checklistDone !== null) {
    weight += SCORE_WEIGHTS.completeness;
    sum += SCORE_WEIGHTS.completeness * (p.checklistTotal === 0 ? 1 : Math.min(1, p.checklistDone / p.checklistTotal));
  }
  if (p.deadlinesClosed !== null && p.deadlinesClosedOnTime !== null && p.deadlinesOverdue !== null) {
    const total = p.deadlinesClosed + p.deadlinesOverdue;
    weight += SCORE_WEIGHTS.deadlines;
    sum += SCORE_WEIGHTS.deadlines * (total === 0 ? 1 : p.deadlinesClosedOnTime / total);
  }
  return weight === 0 ? null : Math.round((sum / weight) * 100);
}

/** Mean score of each region's subtree (itself and every descendant that has a score). */
export function rollupScores(rows: ReadonlyArray<{ code: string; score: number | null }>): Map<string, number | null> {
  const acc = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    if (r.score === null) continue;
    for (const code of [r.code, ...ancestorCodes(r.code)]) {
      const a = acc.get(code) ?? { sum: 0, n: 0 };
      a.sum += r.score;
      a.n += 1;
      acc.set(code, a);
    }
  }
  const out = new Map<string, number | null>();
  for (const r of rows) {
    const a = acc.get(r.code);
    out.set(r.code, a ? Math.round(a.sum / a.n) : null);
  }
  return out;
}

export interface ReadinessInput {
  stage: ManagementStage;
  freshness: FreshnessState | null;
  freshSince: number | null;
  onTimeSince: number | null;
  deadlinesOverdue: number | null;
  deadlinesClosed: number | null;
  deadlinesClosedOnTime: number | null;
}

/**
 * Handover hint: a `pendampingan` region whose content has stayed `segar` without interruption for the whole
 * readiness period, with no item past its deadline during that period (the hourly scan saw none, and every item
 * handled within the period was handled on time). Only a hint: the stage change stays a human decision.
 */
export function handoverReady(s: ReadinessInput, readinessDays: number, now: number): boolean {
  const since = now - readinessDays * DAY_MS;
  return (
    s.stage === 'pendampingan' &&
    s.freshness === 'segar' &&
    s.freshSince !== null &&
    s.freshSince <= since &&
    s.onTimeSince !== null &&
    s.onTimeSince <= since &&
    (s.deadlinesOverdue ?? 0) === 0 &&
    (s.deadlinesClosed ?? 0) === (s.deadlinesClosedOnTime ?? 0)
  );
}
