/**
 * THE image pipeline: every uploaded image (news covers and body images, complaint photos, place photos, later
 * letters and imports) goes through `processImage` before anything is stored.
 *
 *   bytes ─▶ inspect (format, size, orientation; caps) ─▶ original: upright, ALL metadata removed (./upright-original.ts)
 *         └▶ derivatives: thumb (≤ 8 KB) and article (≤ 60 KB, ~800 px), each as WebP and JPEG, upright, no metadata
 *
 * Derivatives are made by the Cloudflare Images binding when the deployment has one (`env.IMAGES`, optional), else
 * in the Worker by WebAssembly codecs with decode-time downscaling (./codecs.ts, ./jpeg-turbo.ts). Either way the
 * output bytes pass the same metadata stripper and the same byte budgets.
 */
import { AppError } from '../lib/errors';
import { decodeJpegScaled, jpegScaleFor, type Rgba } from './jpeg-turbo';
import { decodePng, decodeWebp, type Encoders, openEncoders } from './codecs';
import { deriveWithBinding } from './images-binding';
import { inspectImage, type ImageHeader } from './inspect';
import { DERIVATIVE_FORMATS, DERIVATIVE_SIZES, type Derivative, type DerivativeFormat, imageRefusal, SIZE_NAMES } from './limits';
import { imageDimensions } from '../lib/file-type';
import { stripMetadata } from './metadata';
import { storedSideways, uprightOriginal } from './upright-original';
import { applyOrientation, fitInside, flattenOnWhite, resizeArea } from './pixels';

export interface ProcessedImage {
  header: ImageHeader;
  /**
   * The upload with every metadata segment removed; when the camera stored it sideways, turned upright (re-encoded,
   * at most UPRIGHT_ORIGINAL_MAX_SIDE px): no EXIF at all, not even an orientation tag.
   */
  original: Uint8Array;
  /** Size of `original` as stored (and shown). */
  originalSize: { width: number; height: number };
  derivatives: Derivative[];
  /** How the derivatives were made and the largest bitmap held in memory (for the bench and the tests). */
  stats: { engine: 'wasm' | 'images'; decodedWidth: number; decodedHeight: number };
}

export interface PipelineOptions {
  /** Form field the errors belong to. */
  field?: string;
  /** The Cloudflare Images binding, when the deployment has one. */
  images?: ImagesBinding;
}

const QUALITIES = [72, 60, 48, 38] as const;
const MAX_SHRINK_ROUNDS = 4;

/** Encodes within the byte budget: lower quality first, then a smaller image. */
export function encodeWithin(enc: Encoders, img: Rgba, format: DerivativeFormat, maxBytes: number): Omit<Derivative, 'size' | 'format'> {
  let current = img;
  for (let round = 0; round < MAX_SHRINK_ROUNDS; round++) {
    for (const q of QUALITIES) {
      const bytes = enc[format === 'webp' ? 'webp' : 'jpeg'](current, q);
      if (bytes.byteLength <= maxBytes) return { bytes, width: current.width, height: current.height };
    }
    current = resizeArea(current, Math.max(1, Math.round(current.width * 0.8)), Math.max(1, Math.round(current.height * 0.8)));
  }
  throw new AppError('internal', 'image could not be encoded within its budget');
}

/** Decodes to an upright RGBA bitmap no larger than needed for the biggest derivative. */
async function decodeUpright(bytes: Uint8Array, h: ImageHeader, field: string): Promise<{ img: Rgba; decodedWidth: number; decodedHeight: number }> {
  const need = Math.max(...SIZE_NAMES.map((s) => DERIVATIVE_SIZES[s].maxSide));
  let img: Rgba;
  try {
    if (h.format === 'jpeg') img = decodeJpegScaled(bytes, h.storedWidth, h.storedHeight, jpegScaleFor(h.storedWidth, h.storedHeight, need));
    else img = h.format === 'png' ? decodePng(bytes) : await decodeWebp(bytes);
  } catch {
    throw imageRefusal(field, 'unreadable');
  }
  if (img.width <= 0 || img.height <= 0) throw imageRefusal(field, 'unreadable');
  if (h.format !== 'jpeg') flattenOnWhite(img);
  // Shrink before turning: orientation then moves a bitmap no larger than the biggest derivative.
  const first = fitInside(img.width, img.height, need);
  return { img: applyOrientation(resizeArea(img, first.width, first.height), h.orientation), decodedWidth: img.width, decodedHeight: img.height };
}

async function deriveWithWasm(bytes: Uint8Array, h: ImageHeader, field: string, enc: Encoders) {
  const { img: decoded, decodedWidth, decodedHeight } = await decodeUpright(bytes, h, field);
  const derivatives: Derivative[] = [];
  let source = decoded;
  // Largest size first, so each smaller size is resized from the previous (smaller) bitmap.
  const sizes = [...SIZE_NAMES].sort((a, b) => DERIVATIVE_SIZES[b].maxSide - DERIVATIVE_SIZES[a].maxSide);
  for (const size of sizes) {
    const { maxSide, maxBytes } = DERIVATIVE_SIZES[size];
    const target = fitInside(h.width, h.height, maxSide);
    source = resizeArea(source, Math.min(target.width, source.width), Math.min(target.height, source.height));
    for (const format of DERIVATIVE_FORMATS) derivatives.push({ size, format, ...encodeWithin(enc, source, format, maxBytes) });
  }
  return { derivatives, stats: { engine: 'wasm' as const, decodedWidth, decodedHeight } };
}

export async function processImage(bytes: Uint8Array, opts: PipelineOptions = {}): Promise<ProcessedImage> {
  const field = opts.field ?? 'photo';
  const header = inspectImage(bytes, field);
  let original: Uint8Array;
  try {
    // Encoders of their own: their memory, grown by the large original, can go before the derivatives are made.
    original = storedSideways(header) ? uprightOriginal(bytes, header, await openEncoders()) : stripMetadata(bytes, header.mime);
  } catch {
    throw imageRefusal(field, 'unreadable');
  }
  const originalSize = imageDimensions(original) ?? { width: header.width, height: header.height };
  if (opts.images) {
    try {
      return { header, original, originalSize, ...(await deriveWithBinding(opts.images, stripMetadata(bytes, header.mime), header)) };
    } catch (err) {
      // The service is optional: an outage or a refusal there must not lose a citizen's photo.
      console.warn(JSON.stringify({ event: 'images_binding_failed', message: err instanceof Error ? err.message : String(err) }));
    }
  }
  return { header, original, originalSize, ...(await deriveWithWasm(bytes, header, field, await openEncoders())) };
}
