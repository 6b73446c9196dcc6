import type { Db } from '../../db/client';
import type { UploadSessionRow } from '../../db/schema';
import type { Bindings } from '../../env';
import type { ActionContext } from '../../auth/actor';
import { AppError } from '../../lib/errors';
import { safeDownloadName } from '../../lib/file-type';
import { newId } from '../../lib/ids';
import { checkUploadBytes, tooLargeUpload, uploadMaxBytes } from '../../lib/upload';
import { authorize } from '../../regions/guard';
import {
  claimCompleted,
  countOpenSessions,
  deleteSessionStatements,
  findOwnSession,
  insertSession,
  listParts,
  markComplete,
  releaseClaim,
  savePart,
} from './chunked-repo';
import {
  expectedPartSize,
  MAX_OPEN_UPLOADS_PER_USER,
  partCountOf,
  UPLOAD_PART_BYTES,
  UPLOAD_SESSION_TTL_MS,
  UploadIdParam,
  type CreateUploadInput,
} from './chunked-schemas';
import { DOCUMENT_FILE_KINDS, type StoredUpload } from './service-common';

/**
 * Chunked uploads of large document files (R2 multipart), for officers on weak connections: a session is started
 * for one file in one region, its parts arrive one by one (each retried alone when the connection drops), the parts
 * received are listed so a closed tab resumes where it stopped, and completion checks the assembled file with the
 * same rules as a form upload (size limit, type by magic bytes, SHA-256). The document form then takes the completed
 * upload by its id instead of a file field. A session belongs to the officer who started it: anyone else gets 404.
 */
export interface UploadDeps {
  db: Db;
  env: Pick<Bindings, 'FILES' | 'UPLOAD_MAX_BYTES'>;
}

export interface UploadSessionView {
  id: string;
  region_code: string;
  name: string;
  size: number;
  part_size: number;
  part_count: number;
  status: UploadSessionRow['status'];
  parts: number[];
  received_bytes: number;
  expires_at: string;
  mime?: string;
  sha256?: string;
}

const gone = () => new AppError('not_found', 'Unggahan tidak ditemukan atau sudah kedaluwarsa. Pilih berkasnya lagi untuk mengunggah dari awal.');
const multipartOf = (deps: UploadDeps, row: UploadSessionRow) => deps.env.FILES.resumeMultipartUpload(row.r2Key, row.r2UploadId);

async function viewOf(deps: UploadDeps, row: UploadSessionRow): Promise<UploadSessionView> {
  const parts = await listParts(deps.db, row.id);
  return {
    id: row.id,
    region_code: row.regionCode,
    name: row.fileName,
    size: row.size,
    part_size: row.partSize,
    part_count: partCountOf(row.size, row.partSize),
    status: row.status,
    parts: parts.map((p) => p.partNumber),
    received_bytes: parts.reduce((sum, p) => sum + p.size, 0),
    expires_at: new Date(row.expiresAt).toISOString(),
    ...(row.status !== 'open' ? { mime: row.mime ?? undefined, sha256: row.sha256 ?? undefined } : {}),
  };
}

/** The actor's own live session (404 for another officer's, an expired one, or one in a region no longer theirs). */
async function ownSession(deps: UploadDeps, id: string, ctx: ActionContext): Promise<UploadSessionRow> {
  const parsed = UploadIdParam.safeParse(id);
  if (!parsed.success || ctx.actor.kind !== 'user') throw gone();
  const row = await findOwnSession(deps.db, parsed.data, ctx.actor.id);
  if (!row || row.expiresAt <= ctx.now || row.status === 'used') throw gone();
  await authorize(deps.db, ctx.actor, 'content.draft', row.regionCode).catch(() => {
    throw gone();
  });
  return row;
}

