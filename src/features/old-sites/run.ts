import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import type { Db } from '../../db/client';
import { regionHosts, type ImportJobRow } from '../../db/schema';
import type { Bindings } from '../../env';
import { AppError } from '../../lib/errors';
import { authorize } from '../../regions/guard';
import { normalizeHost } from '../../regions/old-links';
import { eq } from 'drizzle-orm';
import type { ImportTargets } from '../import-targets';
import { importItem, type ItemRun } from './items-import';
import type { Fetcher } from './media';
import { itemsKey, type StoredItems } from './preview';
import { claimJob, findJob, saveResult, updateJob } from './repo';

/**
 * Steps 2 and 3 of an import: start it after the preview, then run it in bounded chunks — at most `items` items and,
 * between items, at most `fetches` files fetched — each chunk under a short lease so two never run at once. The cursor
 * moves in the same D1 batch as each item's result, so an interrupted chunk (closed tab, timeout, deploy) resumes at
 * the next unfinished item; items are idempotent, so one redone after a crash changes nothing.
 */
export interface RunDeps {
  db: Db;
  env: Bindings;
  fetch: Fetcher;
  targets: ImportTargets;
}

export interface ChunkLimits {
  items: number;
  fetches: number;
}

export const DEFAULT_CHUNK: ChunkLimits = { items: 10, fetches: 25 };
const LEASE_MS = 120_000;

type Counts = Record<string, number>;

async function loadFor(db: Db, id: string, ctx: ActionContext) {
  const found = await findJob(db, id);
  if (!found) throw new AppError('not_found', 'Impor tidak ditemukan.');
  await authorize(db, ctx.actor, 'site.migrate', found.job.regionCode);
  return found;
}

export async function startImport(db: Db, id: string, ctx: ActionContext): Promise<void> {
  const { job } = await loadFor(db, id, ctx);
  if (job.status !== 'pratinjau') throw new AppError('conflict', 'Impor ini sudah dimulai atau sudah selesai.');
  await db.batch([
    updateJob(db, id, { status: 'berjalan', updatedAt: ctx.now }),
    auditInsert(db, ctx, {
      action: 'import.start',
      regionCode: job.regionCode,
      entityType: 'import',
      entityId: id,
      summary: `Memulai impor ${job.format.toUpperCase()} (${job.total} item)${job.publishDirectly ? ', terbit langsung' : ''}`,
    }),
  ]);
}

export async function cancelImport(deps: { db: Db; env: Pick<Bindings, 'FILES'> }, id: string, ctx: ActionContext): Promise<void> {
  const { job } = await loadFor(deps.db, id, ctx);
  if (job.status !== 'pratinjau' && job.status !== 'berjalan') throw new AppError('conflict', 'Impor ini sudah selesai.');
  await deps.db.batch([
    updateJob(deps.db, id, { status: 'dibatalkan', updatedAt: ctx.now, finishedAt: ctx.now, leaseUntil: null }),
    auditInsert(deps.db, ctx, {
      action: 'import.cancel',
      regionCode: job.regionCode,
      entityType: 'import',
      entityId: id,
      summary: `Membatalkan impor ${job.format.toUpperCase()} pada item ${job.cursor} dari ${job.total}`,
    }),
  ]);
  await deps.env.FILES.delete(itemsKey(id));
}

async function siteHostsOf(db: Db, regionCode: string, siteUrl: string): Promise<Set<string>> {
  const rows = await db.select({ host: regionHosts.host }).from(regionHosts).where(eq(regionHosts.regionCode, regionCode)).all();
  const hosts = new Set(rows.map((r) => r.host));
  const site = normalizeHost(siteUrl);
  if (site) hosts.add(site.replace(/^www\./, ''));
  return hosts;
}

/** Runs one chunk of a running import (no-op when it is not running or another chunk holds it); returns the job after. */
export async function runImportChunk(deps: RunDeps, id: string, ctx: ActionContext, limits: ChunkLimits = DEFAULT_CHUNK): Promise<ImportJobRow> {
  const { db } = deps;
  const found = await loadFor(db, id, ctx);
  const job = found.job;
  if (job.status !== 'berjalan' || !(await claimJob(db, job, ctx.now, LEASE_MS))) return job;
  const obj = await deps.env.FILES.get(itemsKey(id));
  if (!obj) {
    const failed = {
      status: 'gagal' as const,
      error: 'Data impor sementara tidak ditemukan; unggah ulang berkasnya.',
      leaseUntil: null,
      finishedAt: ctx.now,
      updatedAt: ctx.now,
    };
    await updateJob(db, id, failed).run();
    return { ...job, ...failed };
  }
  const stored = (await obj.json()) as StoredItems;
  const run: ItemRun = {
    ...deps,
    ctx,
    format: job.format,
    region: { code: job.regionCode, path: found.regionPath },
    siteUrl: stored.siteUrl,
    siteHosts: await siteHostsOf(db, job.regionCode, stored.siteUrl),
    publishDirectly: job.publishDirectly,
    fetches: 0,
    imagesStored: 0,
    redirects: 0,
  };
  const counts: Counts = JSON.parse(job.countsJson) as Counts;
  let cursor = job.cursor;
  let done = 0;
  try {
    while (cursor < stored.items.length && done < limits.items && run.fetches < limits.fetches) {
      const item = stored.items[cursor]!;
      const before = { images: run.imagesStored, redirects: run.redirects };
      const result = await importItem(run, item);
      counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
      counts.gambar = (counts.gambar ?? 0) + run.imagesStored - before.images;
      counts.pengalihan = (counts.pengalihan ?? 0) + run.redirects - before.redirects;
      const title = item.type === 'post' || item.type === 'document' ? item.title : item.title || item.key;
      await db.batch([
        saveResult(db, { jobId: id, seq: cursor, regionCode: job.regionCode, itemKey: item.key, title: title.slice(0, 200), ...result, at: Date.now() }),
        updateJob(db, id, { cursor: cursor + 1, countsJson: JSON.stringify(counts), updatedAt: Date.now() }),
      ]);
      cursor++;
      done++;
    }
  } finally {
    await updateJob(db, id, { leaseUntil: null }).run();
  }
  const finished = cursor >= stored.items.length;
  const after: Partial<ImportJobRow> = { cursor, countsJson: JSON.stringify(counts), updatedAt: ctx.now, leaseUntil: null };
  if (finished) {
    Object.assign(after, { status: 'selesai', finishedAt: ctx.now });
    await db.batch([
      updateJob(db, id, after),
      auditInsert(db, ctx, {
        action: 'import.finish',
        regionCode: job.regionCode,
        entityType: 'import',
        entityId: id,
        summary: `Impor ${job.format.toUpperCase()} selesai: ${counts.dibuat ?? 0} baru, ${counts.diperbarui ?? 0} diperbarui, ${counts.tetap ?? 0} tetap, ${
          (counts.dilewati ?? 0) + (counts.gagal ?? 0)
        } dilewati/gagal`,
        after: counts,
      }),
    ]);
    await deps.env.FILES.delete(itemsKey(id));
  }
  return { ...job, ...after };
}

/** Runs chunks until the import is finished (the command-line import; the admin page runs one chunk per request). */
export async function runImportToEnd(deps: RunDeps, id: string, ctx: () => ActionContext, onChunk?: (job: ImportJobRow) => void): Promise<ImportJobRow> {
  for (;;) {
    const job = await runImportChunk(deps, id, ctx());
    onChunk?.(job);
    if (job.status !== 'berjalan') return job;
    if (job.leaseUntil && job.leaseUntil > Date.now()) await new Promise((r) => setTimeout(r, 1000));
  }
}
