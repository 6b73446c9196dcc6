import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { digestDeliveries, monitoringFlags, monitoringRegionStatus, regions, type DigestDeliveryRow, type MonitoringSettingsRow } from '../../db/schema';
import { sha256Hex } from '../../lib/encoding';
import { newId } from '../../lib/ids';
import { failedRunsSince } from '../../lib/job-runs';
import { DAY_MS, toIsoUtc, witaDateKey } from '../../lib/time';
import type { Counts } from './runs';
import { send } from '../../messaging/channels';
import type { MessagingConfig } from '../../messaging/config';

/**
 * The optional daily digest: a JSON summary POSTed to the webhook Diskominfo configures (an email or WhatsApp
 * gateway). Rules:
 * - one delivery row per (target, WITA day): the digest of a day is built once, stored, and delivered at most once;
 * - each run tries up to MAX_ATTEMPTS_PER_RUN times with backoff (RETRY_DELAYS_MS); a 4xx other than 408/429 stops
 *   the run's attempts (the gateway refused it, trying again at once will not help);
 * - undelivered digests are retried by later runs (hourly) for RETRY_DAYS days or MAX_TOTAL_ATTEMPTS attempts, then
 *   marked `gagal`;
 * - every attempt sends the same body and the same Idempotency-Key, so a gateway that saw an attempt whose response
 *   was lost can drop the repeat; a short lease stops two overlapping runs from sending the same row.
 * The payload has counts, region names and ticket-free deadline facts only: no personal data.
 */
export const MAX_ATTEMPTS_PER_RUN = 3;
export const RETRY_DELAYS_MS = [500, 1_500] as const;
export const MAX_TOTAL_ATTEMPTS = 12;
export const RETRY_DAYS = 2;
export const LEASE_MS = 2 * 60 * 1000;

export interface DigestDeps {
  db: Db;
  now: number;
  fetch: typeof fetch;
  /** The messaging kit's configuration (webhook signing secret): the digest goes through its webhook adapter. */
  messaging: MessagingConfig;
  sleep: (ms: number) => Promise<void>;
  portalName: string;
  /** Absolute origin for the link in the digest ('' when unknown). */
  origin: string;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function targetOf(url: string): Promise<{ hash: string; host: string }> {
  return { hash: await sha256Hex(url), host: new URL(url).host };
}

export async function buildDigest(db: Db, now: number, portalName: string, origin: string) {
  const [statusRows, overdue, failedJobs] = await Promise.all([
    db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
        freshness: monitoringRegionStatus.freshness,
        checklistTotal: monitoringRegionStatus.checklistTotal,
        checklistDone: monitoringRegionStatus.checklistDone,
        near: monitoringRegionStatus.deadlinesNear,
        overdue: monitoringRegionStatus.deadlinesOverdue,
        long: monitoringRegionStatus.deadlinesLongOverdue,
        score: monitoringRegionStatus.score,
        rollup: monitoringRegionStatus.rollupScore,
      })
      .from(regions)
      .leftJoin(monitoringRegionStatus, eq(monitoringRegionStatus.regionCode, regions.code))
      .orderBy(asc(regions.code))
      .all(),
    db
      .select({
        regionCode: monitoringFlags.regionCode,
        regionName: regions.name,
        source: monitoringFlags.source,
        state: monitoringFlags.state,
        dueAt: monitoringFlags.subjectAt,
      })
      .from(monitoringFlags)
      .innerJoin(regions, eq(regions.code, monitoringFlags.regionCode))
      .where(and(eq(monitoringFlags.kind, 'tenggat'), isNull(monitoringFlags.resolvedAt), inArray(monitoringFlags.state, ['lewat', 'lewat_lama'])))
      .orderBy(asc(monitoringFlags.subjectAt))
      .limit(50)
      .all(),
    failedRunsSince(db, now - DAY_MS),
  ]);
  const summary = {
    regions: statusRows.length,
    segar: 0,
    perlu_pembaruan: 0,
    usang: 0,
    incomplete: 0,
    deadlines_near: 0,
    deadlines_overdue: 0,
    deadlines_long_overdue: 0,
  };
  const staleByKec = new Map<string, number>();
  for (const r of statusRows) {
    if (r.freshness) summary[r.freshness]++;
    if ((r.checklistDone ?? 0) < (r.checklistTotal ?? 0)) summary.incomplete++;
    summary.deadlines_near += r.near ?? 0;
    summary.deadlines_overdue += r.overdue ?? 0;
    summary.deadlines_long_overdue += r.long ?? 0;
    if (r.freshness === 'usang' && (r.level === 'desa' || r.level === 'kelurahan') && r.parentCode)
      staleByKec.set(r.parentCode, (staleByKec.get(r.parentCode) ?? 0) + 1);
  }
  const date = witaDateKey(now);
  return {
    type: 'pemantauan.ringkasan_harian',
    date,
    portal: portalName,
    generated_at: toIsoUtc(now),
    url: origin ? `${origin}/admin/pemantauan` : null,
    text:
      `${portalName} — ringkasan ${date}: ${summary.usang} wilayah usang, ${summary.perlu_pembaruan} perlu pembaruan, ` +
      `${summary.incomplete} belum lengkap, ${summary.deadlines_overdue} lewat batas waktu (${summary.deadlines_long_overdue} ke Diskominfo).` +
      (failedJobs.length ? ` ${failedJobs.length} tugas terjadwal gagal dalam 24 jam terakhir (lihat /admin/status).` : ''),
    summary,
    kecamatan: statusRows
      .filter((r) => r.level === 'kecamatan')
      .map((r) => ({ code: r.code, name: r.name, score: r.score, rollup_score: r.rollup, stale_villages: staleByKec.get(r.code) ?? 0 })),
    failed_jobs: failedJobs.map((r) => ({ job: r.job, started_at: toIsoUtc(r.startedAt), error: r.error })),
    overdue: overdue.map((f) => ({
      region_code: f.regionCode,
      region_name: f.regionName,
      source: f.source,
      state: f.state,
      due_at: f.dueAt === null ? null : toIsoUtc(f.dueAt),
    })),
  };
}

