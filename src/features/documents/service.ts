import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documents, documentVersions, type DocumentRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { publishRights } from '../../publishing/rights';
import { AUDIT_VERBS, editActions, FORM_ACTIONS, type PublishAction, type PublishStatus } from '../../publishing/workflow';
import { authorize } from '../../regions/guard';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { touchContentUpdate } from '../../regions/freshness';
import { softDeleteFields } from '../../publishing/trash';
import { findVersion, maxVersion } from './repo';
import type { DeclassifyData, DocumentFormData } from './schemas';
import {
  AUDIT,
  auditView,
  checkCategoryFits,
  checkDeclassification,
  discardObject,
  type DocumentDeps,
  type DocumentFile,
  isPublicRow,
  loadDocumentFor,
  metadataOf,
  plan,
  keyFor,
  putObject,
  uploadTaken,
  versionKey,
} from './service-common';

export { type DocumentDeps, loadDocumentFor, versionKey } from './service-common';

/**
 * Official documents in R2. Every upload is a new version under a server-made key
 * `docs/<region>/<docId>/<version>.<ext>` (never under public/, never from the file name); old versions are kept.
 *
 * Documents follow the one publishing workflow (src/publishing/workflow.ts): a local operator prepares and submits,
 * a reviewer approves, and only a `terbit` document that is not `dikecualikan` is public. A new version of a published
 * document uploaded without the right to publish waits for review (the public keeps the approved version). Moving a
 * document out of `dikecualikan` needs `document.declassify` (Diskominfo or the PPID) and a recorded consequence
 * test. Every change is audited in the same batch; a change the public can see purges the region's pages.
 */
export async function createDocument(
  deps: DocumentDeps,
  input: DocumentFormData,
  file: DocumentFile,
  ctx: ActionContext,
): Promise<{ id: string; status: PublishStatus }> {
  if (!input.region_code) throw new AppError('validation', 'Pilih wilayah.', { fieldErrors: [{ field: 'region_code', message: 'Pilih wilayah.' }] });
  const { db } = deps;
  const regionCode = input.region_code;
  const region = await authorize(db, ctx.actor, 'content.draft', regionCode);
  checkCategoryFits(input.category, region.level);
  const actions = FORM_ACTIONS[input.aksi];
  const status = plan('draft', actions, publishRights(ctx.actor, region));
  const id = newId(ctx.now);
  const key = keyFor(file, versionKey(regionCode, id, 1, file.type.ext));
  await putObject(deps, key, file);
  const meta = metadataOf(input);
  const row = {
    id,
    regionCode,
    ...meta,
    status,
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
      db.insert(documentVersions).values({
        id: newId(ctx.now),
        documentId: id,
        regionCode,
        version: 1,
        r2Key: key,
        mime: file.type.mime,
        ext: file.type.ext,
        size: file.size,
        sha256: file.sha256,
        originalName: file.safeName,
        uploadedBy: ctx.actor.id,
        uploadedAt: ctx.now,
      }),
      auditInsert(db, ctx, {
        action: 'document.create',
        regionCode,
        entityType: 'document',
        entityId: id,
        summary: `Mengunggah dokumen “${meta.title}” (${meta.category} ${meta.year}, versi 1)`,
        after: { ...auditView(meta), version: 1, sha256: file.sha256, size: file.size },
      }),
      ...actions.map((a) =>
        auditInsert(db, ctx, {
          action: AUDIT(a),
          regionCode,
          entityType: 'document',
          entityId: id,
          summary: `${AUDIT_VERBS[a]} “${meta.title}”`,
          before: { status: 'draft' },
          after: { status },
        }),
      ),
      ...(visible ? [touchContentUpdate(db, regionCode, ctx.now)] : []),
      ...uploadTaken(db, file),
    ]);
  } catch (err) {
    await discardObject(deps, key, file);
    throw err;
  }
  if (visible) await purgeRegionPages(deps, regionCode, ctx.requestId);
  return { id, status };
}

