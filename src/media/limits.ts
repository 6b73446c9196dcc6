/**
 * What the image pipeline makes and what it accepts. The sizes follow the page budgets in ARCHITECTURE.md: a list
 * shows thumbnails (≤ 8 KB), an article shows the article size (≤ 60 KB, ~800 px), never the original.
 *
 * Input caps exist because the Worker has 128 MB. A baseline JPEG is decoded at 1/8…8/8 scale (only the small bitmap
 * is ever in memory), so camera photos up to 64 MP are fine. A progressive JPEG keeps all its DCT coefficients while
 * decoding (~3 bytes per pixel), and PNG/WebP have no scaled decoding (4 bytes per pixel, twice: codec and copy), so
 * those are capped lower. The figures are re-measured by `npm run bench` (peak memory per photo).
 */
import { AppError } from '../lib/errors';

export const DERIVATIVE_SIZES = {
  /** Lists, home pages, cards: shown ~96–160 CSS px wide, so 240 px covers 2× screens. */
  thumb: { maxSide: 240, maxBytes: 8 * 1024 },
  /** Article and detail pages: a phone's width at 2× or a desktop column at 1×. */
  article: { maxSide: 800, maxBytes: 60 * 1024 },
} as const;
export type DerivativeSize = keyof typeof DERIVATIVE_SIZES;
export const SIZE_NAMES = Object.keys(DERIVATIVE_SIZES) as DerivativeSize[];

export const DERIVATIVE_FORMATS = ['webp', 'jpeg'] as const;
export type DerivativeFormat = (typeof DERIVATIVE_FORMATS)[number];
export const FORMAT_MIME: Record<DerivativeFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };
export const FORMAT_EXT: Record<DerivativeFormat, string> = { webp: 'webp', jpeg: 'jpg' };

/** One encoded derivative: a size in one format. */
export interface Derivative {
  size: DerivativeSize;
  format: DerivativeFormat;
  bytes: Uint8Array;
  width: number;
  height: number;
}

export const INPUT_CAPS = {
  /** Baseline JPEG: decoded at reduced scale; limited by the upload size more than by pixels. */
  jpegBaseline: 64_000_000,
  /** Progressive JPEG: every coefficient stays in memory while decoding. */
  jpegProgressive: 16_000_000,
  /** PNG and WebP: decoded whole. A phone screenshot is 2–5 MP. */
  whole: 8_000_000,
} as const;
export const MAX_SIDE = 12_000;

export type InputFormat = 'jpeg' | 'png' | 'webp';

const mp = (pixels: number) => `${Math.round(pixels / 1_000_000)} megapiksel`;

export function capFor(format: InputFormat, progressive: boolean): number {
  if (format === 'jpeg') return progressive ? INPUT_CAPS.jpegProgressive : INPUT_CAPS.jpegBaseline;
  return INPUT_CAPS.whole;
}

/** Reasons an image is refused, each with the sentence a citizen reads (no JavaScript, so no browser downscaling). */
export function imageRefusal(
  field: string,
  reason: 'type' | 'unreadable' | 'too_large' | 'cmyk',
  detail?: { width: number; height: number; cap: number },
): AppError {
  const messages = {
    type: 'Jenis gambar tidak didukung. Kirim foto JPG, PNG atau WebP.',
    unreadable: 'Gambar rusak atau tidak dapat dibaca. Simpan ulang sebagai JPG lalu kirim lagi.',
    cmyk: 'Gambar ini memakai warna cetak (CMYK). Simpan ulang sebagai JPG biasa (RGB) lalu kirim lagi.',
    too_large: detail
      ? `Foto terlalu besar (${detail.width}×${detail.height} piksel, ${mp(detail.width * detail.height)}). Untuk jenis foto ini maksimal ${mp(detail.cap)}. ` +
        'Perkecil dulu: ambil foto dengan ukuran lebih kecil di pengaturan kamera, atau kirim foto itu lewat WhatsApp ke diri sendiri lalu simpan dan pilih foto hasil simpanan itu.'
      : 'Foto terlalu besar.',
  } as const;
  const message = messages[reason];
  return new AppError(reason === 'too_large' ? 'payload_too_large' : reason === 'type' ? 'unsupported_media_type' : 'validation', message, {
    fieldErrors: [{ field, message }],
  });
}