export async function createUploadSession(deps: UploadDeps, input: CreateUploadInput, ctx: ActionContext): Promise<UploadSessionView> {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden');
  const region = await authorize(deps.db, ctx.actor, 'content.draft', input.region_code);
  const max = uploadMaxBytes(deps.env);
  if (input.size > max) throw tooLargeUpload('file', max, input.size);
  if ((await countOpenSessions(deps.db, ctx.actor.id)) >= MAX_OPEN_UPLOADS_PER_USER) {
    throw new AppError('rate_limited', 'Terlalu banyak unggahan yang belum selesai. Selesaikan atau batalkan unggahan lain dahulu.');
  }
  const id = newId(ctx.now);
  const key = `docs/${region.code}/unggahan/${id}`;
  const multipart = await deps.env.FILES.createMultipartUpload(key);
  const row: UploadSessionRow = {
    id,
    regionCode: region.code,
    ownerId: ctx.actor.id,
    fileName: input.name,
    size: input.size,
    partSize: UPLOAD_PART_BYTES,
    declaredSha256: input.sha256 ?? null,
    r2Key: key,
    r2UploadId: multipart.uploadId,
    status: 'open',
    mime: null,
    ext: null,
    sha256: null,
    createdAt: ctx.now,
    expiresAt: ctx.now + UPLOAD_SESSION_TTL_MS,
  };
  try {
    await insertSession(deps.db, row);
  } catch (err) {
    await multipart.abort().catch(() => undefined);
    throw err;
  }
  return viewOf(deps, row);
}

export async function getUploadSession(deps: UploadDeps, id: string, ctx: ActionContext): Promise<UploadSessionView> {
  return viewOf(deps, await ownSession(deps, id, ctx));
}

/** Stores part n: it must have exactly its size (the part size, or the rest for the last part). */
export async function uploadPart(deps: UploadDeps, id: string, n: number, bytes: Uint8Array, ctx: ActionContext): Promise<UploadSessionView> {
  const row = await ownSession(deps, id, ctx);
  if (row.status !== 'open') throw new AppError('conflict', 'Unggahan ini sudah selesai; bagian berkas tidak dapat diubah lagi.');
  const count = partCountOf(row.size, row.partSize);
  if (n > count) {
    const message = `Nomor bagian ${n} di luar rentang: berkas ini terdiri atas ${count} bagian.`;
    throw new AppError('validation', message, { fieldErrors: [{ field: 'n', message }] });
  }
  const want = expectedPartSize(row.size, n, row.partSize);
  if (bytes.byteLength > want)
    throw new AppError('payload_too_large', `Bagian ${n} terlalu besar: seharusnya ${want} byte, diterima ${bytes.byteLength} byte.`);
  if (bytes.byteLength < want) {
    throw new AppError('validation', `Bagian ${n} tidak lengkap: seharusnya ${want} byte, diterima ${bytes.byteLength} byte. Kirim ulang bagian ini.`);
  }
  let etag: string;
  try {
    ({ etag } = await multipartOf(deps, row).uploadPart(n, bytes));
  } catch (err) {
    console.error(JSON.stringify({ msg: 'r2 upload part failed', upload: row.id, part: n, err: String(err) }));
    throw new AppError('conflict', 'Bagian berkas tidak dapat disimpan. Coba kirim lagi; bila tetap gagal, batalkan lalu unggah dari awal.');
  }
  await savePart(deps.db, { sessionId: row.id, partNumber: n, etag, size: bytes.byteLength, uploadedAt: ctx.now });
  return viewOf(deps, row);
}

/** Removes an upload that failed its checks (object and records), then refuses with the check's own error. */
async function discard(deps: UploadDeps, row: UploadSessionRow, err: unknown): Promise<never> {
  await deps.env.FILES.delete(row.r2Key).catch(() => undefined);
  await deps.db.batch([...deleteSessionStatements(deps.db, row.id)]);
  throw err;
}

/**
 * Assembles the parts in R2 and checks the whole file as a form upload is checked. Idempotent: a completed session
 * answers with its result again (the client may not have received the first answer).
 */
