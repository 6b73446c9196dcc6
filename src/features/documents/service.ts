import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documents, documentVersions, type DocumentRow } from '../../db/schema';
import type { Bindings } from '../../env';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { CheckedUpload } from '../../lib/upload';
import { authorize } from '../../regions/guard';
import type { ActionContext, Actor } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { touchContentUpdate } from '../../regions/freshness';
import { findDocumentForAdmin, maxVersion } from './repo';
import type { DocumentFormData } from './schemas';

/**
 * Official documents in R2. Every upload is a new version under a server-made key
 * `docs/<region>/<docId>/<version>.<ext>` (never under public/, never from the file name); old versions are kept.
 * Metadata and pointer changes are audited in the same batch; a change the public can see (any document that is not
 * `dikecualikan`, before or after) purges the region's pages and updates `last_content_update`.
 */
export interface DocumentDeps {
  db: Db;
  env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION' | 'FILES'>;
}

export function versionKey(regionCode: string, documentId: string, version: number, ext: string): string {
  return `docs/${regionCode}/${documentId}/${version}.${ext}`;
}

const isPublicRow = (d: Pick<DocumentRow, 'infoCategory' | 'currentVersion' | 'deletedAt'>) => d.infoCategory !== 'dikecualikan' && d.currentVersion > 0 && d.deletedAt === null;

function metadataOf(input: DocumentFormData) {
  const exempt = input.info_category === 'dikecualikan';
  return {
    title: input.title,
    category: input.category,
    year: input.year,
    description: input.description,
    infoCategory: input.info_category,
    responsibleUnit: input.responsible_unit,
    retentionPeriod: input.retention_period,
    exemptionLegalBasis: exempt ? (input.exemption_legal_basis ?? null) : null,
    consequenceTestSummary: exempt ? (input.consequence_test_summary ?? null) : null,
  };
}

/** Audit summary: metadata only (documents carry no personal data by policy; file names are not logged). */
const auditView = (d: Pick<DocumentRow, 'title' | 'category' | 'year' | 'infoCategory'>) => ({ title: d.title, category: d.category, year: d.year, infoCategory: d.infoCategory });

async function putObject(deps: DocumentDeps, key: string, file: CheckedUpload): Promise<void> {
  await deps.env.FILES.put(key, file.bytes, { httpMetadata: { contentType: file.type.mime }, sha256: file.sha256 });
}

async function deleteObject(deps: DocumentDeps, key: string): Promise<void> {
  await deps.env.FILES.delete(key).catch((err: unknown) => console.error(JSON.stringify({ msg: 'r2 delete failed', key, err: String(err) })));
}

/** Loads a document the actor may manage: 404 when missing or outside its regions, 403 when its role/stage forbids. */
export async function loadDocumentFor(db: Db, actor: Actor, id: string) {
  const found = await findDocumentForAdmin(db, id);
  if (!found) throw new AppError('not_found', 'Dokumen tidak ditemukan.');
  await authorize(db, actor, 'document.manage', found.doc.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Dokumen tidak ditemukan.');
    throw err;
  });
  return found;
}

