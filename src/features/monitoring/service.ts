import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { monitoringChecklist, monitoringSettings, type MonitoringJob, type MonitoringSettingsRow } from '../../db/schema';
import type { Bindings } from '../../env';
import type { DeadlineSource } from '../deadlines';
import { AppError } from '../../lib/errors';
import { randomString } from '../../lib/ids';
import { authorize } from '../../regions/guard';
import { rootRegionCode } from '../../regions/repo';
import { runMonitoringJobNow } from './jobs/index';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { JOB_LABELS } from './labels';
import type { RunResult } from './runs';
import { CHECKLIST_YEARS, type ChecklistItemInput, type SettingsInput } from './schemas';
import { findChecklistItem, loadSettings } from './settings';

/** Settings, checklist and manual runs are regency-level: Diskominfo only (`settings.manage` on the regency). */
async function authorizeRegency(db: Db, ctx: ActionContext): Promise<string> {
  const root = await rootRegionCode(db);
  await authorize(db, ctx.actor, 'settings.manage', root);
  return root;
}

/** For the audit log: the webhook URL may carry a token, so only its host is recorded. */
function auditable(s: Omit<MonitoringSettingsRow, 'id' | 'updatedAt' | 'updatedBy'>) {
  const { webhookUrl, ...rest } = s;
  let host: string | null = null;
  if (webhookUrl) host = URL.canParse(webhookUrl) ? new URL(webhookUrl).host : '(tidak valid)';
  return { ...rest, webhookHost: host };
}

export async function saveSettings(db: Db, input: SettingsInput, ctx: ActionContext): Promise<void> {
  const root = await authorizeRegency(db, ctx);
  const before = await loadSettings(db);
  const values = {
    enabled: input.enabled,
    kabupatenFreshDays: input.kabupaten_fresh_days,
    kabupatenStaleDays: input.kabupaten_stale_days,
    kecamatanFreshDays: input.kecamatan_fresh_days,
    kecamatanStaleDays: input.kecamatan_stale_days,
    desaFreshDays: input.desa_fresh_days,
    desaStaleDays: input.desa_stale_days,
    readinessDays: input.readiness_days,
    escalateAfterDays: input.escalate_after_days,
    digestEnabled: input.digest_enabled,
    webhookUrl: input.webhook_url || null,
  };
  const { id: _id, updatedAt: _u, updatedBy: _b, ...prev } = before;
  await db.batch([
    db
      .insert(monitoringSettings)
      .values({ id: 1, ...values, updatedAt: ctx.now, updatedBy: ctx.actor.id })
      .onConflictDoUpdate({ target: monitoringSettings.id, set: { ...values, updatedAt: ctx.now, updatedBy: ctx.actor.id } }),
    auditInsert(db, ctx, {
      action: 'monitoring.settings',
      regionCode: root,
      entityType: 'monitoring_settings',
      entityId: '1',
      summary: 'Pengaturan pemantauan diubah',
      before: auditable(prev),
      after: auditable(values),
    }),
  ]);
}

export async function addChecklistItem(db: Db, input: ChecklistItemInput, ctx: ActionContext): Promise<string> {
  const root = await authorizeRegency(db, ctx);
  const id = `${input.level.slice(0, 4)}-${randomString(8, 'abcdefghijkmnpqrstuvwxyz23456789')}`;
  const row = {
    id,
    level: input.level,
    kind: input.kind,
    label: input.label,
    categories: input.kind === 'dokumen' ? input.categories.join(' ') : null,
    titleContains: input.kind === 'dokumen' ? (input.title_contains ?? null) : null,
    yearOffset: input.kind === 'dokumen' ? CHECKLIST_YEARS[input.year] : null,
    pageSlug: input.kind === 'halaman' ? (input.page_slug ?? null) : null,
    fromYear: input.from_year ?? null,
    untilYear: input.until_year ?? null,
    isActive: true,
    sortOrder: 100,
    updatedAt: ctx.now,
  };
  await db.batch([
    db.insert(monitoringChecklist).values(row),
    auditInsert(db, ctx, {
      action: 'monitoring.checklist.add',
      regionCode: root,
      entityType: 'monitoring_checklist',
      entityId: id,
      summary: `Item wajib ditambahkan (${input.level}): ${input.label}`,
      after: row,
    }),
  ]);
  return id;
}

export async function setChecklistItemActive(db: Db, id: string, active: boolean, ctx: ActionContext): Promise<void> {
  const root = await authorizeRegency(db, ctx);
  const item = await findChecklistItem(db, id);
  if (!item) throw new AppError('not_found', 'Item daftar wajib tidak ditemukan.');
  if (item.isActive === active) return;
  await db.batch([
    db.update(monitoringChecklist).set({ isActive: active, updatedAt: ctx.now }).where(eq(monitoringChecklist.id, id)),
    auditInsert(db, ctx, {
      action: 'monitoring.checklist.toggle',
      regionCode: root,
      entityType: 'monitoring_checklist',
      entityId: id,
      summary: `Item wajib ${active ? 'diaktifkan' : 'dinonaktifkan'}: ${item.label}`,
      before: { isActive: item.isActive },
      after: { isActive: active },
    }),
  ]);
}

/** A manual run from the dashboard: audited in the same batch as its run-history row, then run synchronously. */
export async function triggerJob(
  deps: { db: Db; env: Bindings; deadlineSources: readonly DeadlineSource[] },
  job: MonitoringJob,
  ctx: ActionContext,
): Promise<RunResult> {
  const { db, env, deadlineSources } = deps;
  const root = await authorizeRegency(db, ctx);
  const audit = auditInsert(db, ctx, {
    action: 'monitoring.run',
    regionCode: root,
    entityType: 'monitoring_job',
    entityId: job,
    summary: `Menjalankan: ${JOB_LABELS[job]}`,
  });
  return runMonitoringJobNow({ db, env, now: ctx.now, trigger: 'manual', cron: null, userId: ctx.actor.id, deadlineSources }, job, audit);
}
