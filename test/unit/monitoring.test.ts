import { describe, expect, it } from 'vitest';
import type { ChecklistItemRow } from '../../src/db/schema';
import { FEATURES } from '../../src/features';
import { deadlineSourcesOf } from '../../src/features/descriptor';
import { partnerDeadlineTitle } from '../../src/features/monitoring/api';
import { concerns } from '../../src/features/monitoring/audience';
import { freshnessOf, nextFreshSince, thresholdsFor } from '../../src/features/monitoring/freshness';
import { PUBLIC_RELATIVE_MAX_DAYS } from '../../src/regions/freshness';
import { SettingsForm, webhookUrlProblem } from '../../src/features/monitoring/schemas';
import { handoverReady, regionScore, rollupScores } from '../../src/features/monitoring/score';
import { DEFAULT_SETTINGS, requirementsFor } from '../../src/features/monitoring/settings';
import { escalationOf } from '../../src/features/monitoring/jobs/deadline-scan';
import { holidayCalendar } from '../../src/lib/working-days';

const DAY = 86_400_000;
const wita = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);

describe('freshness', () => {
  const desa = thresholdsFor(DEFAULT_SETTINGS, 'desa');
  const now = wita('2026-06-30 01:00');
  it('uses whole WITA days and the level thresholds (kelurahan = desa)', () => {
    expect(thresholdsFor(DEFAULT_SETTINGS, 'kelurahan')).toEqual(desa);
    expect(freshnessOf(now - 30 * DAY, now, desa)).toBe('segar');
    expect(freshnessOf(now - 31 * DAY, now, desa)).toBe('perlu_pembaruan');
    expect(freshnessOf(now - 60 * DAY, now, desa)).toBe('perlu_pembaruan');
    expect(freshnessOf(now - 61 * DAY, now, desa)).toBe('usang');
    expect(freshnessOf(null, now, desa)).toBe('usang');
    // 23:59 WITA yesterday is one day ago, not zero, at 01:00 today.
    expect(freshnessOf(wita('2026-05-30 23:59'), now, { freshDays: 30, staleDays: 60 })).toBe('perlu_pembaruan');
    expect(freshnessOf(wita('2026-05-31 00:00'), now, { freshDays: 30, staleDays: 60 })).toBe('segar');
    expect(freshnessOf(now + DAY, now, desa)).toBe('segar');
  });
  it('keeps the fresh streak only while fresh', () => {
    expect(nextFreshSince(undefined, 'segar', 5)).toBe(5);
    expect(nextFreshSince({ freshness: 'segar', freshSince: 1 }, 'segar', 5)).toBe(1);
    expect(nextFreshSince({ freshness: 'usang', freshSince: null }, 'segar', 5)).toBe(5);
    expect(nextFreshSince({ freshness: 'segar', freshSince: 1 }, 'perlu_pembaruan', 5)).toBeNull();
  });
});

describe('score and rollups', () => {
  const none = { freshness: null, checklistTotal: null, checklistDone: null, deadlinesClosed: null, deadlinesClosedOnTime: null, deadlinesOverdue: null };
  it('weights 40/30/30 and rescales when a part is unknown', () => {
    expect(regionScore(none)).toBeNull();
    expect(regionScore({ ...none, freshness: 'perlu_pembaruan' })).toBe(50);
    expect(regionScore({ freshness: 'segar', checklistTotal: 4, checklistDone: 2, deadlinesClosed: 3, deadlinesClosedOnTime: 2, deadlinesOverdue: 1 })).toBe(
      Math.round(40 + 15 + 30 * (2 / 4)),
    );
    expect(regionScore({ freshness: 'usang', checklistTotal: 0, checklistDone: 0, deadlinesClosed: 0, deadlinesClosedOnTime: 0, deadlinesOverdue: 0 })).toBe(
      60,
    );
  });
  it('rolls up as the mean of each subtree', () => {
    const r = rollupScores([
      { code: '64.08', score: 100 },
      { code: '64.08.04', score: 40 },
      { code: '64.08.04.2011', score: 80 },
      { code: '64.08.04.2012', score: null },
      { code: '64.08.05', score: 10 },
    ]);
    expect(r.get('64.08.04')).toBe(60);
    expect(r.get('64.08.04.2012')).toBeNull();
    expect(r.get('64.08.04.2011')).toBe(80);
    expect(r.get('64.08')).toBe(Math.round((100 + 40 + 80 + 10) / 4));
  });
  it('suggests handover only for a pendampingan region fresh and on time for the whole period', () => {
    const now = 1_000 * DAY;
    const ok = {
      stage: 'pendampingan' as const,
      freshness: 'segar' as const,
      freshSince: now - 90 * DAY,
      onTimeSince: now - 91 * DAY,
      deadlinesOverdue: 0,
      deadlinesClosed: 4,
      deadlinesClosedOnTime: 4,
    };
    expect(handoverReady(ok, 90, now)).toBe(true);
    expect(handoverReady({ ...ok, stage: 'mandiri' }, 90, now)).toBe(false);
    expect(handoverReady({ ...ok, freshSince: now - 89 * DAY }, 90, now)).toBe(false);
    expect(handoverReady({ ...ok, deadlinesClosedOnTime: 3 }, 90, now)).toBe(false);
    expect(handoverReady({ ...ok, onTimeSince: null }, 90, now)).toBe(false);
  });
});