/** Daily run: builds (once) and delivers today's digest for the configured target. */
export async function sendDailyDigest(deps: DigestDeps, settings: MonitoringSettingsRow): Promise<{ counts: Counts; skipped?: string }> {
  if (!settings.digestEnabled || !settings.webhookUrl) return { counts: {}, skipped: 'Ringkasan harian tidak aktif atau alamat webhook kosong.' };
  const { db, now } = deps;
  const date = witaDateKey(now);
  const target = await targetOf(settings.webhookUrl);
  const find = () =>
    db
      .select()
      .from(digestDeliveries)
      .where(and(eq(digestDeliveries.targetHash, target.hash), eq(digestDeliveries.digestDate, date)))
      .get();
  let row = await find();
  if (!row) {
    const payload = await buildDigest(db, now, deps.portalName, deps.origin);
    await db
      .insert(digestDeliveries)
      .values({
        id: newId(now),
        digestDate: date,
        targetHash: target.hash,
        targetHost: target.host,
        idempotencyKey: `ringkasan-${date}-${target.hash.slice(0, 16)}`,
        payloadJson: JSON.stringify(payload),
        status: 'tertunda',
        attempts: 0,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      })
      .onConflictDoNothing()
      .run();
    row = await find();
  }
  if (!row) throw new Error('digest delivery row missing');
  if (row.status !== 'tertunda') return { counts: { sudah_terkirim: row.status === 'terkirim' ? 1 : 0, gagal: row.status === 'gagal' ? 1 : 0 } };
  const out = await deliver(deps, row, settings.webhookUrl);
  return { counts: { [out.status]: 1, percobaan: out.attempts } };
}

