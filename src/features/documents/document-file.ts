import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { actionContext } from '../../admin/context';
import { AppError } from '../../lib/errors';
import { assertRequestSize, checkUpload, fileField, uploadMaxBytes } from '../../lib/upload';
import { withCompletedUpload } from './chunked-service';
import { DOCUMENT_FILE_KINDS, type DocumentFile } from './service-common';

/** The chunked upload the form refers to (`upload_id`, set by public/js/chunked-upload.js), if any. */
export async function uploadIdOf(c: Context<AppEnv>): Promise<string | null> {
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/.test(c.req.header('Content-Type') ?? '')) return null;
  const v = (await c.req.parseBody()).upload_id;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** Reads the `file` field: required, size limit, allowed types by magic bytes (PDF, images, Office/ODF). */
export async function readFile(c: Context<AppEnv>) {
  const max = uploadMaxBytes(c.env);
  assertRequestSize(c, max);
  if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type', 'Formulir unggah harus dikirim sebagai multipart/form-data.');
  }
  const file = fileField(await c.req.parseBody({ all: true }), 'file');
  if (!file)
    throw new AppError('validation', 'Pilih berkas yang akan diunggah.', { fieldErrors: [{ field: 'file', message: 'Pilih berkas yang akan diunggah.' }] });
  return checkUpload(file, 'file', { maxBytes: max, kinds: DOCUMENT_FILE_KINDS });
}

/** Runs `use` with the document's file: a completed chunked upload for `regionCode` when the form names one, else the `file` field. */
export async function withDocumentFile<T>(c: Context<AppEnv>, regionCode: string, use: (file: DocumentFile) => Promise<T>): Promise<T> {
  const uploadId = await uploadIdOf(c);
  if (uploadId) return withCompletedUpload({ db: c.get('db'), env: c.env }, uploadId, regionCode, actionContext(c), use);
  return use(await readFile(c));
}