export async function createDocument(deps: DocumentDeps, input: DocumentFormData, file: CheckedUpload, ctx: ActionContext): Promise<{ id: string }> {
  if (!input.region_code) throw new AppError('validation', 'Pilih wilayah.', { fieldErrors: [{ field: 'region_code', message: 'Pilih wilayah.' }] });
  const { db } = deps;
  const regionCode = input.region_code;
  await authorize(db, ctx.actor, 'document.manage', regionCode);
  const id = newId(ctx.now);
  const key = versionKey(regionCode, id, 1, file.type.ext);
  await putObject(deps, key, file);
  const meta = metadataOf(input);
  const row = {
    id,
    regionCode,
    ...meta,
    currentVersion: 1,
    currentMime: file.type.mime,
    currentSize: file.size,
    currentSha256: file.sha256,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const visible = isPublicRow({ ...row, deletedAt: null });
  try {
    await db.batch([
      db.insert(documents).values(row),
      db.insert(documentVersions).values({ id: newId(ctx.now), documentId: id, regionCode, version: 1, r2Key: key, mime: file.type.mime, ext: file.type.ext, size: file.size, sha256: file.sha256, originalName: file.safeName, uploadedBy: ctx.actor.id, uploadedAt: ctx.now }),
      auditInsert(db, ctx, { action: 'document.create', regionCode, entityType: 'document', entityId: id, summary: `Mengunggah dokumen “${meta.title}” (${meta.category} ${meta.year}, versi 1)`, after: { ...auditView(meta), version: 1, sha256: file.sha256, size: file.size } }),
      ...(visible ? [touchContentUpdate(db, regionCode, ctx.now)] : []),
    ]);
  } catch (err) {
    await deleteObject(deps, key);
    throw err;
  }
  if (visible) await purgeRegionPages(deps, regionCode, ctx.requestId);
  return { id };
}

/**
 * A new version: the version number is claimed first (UNIQUE (document_id, version) makes concurrent uploads
 * collide in D1, never overwrite each other's R2 object), then the bytes are stored, then the document points to it.
 */
export async function addVersion(deps: DocumentDeps, id: string, file: CheckedUpload, ctx: ActionContext): Promise<{ version: number }> {
  const { db } = deps;
  const { doc } = await loadDocumentFor(db, ctx.actor, id);
  const version = Math.max(doc.currentVersion, await maxVersion(db, id)) + 1;
  const key = versionKey(doc.regionCode, id, version, file.type.ext);
  const versionId = newId(ctx.now);
  try {
    await db.insert(documentVersions).values({ id: versionId, documentId: id, regionCode: doc.regionCode, version, r2Key: key, mime: file.type.mime, ext: file.type.ext, size: file.size, sha256: file.sha256, originalName: file.safeName, uploadedBy: ctx.actor.id, uploadedAt: ctx.now }).run();
  } catch (err) {
    if (/UNIQUE constraint failed/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause ?? '')}`)) {
      throw new AppError('conflict', 'Versi baru dokumen ini sedang diunggah orang lain. Muat ulang halaman lalu coba lagi.', { fieldErrors: [{ field: 'file', message: 'Versi baru sedang diunggah orang lain; muat ulang halaman.' }] });
    }
    throw err;
  }
  try {
    await putObject(deps, key, file);
    await db.batch([
      db
        .update(documents)
        .set({ currentVersion: version, currentMime: file.type.mime, currentSize: file.size, currentSha256: file.sha256, updatedAt: ctx.now })
        .where(and(eq(documents.id, id), lt(documents.currentVersion, version))),
      auditInsert(db, ctx, { action: 'document.version', regionCode: doc.regionCode, entityType: 'document', entityId: id, summary: `Mengunggah versi ${version} “${doc.title}”`, before: { version: doc.currentVersion, sha256: doc.currentSha256 }, after: { version, sha256: file.sha256, size: file.size } }),
      ...(isPublicRow(doc) ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
    ]);
  } catch (err) {
    await db.delete(documentVersions).where(eq(documentVersions.id, versionId)).run().catch(() => undefined);
    await deleteObject(deps, key);
    throw err;
  }
  if (isPublicRow(doc)) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
  return { version };
}

export async function updateDocument(deps: DocumentDeps, id: string, input: DocumentFormData, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  const { doc } = await loadDocumentFor(db, ctx.actor, id);
  const meta = metadataOf(input);
  const after = { ...doc, ...meta };
  const visible = isPublicRow(doc) || isPublicRow(after);
  const [res] = await db.batch([
    db.update(documents).set({ ...meta, updatedAt: ctx.now }).where(and(eq(documents.id, id), eq(documents.updatedAt, doc.updatedAt), isNull(documents.deletedAt))),
    auditInsert(db, ctx, { action: 'document.update', regionCode: doc.regionCode, entityType: 'document', entityId: id, summary: `Mengubah keterangan dokumen “${meta.title}”`, before: auditView(doc), after: auditView(meta) }),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Dokumen ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
}

/** Removes a document from every list (soft delete); its versions and R2 objects stay for the audit trail. */
export async function deleteDocument(deps: DocumentDeps, id: string, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  const { doc } = await loadDocumentFor(db, ctx.actor, id);
  const visible = isPublicRow(doc);
  const [res] = await db.batch([
    db.update(documents).set({ deletedAt: ctx.now, updatedAt: ctx.now }).where(and(eq(documents.id, id), isNull(documents.deletedAt))),
    auditInsert(db, ctx, { action: 'document.delete', regionCode: doc.regionCode, entityType: 'document', entityId: id, summary: `Menghapus dokumen “${doc.title}” dari daftar`, before: auditView(doc) }),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Dokumen ini sudah dihapus.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
}
