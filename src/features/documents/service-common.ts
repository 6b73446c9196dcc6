import type { Db } from '../../db/client';
import type { DocumentCategory, DocumentRow, RegionLevel } from '../../db/schema';
import type { Bindings } from '../../env';
import { AppError } from '../../lib/errors';
import type { CheckedUpload } from '../../lib/upload';
import type { FileKind } from '../../lib/file-type';
import { deleteSessionStatements } from './chunked-repo';
import { hasAnyRight, publishRights } from '../../publishing/rights';
import { AUDIT_SUFFIX, planTransitions, type PublishAction, type PublishRights, type PublishStatus } from '../../publishing/workflow';
import { allows, authorize } from '../../regions/guard';
import { categoriesForLevel, categoryFitsLevel } from '../../regions/document-categories';
import { CATEGORY_LABELS } from './labels';
import type { Actor } from '../../auth/actor';
import { findDocumentForAdmin } from './repo';
import type { DocumentFormData } from './schemas';

/** The document service's shared parts: its dependencies, storage keys, checks, audit views and the rights loader. */
export interface DocumentDeps {
  db: Db;
  env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION' | 'FILES'>;
}

export function versionKey(regionCode: string, documentId: string, version: number, ext: string): string {
  return `docs/${regionCode}/${documentId}/${version}.${ext}`;
}

export type Publicness = Pick<DocumentRow, 'infoCategory' | 'currentVersion' | 'deletedAt' | 'status'>;
export const isPublicRow = (d: Publicness) => d.status === 'terbit' && d.infoCategory !== 'dikecualikan' && d.currentVersion > 0 && d.deletedAt === null;

export function checkCategoryFits(category: DocumentCategory, level: RegionLevel): void {
  if (categoryFitsLevel(category, level)) return;
  const allowed = categoriesForLevel(level)
    .map((c) => CATEGORY_LABELS[c])
    .join(', ');
  const message = `${CATEGORY_LABELS[category]} bukan dokumen ${level}. Pilih salah satu: ${allowed}.`;
  throw new AppError('validation', message, { fieldErrors: [{ field: 'category', message }] });
}

export function metadataOf(input: DocumentFormData) {
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
export const auditView = (d: Pick<DocumentRow, 'title' | 'category' | 'year' | 'infoCategory'> & { status?: PublishStatus }) => ({
  title: d.title,
  category: d.category,
  year: d.year,
  infoCategory: d.infoCategory,
  ...(d.status ? { status: d.status } : {}),
});

export const AUDIT = (a: PublishAction) => `document.${AUDIT_SUFFIX[a]}`;

export function plan(from: PublishStatus, actions: readonly PublishAction[], rights: PublishRights): PublishStatus {
  const t = planTransitions(from, actions, rights, 'dokumen');
  if (!t.ok) throw new AppError(t.reason === 'state' ? 'conflict' : 'forbidden', t.message);
  return t.to;
}

/** What a document file may be, by magic bytes: the one list for form uploads and chunked uploads. */
export const DOCUMENT_FILE_KINDS: readonly FileKind[] = ['pdf', 'image', 'office'];

/** A chunked upload (chunked-service.ts) completed and checked: its bytes are in R2 already, under its own key. */
export interface StoredUpload {
  uploadId: string;
  r2Key: string;
  type: { mime: string; ext: string };
  size: number;
  sha256: string;
  safeName: string;
}
/** A new version's file: bytes from the form, or a completed chunked upload. */
export type DocumentFile = CheckedUpload | StoredUpload;
const isStored = (file: DocumentFile): file is StoredUpload => 'uploadId' in file;

/** The R2 key of a version's bytes: the version key for form bytes, the upload's own key for a chunked upload. */
export const keyFor = (file: DocumentFile, versionKeyWanted: string): string => (isStored(file) ? file.r2Key : versionKeyWanted);

export async function putObject(deps: DocumentDeps, key: string, file: DocumentFile): Promise<void> {
  if (isStored(file)) return;
  await deps.env.FILES.put(key, file.bytes, { httpMetadata: { contentType: file.type.mime }, sha256: file.sha256 });
}

export async function deleteObject(deps: DocumentDeps, key: string): Promise<void> {
  await deps.env.FILES.delete(key).catch((err: unknown) => console.error(JSON.stringify({ msg: 'r2 delete failed', key, err: String(err) })));
}

/** Undoes putObject after a failed write (a chunked upload keeps its file: its claim is released and it can be used again). */
export async function discardObject(deps: DocumentDeps, key: string, file: DocumentFile): Promise<void> {
  if (!isStored(file)) await deleteObject(deps, key);
}

/** Statements for the document's batch: a chunked upload taken by the document is no longer an upload session. */
export const uploadTaken = (db: Db, file: DocumentFile) => (isStored(file) ? [...deleteSessionStatements(db, file.uploadId)] : []);

export const notFound = () => new AppError('not_found', 'Dokumen tidak ditemukan.');

/**
 * Loads a document and the actor's rights on it: 404 when missing or outside the actor's regions, 403 when the actor
 * has no publishing right there and may not declassify it either.
 */
export async function loadDocumentFor(db: Db, actor: Actor, id: string) {
  const found = await findDocumentForAdmin(db, id);
  if (!found) throw notFound();
  const region = await authorize(db, actor, 'dashboard.view', found.doc.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw notFound();
    throw err;
  });
  const rights = publishRights(actor, region);
  const declassify = allows(actor, 'document.declassify', region);
  if (!hasAnyRight(rights) && !declassify) throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mengelola dokumen di wilayah ini.');
  return { ...found, rights, declassify };
}

/** Declassification (out of `dikecualikan`) needs the right and the recorded consequence test. */
export function checkDeclassification(before: DocumentRow['infoCategory'], after: DocumentRow['infoCategory'], may: boolean, note: string | undefined): void {
  if (before !== 'dikecualikan' || after === 'dikecualikan') return;
  if (!may) {
    throw new AppError('forbidden', 'Hanya Diskominfo atau PPID yang dapat membuka informasi yang dikecualikan, dengan uji konsekuensi yang tercatat.', {
      fieldErrors: [{ field: 'info_category', message: 'Hanya Diskominfo atau PPID yang dapat membuka informasi yang dikecualikan.' }],
    });
  }
  if (!note || note.length < 20) {
    const message = 'Tuliskan hasil uji konsekuensi yang membuka informasi ini (minimal 20 karakter).';
    throw new AppError('validation', message, { fieldErrors: [{ field: 'declassification_note', message }] });
  }
}
