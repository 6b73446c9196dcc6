// Package documents (KAK, RAB, pengumuman, berita acara …): the shared upload checks (src/lib/upload.ts: size, magic
// bytes, allowed kinds) and server-made R2 keys `tenders/<region>/<tenderId>/<fileId>.<ext>` (never from the file
// name, never under public/). Adding or removing a file is an edit of the package: on a published village package it
// needs the right to publish (the workflow's rule for editing live content); a regency package needs `tender.regency`.
import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { tenderFiles } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { CheckedUpload } from '../../lib/upload';
import { transition } from '../../publishing/workflow';
import { touchContentUpdate } from '../../regions/freshness';
import { findFile } from './repo';
import { loadTenderForEdit, type EditableTender, type TenderDeps } from './service';
import { regionsOf } from './store';

export const fileKey = (regionCode: string, tenderId: string, fileId: string, ext: string) => `tenders/${regionCode}/${tenderId}/${fileId}.${ext}`;

/** Files of a package live as long as it may be edited by this actor in its current status. */
function assertMayEdit(t: EditableTender): void {
  if (t.kind === 'regency') return;
  const ok = transition('save', t.stored.row.publishStatus, t.rights, 'paket');
  if (!ok.ok) throw new AppError('forbidden', ok.message, { fieldErrors: [{ field: 'file', message: ok.message }] });
}

const isLive = (t: EditableTender) => t.stored.row.publishStatus === 'terbit';
const touch = (deps: TenderDeps, t: EditableTender, ctx: ActionContext) => (isLive(t) ? [touchContentUpdate(deps.db, t.stored.row.regionCode, ctx.now)] : []);

async function purgeIfLive(deps: TenderDeps, t: EditableTender, ctx: ActionContext) {
  if (!isLive(t)) return;
  for (const code of regionsOf({ regionCode: t.stored.row.regionCode, locationCodes: t.stored.locationCodes })) {
    await purgeRegionPages(deps, code, ctx.requestId);
  }
}

/** Stores a checked upload as a document of the package. The title defaults to the file's own name. */
export async function addTenderFile(
  deps: TenderDeps,
  id: string,
  file: CheckedUpload,
  title: string | undefined,
  ctx: ActionContext,
): Promise<{ fileId: string }> {
  const t = await loadTenderForEdit(deps.db, ctx.actor, id);
  assertMayEdit(t);
  return storeFile(deps, t, file, title, ctx);
}

/** The same for a package the caller has just loaded and checked (creation with a first file). */
export async function storeFile(deps: TenderDeps, t: EditableTender, file: CheckedUpload, title: string | undefined, ctx: ActionContext) {
  const { row } = t.stored;
  const fileId = newId(ctx.now);
  const key = fileKey(row.regionCode, row.id, fileId, file.type.ext);
  const name = (title?.trim() || file.safeName.replace(/\.[a-z0-9]+$/i, '')).slice(0, 200);
  await deps.files.put(key, file.bytes, { httpMetadata: { contentType: file.type.mime }, sha256: file.sha256 });
  try {
    await deps.db.batch([
      deps.db.insert(tenderFiles).values({
        id: fileId,
        regionCode: row.regionCode,
        tenderId: row.id,
        title: name,
        r2Key: key,
        mime: file.type.mime,
        ext: file.type.ext,
        size: file.size,
        sha256: file.sha256,
        uploadedBy: ctx.actor.id,
        uploadedAt: ctx.now,
      }),
      auditInsert(deps.db, ctx, {
        action: 'tender.file.add',
        regionCode: row.regionCode,
        entityType: 'tender',
        entityId: row.id,
        summary: `Mengunggah berkas “${name}” pada paket “${row.name}”`,
        after: { file: fileId, sha256: file.sha256, size: file.size, mime: file.type.mime },
      }),
      ...touch(deps, t, ctx),
    ]);
  } catch (err) {
    await deps.files.delete(key).catch(() => undefined);
    throw err;
  }
  await purgeIfLive(deps, t, ctx);
  return { fileId };
}

/** Removes a document of the package (row and R2 object). */
export async function removeTenderFile(deps: TenderDeps, id: string, fileId: string, ctx: ActionContext): Promise<void> {
  const t = await loadTenderForEdit(deps.db, ctx.actor, id);
  assertMayEdit(t);
  const f = await findFile(deps.db, id, fileId);
  if (!f) throw new AppError('not_found', 'Berkas tidak ditemukan.');
  const [res] = await deps.db.batch([
    deps.db.delete(tenderFiles).where(and(eq(tenderFiles.id, fileId), eq(tenderFiles.tenderId, id))),
    auditInsert(deps.db, ctx, {
      action: 'tender.file.remove',
      regionCode: t.stored.row.regionCode,
      entityType: 'tender',
      entityId: id,
      summary: `Menghapus berkas “${f.title}” dari paket “${t.stored.row.name}”`,
      before: { file: fileId, sha256: f.sha256 },
    }),
    ...touch(deps, t, ctx),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Berkas ini sudah dihapus.');
  await deps.files.delete(f.r2Key).catch((err: unknown) => console.error(JSON.stringify({ msg: 'r2 delete failed', key: f.r2Key, err: String(err) })));
  await purgeIfLive(deps, t, ctx);
}
