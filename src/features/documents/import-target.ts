import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { documents, documentVersions, type DocumentRow } from '../../db/schema';
import { newId } from '../../lib/ids';
import { publishRights } from '../../publishing/rights';
import { importActions, planTransitions } from '../../publishing/workflow';
import { touchContentUpdate } from '../../regions/freshness';
import { authorize } from '../../regions/guard';
import type { ImportDeps, ImportedDocument, ImportedOutcome, ImportWrite } from '../import-targets';
import { findDocumentByImportKey, maxVersion } from './repo';
import { versionKey } from './service';
import { documentHref } from './views';

/**
 * The documents feature's import target (src/features/import-targets.ts): an old site's document (OpenSID `dokumen`,
 * a WordPress PDF attachment) becomes a document identified by its source key, with the public-information category
 * the old site gave it (default `setiap_saat`; excluded information is never imported). New documents follow the publishing workflow's rule for imports; a
 * changed file becomes a new version (old versions kept), equal metadata and file change nothing.
 */
const isPublic = (d: Pick<DocumentRow, 'status' | 'infoCategory' | 'currentVersion' | 'deletedAt'>) =>
  d.status === 'terbit' && d.infoCategory !== 'dikecualikan' && d.currentVersion > 0 && d.deletedAt === null;

const metaOf = (item: ImportedDocument) => ({ title: item.title, description: item.description, category: item.category, year: item.year });

async function putFile(deps: ImportDeps, key: string, item: ImportedDocument): Promise<void> {
  await deps.env.FILES.put(key, item.file.bytes, { httpMetadata: { contentType: item.file.type.mime }, sha256: item.file.sha256 });
}

function versionRow(item: ImportedDocument, documentId: string, version: number, key: string, ctx: ActionContext) {
  return {
    id: newId(ctx.now),
    documentId,
    regionCode: item.regionCode,
    version,
    r2Key: key,
    mime: item.file.type.mime,
    ext: item.file.type.ext,
    size: item.file.size,
    sha256: item.file.sha256,
    originalName: item.file.safeName,
    uploadedBy: ctx.actor.id,
    uploadedAt: item.publishedAt,
  };
}

export async function importDocument(deps: ImportDeps, item: ImportedDocument, write: ImportWrite, ctx: ActionContext): Promise<ImportedOutcome> {
  const { db } = deps;
  const region = await authorize(db, ctx.actor, 'content.draft', item.regionCode);
  const rights = publishRights(ctx.actor, region);
  const meta = metaOf(item);
  const existing = await findDocumentByImportKey(db, item.regionCode, item.key);
  if (existing) {
    const path = documentHref({ regionPath: region.path, id: existing.id });
    if (existing.deletedAt !== null) return { outcome: 'dilewati', reason: 'Dokumen ini sudah dihapus di portal; tidak diimpor lagi.', id: existing.id, path };
    const sameFile = existing.currentSha256 === item.file.sha256;
    const sameMeta = (Object.keys(meta) as Array<keyof typeof meta>).every((k) => existing[k] === meta[k]);
    if (sameFile && sameMeta) return { outcome: 'tetap', id: existing.id, path, updatedAt: existing.updatedAt };
    if (write.unchangedSince !== null && existing.updatedAt > write.unchangedSince) {
      return { outcome: 'dilewati', reason: 'Dokumen ini sudah diubah di portal sejak impor sebelumnya; tidak ditimpa.', id: existing.id, path };
    }
    const t = planTransitions(existing.status, ['save'], rights, 'dokumen');
    if (!t.ok || existing.pendingVersion !== null) {
      return { outcome: 'dilewati', reason: t.ok ? 'Versi baru dokumen ini masih menunggu tinjauan.' : t.message, id: existing.id, path };
    }
    const version = sameFile ? existing.currentVersion : Math.max(existing.currentVersion, await maxVersion(db, existing.id)) + 1;
    const key = versionKey(item.regionCode, existing.id, version, item.file.type.ext);
    if (!sameFile) await putFile(deps, key, item);
    const file = sameFile ? {} : { currentVersion: version, currentMime: item.file.type.mime, currentSize: item.file.size, currentSha256: item.file.sha256 };
    const visible = isPublic(existing);
    const [res] = await db.batch([
      db
        .update(documents)
        .set({ ...meta, ...file, status: t.to, updatedAt: ctx.now })
        .where(and(eq(documents.id, existing.id), eq(documents.updatedAt, existing.updatedAt))),
      ...(sameFile ? [] : [db.insert(documentVersions).values(versionRow(item, existing.id, version, key, ctx))]),
      auditInsert(db, ctx, {
        action: 'document.import.update',
        regionCode: item.regionCode,
        entityType: 'document',
        entityId: existing.id,
        summary: `Memperbarui dari situs lama “${item.title}”${sameFile ? '' : ` (versi ${version})`}`,
        before: { title: existing.title, version: existing.currentVersion },
        after: { title: item.title, version, source: item.key },
      }),
      ...(visible ? [touchContentUpdate(db, item.regionCode, ctx.now)] : []),
    ]);
    if (res.meta.changes === 0) return { outcome: 'dilewati', reason: 'Dokumen ini sedang diubah orang lain; coba impor lagi.', id: existing.id, path };
    if (visible) await purgeRegionPages(deps, item.regionCode, ctx.requestId);
    return { outcome: 'diperbarui', id: existing.id, path, updatedAt: ctx.now };
  }

  const t = planTransitions('draft', importActions(region.stage, rights, write.publishDirectly), rights, 'dokumen');
  if (!t.ok) return { outcome: 'dilewati', reason: t.message, id: null, path: null };
  const id = newId(ctx.now);
  const key = versionKey(item.regionCode, id, 1, item.file.type.ext);
  await putFile(deps, key, item);
  const row = {
    id,
    regionCode: item.regionCode,
    ...meta,
    infoCategory: item.infoCategory,
    status: t.to,
    currentVersion: 1,
    currentMime: item.file.type.mime,
    currentSize: item.file.size,
    currentSha256: item.file.sha256,
    createdBy: ctx.actor.id,
    createdAt: item.publishedAt,
    updatedAt: ctx.now,
    importKey: item.key,
  };
  const visible = isPublic({ ...row, deletedAt: null });
  await db.batch([
    db.insert(documents).values(row),
    db.insert(documentVersions).values(versionRow(item, id, 1, key, ctx)),
    auditInsert(db, ctx, {
      action: 'document.import',
      regionCode: item.regionCode,
      entityType: 'document',
      entityId: id,
      summary: `Mengimpor dokumen dari situs lama “${item.title}” (${t.to === 'terbit' ? 'terbit' : 'dikirim untuk ditinjau'})`,
      after: { ...meta, status: t.to, sha256: item.file.sha256, size: item.file.size, source: item.key },
    }),
    ...(visible ? [touchContentUpdate(db, item.regionCode, ctx.now)] : []),
  ]);
  if (visible) await purgeRegionPages(deps, item.regionCode, ctx.requestId);
  return { outcome: 'dibuat', id, path: documentHref({ regionPath: region.path, id }), updatedAt: ctx.now };
}