export async function completeUpload(deps: UploadDeps, id: string, ctx: ActionContext): Promise<UploadSessionView> {
  const row = await ownSession(deps, id, ctx);
  if (row.status === 'complete') return viewOf(deps, row);
  const parts = await listParts(deps.db, row.id);
  const have = new Set(parts.map((p) => p.partNumber));
  const count = partCountOf(row.size, row.partSize);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !have.has(n));
  if (missing.length) throw new AppError('conflict', `Masih ada bagian yang belum terkirim: ${missing.join(', ')}.`);
  try {
    await multipartOf(deps, row).complete(parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
  } catch (err) {
    // A completion whose answer was lost: R2 has the object already and no longer knows the multipart upload.
    const head = await deps.env.FILES.head(row.r2Key);
    if (!head || head.size !== row.size) {
      console.error(JSON.stringify({ msg: 'r2 complete failed', upload: row.id, err: String(err) }));
      throw new AppError('conflict', 'Bagian-bagian berkas tidak dapat disatukan. Batalkan lalu unggah dari awal.');
    }
  }
  const object = await deps.env.FILES.get(row.r2Key);
  if (!object) throw gone();
  const bytes = new Uint8Array(await object.arrayBuffer());
  const max = uploadMaxBytes(deps.env);
  const checked = await checkUploadBytes(bytes, row.fileName, 'file', { maxBytes: max, kinds: DOCUMENT_FILE_KINDS }).catch((err: unknown) =>
    discard(deps, row, err),
  );
  if (checked.size !== row.size || (row.declaredSha256 && row.declaredSha256 !== checked.sha256)) {
    await discard(deps, row, new AppError('validation', 'Isi berkas yang diterima berbeda dari berkas Anda. Unggah berkasnya lagi dari awal.'));
  }
  const result = { mime: checked.type.mime, ext: checked.type.ext, sha256: checked.sha256 };
  await markComplete(deps.db, row.id, result);
  return viewOf(deps, { ...row, ...result, status: 'complete' });
}

/** Gives up an upload: the multipart upload is aborted (or the completed file deleted) and the records removed. */
export async function abortUpload(deps: UploadDeps, id: string, ctx: ActionContext): Promise<void> {
  const row = await ownSession(deps, id, ctx);
  await removeUpload(deps, row);
}

/** Shared by abort and the daily cleanup. A session already taken by a document ('used') keeps its file. */
export async function removeUpload(deps: UploadDeps, row: UploadSessionRow, keepFile = row.status === 'used'): Promise<void> {
  if (row.status === 'open')
    await multipartOf(deps, row)
      .abort()
      .catch(() => undefined);
  else if (!keepFile) await deps.env.FILES.delete(row.r2Key).catch(() => undefined);
  await deps.db.batch([...deleteSessionStatements(deps.db, row.id)]);
}

/**
 * Runs `use` with the completed upload `uploadId` as the document's file, claimed so no other document can take it;
 * the claim is released when `use` fails (the officer can correct the form and send it again).
 */
export async function withCompletedUpload<T>(
  deps: UploadDeps,
  uploadId: string,
  regionCode: string,
  ctx: ActionContext,
  use: (file: StoredUpload) => Promise<T>,
): Promise<T> {
  const refuse = (message: string) => new AppError('validation', message, { fieldErrors: [{ field: 'file', message }] });
  const parsed = UploadIdParam.safeParse(uploadId);
  const row = parsed.success && ctx.actor.kind === 'user' ? await claimCompleted(deps.db, parsed.data, ctx.actor.id, ctx.now) : undefined;
  if (!row?.mime || !row.ext || !row.sha256) throw refuse('Berkas yang sudah diunggah tidak ditemukan atau sudah kedaluwarsa. Pilih berkasnya lagi.');
  try {
    if (row.regionCode !== regionCode) throw refuse('Berkas ini diunggah untuk wilayah lain. Pilih wilayah yang sama atau unggah berkasnya lagi.');
    return await use({
      uploadId: row.id,
      r2Key: row.r2Key,
      type: { mime: row.mime, ext: row.ext },
      size: row.size,
      sha256: row.sha256,
      safeName: safeDownloadName(row.fileName, row.ext),
    });
  } catch (err) {
    await releaseClaim(deps.db, row.id).catch(() => undefined);
    throw err;
  }
}