/**
 * A new version: the version number is claimed first (UNIQUE (document_id, version) makes concurrent uploads
 * collide in D1, never overwrite each other's R2 object), then the bytes are stored, then the document points to it.
 * On a published document without the right to publish, the version waits for review instead.
 */
export async function addVersion(deps: DocumentDeps, id: string, file: DocumentFile, ctx: ActionContext): Promise<{ version: number; pending: boolean }> {
  const { db } = deps;
  const { doc, rights } = await loadDocumentFor(db, ctx.actor, id);
  if (!rights.draft && !rights.publish) throw new AppError('forbidden', 'Anda tidak dapat mengunggah versi dokumen di wilayah ini.');
  const pending = doc.status === 'terbit' && !rights.publish;
  if (pending && doc.pendingVersion !== null) {
    throw new AppError('conflict', 'Versi baru dokumen ini masih menunggu tinjauan. Tunggu keputusan peninjau sebelum mengunggah lagi.', {
      fieldErrors: [{ field: 'file', message: 'Versi sebelumnya masih menunggu tinjauan.' }],
    });
  }
  const version = Math.max(doc.currentVersion, await maxVersion(db, id)) + 1;
  const key = keyFor(file, versionKey(doc.regionCode, id, version, file.type.ext));
  const versionId = newId(ctx.now);
  try {
    await db
      .insert(documentVersions)
      .values({
        id: versionId,
        documentId: id,
        regionCode: doc.regionCode,
        version,
        r2Key: key,
        mime: file.type.mime,
        ext: file.type.ext,
        size: file.size,
        sha256: file.sha256,
        originalName: file.safeName,
        uploadedBy: ctx.actor.id,
        uploadedAt: ctx.now,
        approved: !pending,
      })
      .run();
  } catch (err) {
    if (/UNIQUE constraint failed/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause ?? '')}`)) {
      throw new AppError('conflict', 'Versi baru dokumen ini sedang diunggah orang lain. Muat ulang halaman lalu coba lagi.', {
        fieldErrors: [{ field: 'file', message: 'Versi baru sedang diunggah orang lain; muat ulang halaman.' }],
      });
    }
    throw err;
  }
  const visible = !pending && isPublicRow(doc);
  try {
    await putObject(deps, key, file);
    await db.batch([
      pending
        ? db
            .update(documents)
            .set({ pendingVersion: version, updatedAt: ctx.now })
            .where(and(eq(documents.id, id), isNull(documents.pendingVersion)))
        : db
            .update(documents)
            .set({ currentVersion: version, currentMime: file.type.mime, currentSize: file.size, currentSha256: file.sha256, updatedAt: ctx.now })
            .where(and(eq(documents.id, id), lt(documents.currentVersion, version))),
      auditInsert(db, ctx, {
        action: pending ? 'document.version.submit' : 'document.version',
        regionCode: doc.regionCode,
        entityType: 'document',
        entityId: id,
        summary: pending ? `Mengirim versi ${version} “${doc.title}” untuk ditinjau` : `Mengunggah versi ${version} “${doc.title}”`,
        before: { version: doc.currentVersion, sha256: doc.currentSha256 },
        after: { version, sha256: file.sha256, size: file.size, pending },
      }),
      ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
      ...uploadTaken(db, file),
    ]);
  } catch (err) {
    await db
      .delete(documentVersions)
      .where(eq(documentVersions.id, versionId))
      .run()
      .catch(() => undefined);
    await discardObject(deps, key, file);
    throw err;
  }
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
  return { version, pending };
}

/** A reviewer approves (the version becomes current and public) or rejects (it stays hidden, with a note) a pending version. */
export async function decidePendingVersion(
  deps: DocumentDeps,
  id: string,
  decision: 'approve' | 'reject',
  ctx: ActionContext,
  note?: string,
): Promise<{ version: number }> {
  const { db } = deps;
  const { doc, rights } = await loadDocumentFor(db, ctx.actor, id);
  if (!rights.review && !rights.publish) throw new AppError('forbidden', 'Anda tidak berhak meninjau dokumen di wilayah ini.');
  if (doc.pendingVersion === null) throw new AppError('conflict', 'Tidak ada versi yang menunggu tinjauan.');
  const v = await findVersion(db, id, doc.pendingVersion);
  if (!v) throw new AppError('conflict', 'Versi yang menunggu tinjauan tidak ditemukan. Muat ulang halaman.');
  const approve = decision === 'approve';
  const visible = approve && isPublicRow(doc);
  const [res] = await db.batch([
    db
      .update(documents)
      .set(
        approve
          ? {
              currentVersion: v.version,
              currentMime: v.mime,
              currentSize: v.size,
              currentSha256: v.sha256,
              pendingVersion: null,
              reviewNote: note ?? null,
              updatedAt: ctx.now,
            }
          : { pendingVersion: null, reviewNote: note ?? null, updatedAt: ctx.now },
      )
      .where(and(eq(documents.id, id), eq(documents.pendingVersion, v.version))),
    ...(approve ? [db.update(documentVersions).set({ approved: true }).where(eq(documentVersions.id, v.id))] : []),
    auditInsert(db, ctx, {
      action: approve ? 'document.version.approve' : 'document.version.reject',
      regionCode: doc.regionCode,
      entityType: 'document',
      entityId: id,
      summary: `${approve ? 'Menyetujui' : 'Menolak'} versi ${v.version} “${doc.title}”${note ? `: ${note}` : ''}`,
      before: { version: doc.currentVersion },
      after: { version: approve ? v.version : doc.currentVersion },
    }),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Versi ini baru saja ditinjau orang lain. Muat ulang halaman.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
  return { version: v.version };
}

export async function updateDocument(deps: DocumentDeps, id: string, input: DocumentFormData, ctx: ActionContext): Promise<{ status: PublishStatus }> {
  const { db } = deps;
  const { doc, rights, declassify, regionLevel } = await loadDocumentFor(db, ctx.actor, id);
  // A category kept from before the rule existed stays allowed; a change must fit the level.
  if (input.category !== doc.category) checkCategoryFits(input.category, regionLevel);
  const meta = metadataOf(input);
  checkDeclassification(doc.infoCategory, meta.infoCategory, declassify, input.declassification_note);
  const actions = editActions(doc.status, input.aksi);
  const status = plan(doc.status, actions, rights);
  const after = { ...doc, ...meta, status };
  const visible = isPublicRow(doc) || isPublicRow(after);
  const declassified = doc.infoCategory === 'dikecualikan' && meta.infoCategory !== 'dikecualikan';
  const [res] = await db.batch([
    db
      .update(documents)
      .set({ ...meta, status, updatedAt: ctx.now })
      .where(and(eq(documents.id, id), eq(documents.updatedAt, doc.updatedAt), isNull(documents.deletedAt))),
    auditInsert(db, ctx, {
      action: 'document.update',
      regionCode: doc.regionCode,
      entityType: 'document',
      entityId: id,
      summary: `Mengubah keterangan dokumen “${meta.title}”`,
      before: auditView(doc),
      after: auditView({ ...meta, status }),
    }),
    ...(declassified ? [declassifyAudit(db, ctx, doc, meta.infoCategory, input.declassification_note!)] : []),
    ...actions.slice(1).map((a) =>
      auditInsert(db, ctx, {
        action: AUDIT(a),
        regionCode: doc.regionCode,
        entityType: 'document',
        entityId: id,
        summary: `${AUDIT_VERBS[a]} “${meta.title}”`,
        before: { status: doc.status },
        after: { status },
      }),
    ),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Dokumen ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
  return { status };
}

function declassifyAudit(db: Db, ctx: ActionContext, doc: DocumentRow, to: DocumentRow['infoCategory'], note: string) {
  return auditInsert(db, ctx, {
    action: 'document.declassify',
    regionCode: doc.regionCode,
    entityType: 'document',
    entityId: doc.id,
    summary: `Membuka informasi yang dikecualikan “${doc.title}” menjadi ${to}. Uji konsekuensi: ${note}`,
    before: { infoCategory: doc.infoCategory, exemptionLegalBasis: doc.exemptionLegalBasis },
    after: { infoCategory: to, consequenceTest: note },
  });
}

/** The PPID's (or Diskominfo's) decision to open an excluded document, with the consequence test recorded. */
export async function declassifyDocument(deps: DocumentDeps, id: string, input: DeclassifyData, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  const { doc, declassify } = await loadDocumentFor(db, ctx.actor, id);
  if (doc.infoCategory !== 'dikecualikan') throw new AppError('conflict', 'Dokumen ini tidak termasuk informasi yang dikecualikan.');
  checkDeclassification(doc.infoCategory, input.info_category, declassify, input.declassification_note);
  const after = { ...doc, infoCategory: input.info_category };
  const visible = isPublicRow(after);
  const [res] = await db.batch([
    db
      .update(documents)
      .set({ infoCategory: input.info_category, exemptionLegalBasis: null, consequenceTestSummary: null, updatedAt: ctx.now })
      .where(and(eq(documents.id, id), eq(documents.updatedAt, doc.updatedAt), eq(documents.infoCategory, 'dikecualikan'))),
    declassifyAudit(db, ctx, doc, input.info_category, input.declassification_note),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Dokumen ini baru saja diubah orang lain. Muat ulang halaman.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
}

/** submit / approve / reject / publish / unpublish from the document page. `note` is the reviewer's note. */
export async function changeDocumentStatus(
  deps: DocumentDeps,
  id: string,
  action: Exclude<PublishAction, 'save' | 'delete'>,
  ctx: ActionContext,
  note?: string,
): Promise<{ status: PublishStatus }> {
  const { db } = deps;
  const { doc, rights } = await loadDocumentFor(db, ctx.actor, id);
  const status = plan(doc.status, [action], rights);
  const reviewNote = action === 'approve' || action === 'reject' ? (note ?? null) : doc.reviewNote;
  const visible = isPublicRow(doc) || isPublicRow({ ...doc, status });
  const [res] = await db.batch([
    db
      .update(documents)
      .set({ status, reviewNote, updatedAt: ctx.now })
      .where(and(eq(documents.id, id), eq(documents.status, doc.status), isNull(documents.deletedAt))),
    auditInsert(db, ctx, {
      action: AUDIT(action),
      regionCode: doc.regionCode,
      entityType: 'document',
      entityId: id,
      summary: `${AUDIT_VERBS[action]} “${doc.title}”${note ? `: ${note}` : ''}`,
      before: { status: doc.status },
      after: { status },
    }),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Status dokumen ini baru saja diubah orang lain. Muat ulang halaman.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
  return { status };
}

/**
 * Removes a document from every list (soft delete); its versions and R2 objects stay for the audit trail. A published
 * document is taken off the site in the same step, which needs the right to unpublish it.
 */
export async function deleteDocument(deps: DocumentDeps, id: string, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  const { doc, rights } = await loadDocumentFor(db, ctx.actor, id);
  plan(doc.status, doc.status === 'terbit' ? ['unpublish', 'delete'] : ['delete'], rights);
  const visible = isPublicRow(doc);
  const [res] = await db.batch([
    db
      .update(documents)
      .set(softDeleteFields(ctx))
      .where(and(eq(documents.id, id), isNull(documents.deletedAt), eq(documents.status, doc.status))),
    auditInsert(db, ctx, {
      action: 'document.delete',
      regionCode: doc.regionCode,
      entityType: 'document',
      entityId: id,
      summary: `Menghapus dokumen “${doc.title}” (ke Sampah)`,
      before: auditView(doc),
    }),
    ...(visible ? [touchContentUpdate(db, doc.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Dokumen ini sudah dihapus.');
  if (visible) await purgeRegionPages(deps, doc.regionCode, ctx.requestId);
}
