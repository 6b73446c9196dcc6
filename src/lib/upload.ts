/**
 * Upload checks shared by document files and post covers: never empty, at most `maxBytes`, type decided by magic
 * bytes (src/lib/file-type.ts) from an allow-list of kinds, images within a pixel limit. Every refusal is an AppError
 * carrying a field error in Indonesian (422 empty/unreadable, 413 too large, 415 wrong type) — never a 500.
 */
import type { Context } from 'hono';
import { sha256Hex } from './encoding';
import { AppError } from './errors';
import { imageDimensions, safeDownloadName, sniffFileType, type FileKind, type SniffedType } from './file-type';

export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** Largest image accepted (pixels): decoding a bigger one would exhaust a phone's memory and is never needed. */
export const MAX_IMAGE_PIXELS = 24_000_000;
export const MAX_IMAGE_SIDE = 10_000;

export interface UploadLimits {
  maxBytes: number;
  kinds: readonly FileKind[];
  maxPixels?: number;
}

export interface CheckedUpload {
  bytes: Uint8Array;
  type: SniffedType;
  size: number;
  sha256: string;
  /** Sanitised original name with the sniffed extension (path parts, control and quote characters removed). */
  safeName: string;
  width?: number;
  height?: number;
}

/** UPLOAD_MAX_BYTES from the environment (default 20 MB); nonsense values fall back to the default. */
export function uploadMaxBytes(env: { UPLOAD_MAX_BYTES?: string }): number {
  const n = Number(env.UPLOAD_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_UPLOAD_MAX_BYTES;
}

/** '20 MB', '512 KB' */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1)).toLocaleString('id-ID')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} byte`;
}

const KIND_WORDS: Record<FileKind, string> = { pdf: 'PDF', image: 'gambar (JPG, PNG, WebP, GIF)', office: 'dokumen Office/ODF', archive: 'arsip' };

function refuse(code: 'validation' | 'payload_too_large' | 'unsupported_media_type', field: string, message: string): AppError {
  return new AppError(code, message, { fieldErrors: [{ field, message }] });
}

/** The file under `field` of a parsed multipart body, or null when none was chosen. */
export function fileField(body: Record<string, unknown>, field: string): File | null {
  const v = body[field];
  const f = Array.isArray(v) ? v.find((x) => x instanceof File) : v;
  return f instanceof File && (f.size > 0 || f.name !== '') ? f : null;
}

/** Refuses a request body larger than the limit (plus room for the form fields) before it is read further. */
export function assertRequestSize(c: Context, maxBytes: number): void {
  const length = Number(c.req.header('Content-Length') ?? '0');
  if (length > maxBytes + 256 * 1024) throw tooLargeUpload('file', maxBytes);
}

/** The one "too large" refusal (forms, chunked uploads): with the size when it is known. */
export function tooLargeUpload(field: string, maxBytes: number, size?: number): AppError {
  const what = size === undefined ? 'Berkas terlalu besar.' : `Berkas terlalu besar (${formatBytes(size)}).`;
  return refuse('payload_too_large', field, `${what} Ukuran maksimal ${formatBytes(maxBytes)}.`);
}

export async function checkUpload(file: File, field: string, limits: UploadLimits): Promise<CheckedUpload> {
  if (file.size === 0) throw refuse('validation', field, 'Berkas kosong. Pilih berkas yang berisi.');
  if (file.size > limits.maxBytes) throw tooLargeUpload(field, limits.maxBytes, file.size);
  return checkUploadBytes(new Uint8Array(await file.arrayBuffer()), file.name, field, limits);
}

/**
 * The checks on an upload's bytes (a form's file, or a chunked upload assembled in R2): not empty, within the size
 * limit, an allowed type by magic bytes, images within the pixel limit; with the SHA-256 and a safe name.
 */
export async function checkUploadBytes(bytes: Uint8Array, name: string, field: string, limits: UploadLimits): Promise<CheckedUpload> {
  if (bytes.byteLength === 0) throw refuse('validation', field, 'Berkas kosong. Pilih berkas yang berisi.');
  if (bytes.byteLength > limits.maxBytes) throw tooLargeUpload(field, limits.maxBytes);
  const type = sniffFileType(bytes);
  const allowed = limits.kinds.map((k) => KIND_WORDS[k]).join(', ');
  if (!type || !limits.kinds.includes(type.kind)) {
    throw refuse(
      'unsupported_media_type',
      field,
      `Jenis berkas tidak didukung. Yang diterima: ${allowed}. Jenis berkas diperiksa dari isinya, bukan dari namanya.`,
    );
  }
  let width: number | undefined;
  let height: number | undefined;
  if (type.kind === 'image') {
    const dims = imageDimensions(bytes);
    if (!dims) throw refuse('validation', field, 'Gambar tidak dapat dibaca. Simpan ulang sebagai JPG atau PNG lalu unggah lagi.');
    const maxPixels = limits.maxPixels ?? MAX_IMAGE_PIXELS;
    if (dims.width * dims.height > maxPixels || dims.width > MAX_IMAGE_SIDE || dims.height > MAX_IMAGE_SIDE) {
      throw refuse(
        'payload_too_large',
        field,
        `Gambar terlalu besar (${dims.width}×${dims.height} piksel). ` +
          `Maksimal ${Math.round(maxPixels / 1_000_000)} megapiksel dan ${MAX_IMAGE_SIDE} piksel per sisi; perkecil fotonya dahulu.`,
      );
    }
    ({ width, height } = dims);
  }
  return { bytes, type, size: bytes.byteLength, sha256: await sha256Hex(bytes), safeName: safeDownloadName(name, type.ext), width, height };
}