/** Hourly run: retries undelivered digests of the last RETRY_DAYS days; older ones are given up. */
export async function retryPendingDigests(deps: DigestDeps, settings: MonitoringSettingsRow): Promise<Counts | null> {
  const { db, now } = deps;
  const oldest = witaDateKey(now - RETRY_DAYS * DAY_MS);
  const expired = await db
    .update(digestDeliveries)
    .set({ status: 'gagal', lastError: 'Batas waktu pengiriman ulang terlewati.', updatedAt: Date.now() })
    .where(and(eq(digestDeliveries.status, 'tertunda'), lt(digestDeliveries.digestDate, oldest)))
    .run();
  const pending = await db
    .select()
    .from(digestDeliveries)
    .where(
      and(
        eq(digestDeliveries.status, 'tertunda'),
        gte(digestDeliveries.digestDate, oldest),
        or(isNull(digestDeliveries.leaseUntil), lt(digestDeliveries.leaseUntil, Date.now())),
      ),
    )
    .orderBy(asc(digestDeliveries.digestDate))
    .all();
  if (pending.length === 0) return expired.meta.changes ? { gagal: expired.meta.changes } : null;
  const counts: Counts = { terkirim: 0, tertunda: 0, gagal: expired.meta.changes ?? 0, percobaan: 0 };
  const current = settings.webhookUrl ? await targetOf(settings.webhookUrl) : null;
  for (const row of pending) {
    if (!settings.webhookUrl || !current || current.hash !== row.targetHash) {
      await db
        .update(digestDeliveries)
        .set({ status: 'gagal', lastError: 'Alamat webhook sudah diganti atau dikosongkan.', updatedAt: Date.now() })
        .where(eq(digestDeliveries.id, row.id))
        .run();
      counts.gagal!++;
      continue;
    }
    const out = await deliver(deps, row, settings.webhookUrl);
    counts[out.status] = (counts[out.status] ?? 0) + 1;
    counts.percobaan! += out.attempts;
  }
  return counts;
}

type DeliveryOutcome = { status: 'terkirim' | 'tertunda' | 'gagal' | 'sibuk'; attempts: number };

async function deliver(deps: DigestDeps, row: DigestDeliveryRow, url: string): Promise<DeliveryOutcome> {
  const { db } = deps;
  const claimedAt = Date.now();
  const claim = await db
    .update(digestDeliveries)
    .set({ leaseUntil: claimedAt + LEASE_MS })
    .where(
      and(
        eq(digestDeliveries.id, row.id),
        eq(digestDeliveries.status, 'tertunda'),
        or(isNull(digestDeliveries.leaseUntil), lt(digestDeliveries.leaseUntil, claimedAt)),
      ),
    )
    .run();
  if (!claim.meta.changes) return { status: 'sibuk', attempts: 0 };

  let attempts = 0;
  let lastStatus: number | null = null;
  let lastError: string | null = null;
  let delivered = false;
  while (attempts < MAX_ATTEMPTS_PER_RUN && row.attempts + attempts < MAX_TOTAL_ATTEMPTS) {
    if (attempts > 0) await deps.sleep(RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? 0);
    attempts++;
    const result = await send(
      { subject: 'Ringkasan harian', text: '', idempotencyKey: row.idempotencyKey, data: JSON.parse(row.payloadJson) },
      { kind: 'webhook', url },
      { config: deps.messaging, fetch: deps.fetch },
    );
    lastStatus = result.status;
    if (result.ok) {
      delivered = true;
      lastError = null;
      break;
    }
    lastError = result.error;
    if (!result.retryable) break;
  }
  const total = row.attempts + attempts;
  const status = delivered ? 'terkirim' : total >= MAX_TOTAL_ATTEMPTS ? 'gagal' : 'tertunda';
  const at = Date.now();
  await db
    .update(digestDeliveries)
    .set({
      status,
      attempts: sql`${digestDeliveries.attempts} + ${attempts}`,
      lastStatus,
      lastError,
      leaseUntil: null,
      updatedAt: at,
      deliveredAt: delivered ? at : null,
    })
    .where(eq(digestDeliveries.id, row.id))
    .run();
  return { status, attempts };
}

export async function hasPendingDigests(db: Db): Promise<boolean> {
  return (await db.select({ id: digestDeliveries.id }).from(digestDeliveries).where(eq(digestDeliveries.status, 'tertunda')).limit(1).get()) !== undefined;
}

export async function recentDeliveries(db: Db, limit = 10) {
  return db
    .select({
      id: digestDeliveries.id,
      date: digestDeliveries.digestDate,
      host: digestDeliveries.targetHost,
      status: digestDeliveries.status,
      attempts: digestDeliveries.attempts,
      lastStatus: digestDeliveries.lastStatus,
      lastError: digestDeliveries.lastError,
      deliveredAt: digestDeliveries.deliveredAt,
    })
    .from(digestDeliveries)
    .orderBy(sql`${digestDeliveries.digestDate} DESC`)
    .limit(limit)
    .all();
}
