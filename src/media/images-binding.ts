/**
 * Derivatives through the Cloudflare Images binding (`[images] binding = "IMAGES"` in wrangler.toml), used when the
 * deployment has it: the work happens outside the Worker, so memory is not a concern there.
 *
 * The binding is given the upload with ALL metadata already removed, orientation included, and the orientation is
 * applied here as explicit flip/rotate steps: the result does not depend on whether the service would also read the
 * EXIF tag. Its output passes the same metadata stripper and byte budgets as the WebAssembly path.
 */
import { imageDimensions } from '../lib/file-type';
import type { ImageHeader } from './inspect';
import { DERIVATIVE_FORMATS, DERIVATIVE_SIZES, type Derivative, type DerivativeFormat, FORMAT_MIME, SIZE_NAMES } from './limits';
import { stripMetadata } from './metadata';
import { fitInside } from './pixels';

/** EXIF orientation as transform steps, applied in order (rotation clockwise). */
export function orientationSteps(orientation: number): ImageTransform[] {
  switch (orientation) {
    case 2:
      return [{ flip: 'h' }];
    case 3:
      return [{ rotate: 180 }];
    case 4:
      return [{ flip: 'v' }];
    case 5:
      return [{ flip: 'h' }, { rotate: 270 }];
    case 6:
      return [{ rotate: 90 }];
    case 7:
      return [{ flip: 'h' }, { rotate: 90 }];
    case 8:
      return [{ rotate: 270 }];
    default:
      return [];
  }
}

const ATTEMPTS = [
  { quality: 72, scale: 1 },
  { quality: 55, scale: 1 },
  { quality: 45, scale: 0.8 },
  { quality: 40, scale: 0.6 },
  { quality: 35, scale: 0.4 },
] as const;

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
}

async function one(images: ImagesBinding, clean: Uint8Array, h: ImageHeader, maxSide: number, maxBytes: number, format: DerivativeFormat) {
  for (const { quality, scale } of ATTEMPTS) {
    const box = fitInside(h.width, h.height, Math.round(maxSide * scale));
    let t = images.input(streamOf(clean));
    for (const step of orientationSteps(h.orientation)) t = t.transform(step);
    t = t.transform({ width: box.width, height: box.height, fit: 'scale-down' });
    const result = await t.output({ format: FORMAT_MIME[format] as 'image/webp' | 'image/jpeg', quality });
    const bytes = stripMetadata(new Uint8Array(await new Response(result.image()).arrayBuffer()), FORMAT_MIME[format] as 'image/webp' | 'image/jpeg');
    const dims = imageDimensions(bytes);
    if (dims && bytes.byteLength <= maxBytes) return { bytes, ...dims };
  }
  return null;
}

/** Throws when the service fails or cannot meet a budget; the pipeline then falls back to the WebAssembly codecs. */
export async function deriveWithBinding(images: ImagesBinding, clean: Uint8Array, h: ImageHeader) {
  const derivatives: Derivative[] = [];
  for (const size of SIZE_NAMES) {
    const { maxSide, maxBytes } = DERIVATIVE_SIZES[size];
    for (const format of DERIVATIVE_FORMATS) {
      const made = await one(images, clean, h, maxSide, maxBytes, format);
      if (!made) throw new Error(`Images binding: ${size}.${format} over its budget`);
      derivatives.push({ size, format, ...made });
    }
  }
  const largest = derivatives.reduce((a, d) => Math.max(a, d.width * d.height), 0);
  const first = derivatives.find((d) => d.width * d.height === largest);
  return { derivatives, stats: { engine: 'images' as const, decodedWidth: first?.width ?? 0, decodedHeight: first?.height ?? 0 } };
}