describe('deadline escalation across holidays', () => {
  const cal = holidayCalendar(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
  const due = wita('2026-03-17 23:59') + 59_999;
  it('counts working days, so the Lebaran holidays do not escalate an item to Diskominfo', () => {
    expect(escalationOf(due, wita('2026-03-17 08:00'), cal, 3)).toBe('mendekati');
    expect(escalationOf(due, wita('2026-03-23 09:00'), cal, 3)).toBe('lewat');
    expect(escalationOf(due, wita('2026-03-26 09:00'), cal, 3)).toBe('lewat');
    expect(escalationOf(due, wita('2026-03-27 09:00'), cal, 3)).toBe('lewat_lama');
    expect(escalationOf(wita('2026-03-26 23:59'), wita('2026-03-23 09:00'), cal, 3)).toBeNull();
  });
});

describe('who a flag concerns', () => {
  const flag = (over: Partial<{ regionCode: string; audienceCode: string; kind: string; source: string | null }>) => ({
    regionCode: '64.08.04.2012',
    audienceCode: '64.08.04.2012',
    kind: 'tenggat',
    source: 'pengaduan',
    ...over,
  });
  it('follows escalation upward for deadlines and the stage for content', () => {
    const opKec = { role: 'operator_kecamatan' as const, regionCode: '64.08.04' };
    const opDesa = { role: 'operator_desa' as const, regionCode: '64.08.04.2012' };
    const dk = { role: 'diskominfo' as const, regionCode: '64.08' };
    const handler = { role: 'penanganan_pengaduan' as const, regionCode: '64.08.04' };
    expect(concerns(opKec, flag({}), 'mandiri')).toBe(false);
    expect(concerns(opKec, flag({ audienceCode: '64.08.04' }), 'mandiri')).toBe(true);
    expect(concerns(dk, flag({ audienceCode: '64.08.04' }), 'mandiri')).toBe(false);
    expect(concerns(dk, flag({ audienceCode: '64.08' }), 'mandiri')).toBe(true);
    expect(concerns(handler, flag({}), 'mandiri')).toBe(true);
    expect(concerns(handler, flag({ source: 'ppid' }), 'mandiri')).toBe(false);
    expect(concerns({ role: 'operator_desa', regionCode: '64.08.04.2011' }, flag({ audienceCode: '64.08' }), 'mandiri')).toBe(false);
    const content = flag({ kind: 'kesegaran', source: null });
    expect(concerns(opDesa, content, 'pendampingan')).toBe(true);
    expect(concerns(opDesa, content, 'diskominfo')).toBe(false);
    expect(concerns(opKec, content, 'pendampingan')).toBe(false);
    expect(concerns(dk, content, 'diskominfo')).toBe(false);
    expect(concerns({ role: 'ppid', regionCode: '64.08.04.2012' }, flag({ kind: 'kelengkapan', source: 'profil_ppid' }), 'diskominfo')).toBe(true);
  });
});

describe('settings validation', () => {
  const base = {
    kabupaten_fresh_days: '7',
    kabupaten_stale_days: '21',
    kecamatan_fresh_days: '14',
    kecamatan_stale_days: '30',
    desa_fresh_days: '30',
    desa_stale_days: '60',
    readiness_days: '90',
    escalate_after_days: '3',
  };
  it('accepts https webhooks and http only to this machine', () => {
    expect(webhookUrlProblem('https://wa.contoh.id/kirim?token=x')).toBeNull();
    expect(webhookUrlProblem('http://localhost:9000/h')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1/h')).toBeNull();
    expect(webhookUrlProblem('http://[::1]:8080/h')).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.1/h')).not.toBeNull();
    expect(webhookUrlProblem('ftp://contoh.id/')).not.toBeNull();
    expect(webhookUrlProblem('https://a:b@contoh.id/')).not.toBeNull();
    expect(webhookUrlProblem(`https://contoh.id/${'a'.repeat(600)}`)).not.toBeNull();
    expect(webhookUrlProblem('https://contoh.id/ x')).not.toBeNull();
  });
  it('needs usang above segar and above the public relative-date window', () => {
    expect(SettingsForm.safeParse(base).success).toBe(true);
    expect(SettingsForm.safeParse({ ...base, desa_stale_days: '30' }).success).toBe(false);
    expect(SettingsForm.safeParse({ ...base, kabupaten_fresh_days: '2', kabupaten_stale_days: String(PUBLIC_RELATIVE_MAX_DAYS) }).success).toBe(false);
    expect(SettingsForm.safeParse({ ...base, digest_enabled: '1' }).success).toBe(false);
    const parsed = SettingsForm.parse({ ...base, enabled: '1' });
    expect(parsed.enabled).toBe(true);
    expect(parsed.digest_enabled).toBe(false);
  });
});

describe('checklist requirements', () => {
  const item = (over: Partial<ChecklistItemRow>): ChecklistItemRow => ({
    id: 'x',
    level: 'desa',
    kind: 'dokumen',
    label: 'APBDes',
    categories: 'apbdes',
    titleContains: null,
    yearOffset: 0,
    pageSlug: null,
    fromYear: null,
    untilYear: null,
    isActive: true,
    sortOrder: 0,
    updatedAt: 0,
    ...over,
  });
  it('uses the WITA year (01:00 WITA on 1 January is already the new year) and the validity years', () => {
    const newYear = Date.parse('2026-12-31T17:00:00Z'); // 1 Jan 2027 01:00 WITA
    expect(requirementsFor([item({})], 'desa', newYear).map((r) => r.key)).toEqual(['ceklis:x:2027']);
    expect(requirementsFor([item({ yearOffset: -1 })], 'desa', newYear)[0]?.label).toBe('APBDes (2026)');
    expect(requirementsFor([item({ yearOffset: null })], 'desa', newYear)[0]?.key).toBe('ceklis:x:semua');
    expect(requirementsFor([item({ untilYear: 2026 })], 'desa', newYear)).toHaveLength(0);
    expect(requirementsFor([item({ isActive: false })], 'desa', newYear)).toHaveLength(0);
    expect(requirementsFor([item({})], 'kelurahan', newYear)).toHaveLength(0);
  });
});

describe('partner titles', () => {
  // The labels of the registered deadline sources, as the API builds them.
  const LABELS = new Map(deadlineSourcesOf(FEATURES).map((s) => [s.name, s.label]));

  it('drops the reference number', () => {
    expect(partnerDeadlineTitle(LABELS, 'pengaduan', 'Pengaduan ADU-7K3Q-9XPD: Verifikasi pengaduan')).toBe('Pengaduan: Verifikasi pengaduan');
    expect(partnerDeadlineTitle(LABELS, 'ppid', 'Permohonan informasi PPID-AB12-CD34: Jawaban permohonan informasi')).toBe(
      'Permohonan informasi: Jawaban permohonan informasi',
    );
    expect(partnerDeadlineTitle(LABELS, null, 'x')).toBe('Batas waktu');
  });
});
