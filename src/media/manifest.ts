/**
 * Where a processed image lives and how pages refer to it. An image is stored under one R2 key prefix (its `base`):
 *   {base}/original.{jpg|png|webp}   the upload, metadata stripped (never referenced by a page)
 *   {base}/thumb.webp, thumb.jpg     lists, home pages, cards (≤ 8 KB)
 *   {base}/article.webp, article.jpg article and detail pages (≤ 60 KB)
 * The manifest (kept as JSON beside the row that owns the image) holds the sizes, so a page can emit `width`,
 * `height`, `srcset` and `sizes` without reading R2. URLs name a size, not a format: /media/{base}/{size} answers
 * WebP to browsers that accept it and JPEG to the others (Vary: Accept).
 */
import { z } from 'zod';
import { DERIVATIVE_SIZES, type DerivativeFormat, type DerivativeSize, FORMAT_EXT, SIZE_NAMES } from './limits';
import type { ProcessedImage } from './pipeline';

const dims = z.object({ w: z.number().int().positive(), h: z.number().int().positive() });
const sizeEntry = dims.extend({ webp: z.number().int().nonnegative(), jpeg: z.number().int().nonnegative() });

export const mediaManifestSchema = z.object({
  v: z.literal(1),
  base: z.string().regex(/^[a-z0-9-]+(\/[A-Za-z0-9.-]+)+$/),
  w: z.number().int().positive(),
  h: z.number().int().positive(),
  original: z.object({ ext: z.enum(['jpg', 'png', 'webp']), bytes: z.number().int().nonnegative() }),
  sizes: z.object({ thumb: sizeEntry, article: sizeEntry }),
});
export type MediaManifest = z.infer<typeof mediaManifestSchema>;

/** The manifest stored in a row, or null when the column is empty or does not hold a valid manifest. */
export function parseManifest(json: string | null | undefined): MediaManifest | null {
  if (!json) return null;
  try {
    const parsed = mediaManifestSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const serializeManifest = (m: MediaManifest) => JSON.stringify(m);

export const originalKey = (m: Pick<MediaManifest, 'base' | 'original'>) => `${m.base}/original.${m.original.ext}`;
export const derivativeKey = (base: string, size: DerivativeSize, format: DerivativeFormat) => `${base}/${size}.${FORMAT_EXT[format]}`;

/** Every R2 key of an image (for deletion). */
export function allKeys(m: MediaManifest): string[] {
  return [originalKey(m), ...SIZE_NAMES.flatMap((s) => [derivativeKey(m.base, s, 'webp'), derivativeKey(m.base, s, 'jpeg')])];
}

export function manifestOf(base: string, p: ProcessedImage): MediaManifest {
  const entry = (size: DerivativeSize) => {
    const of = (format: DerivativeFormat) => p.derivatives.find((d) => d.size === size && d.format === format);
    const webp = of('webp');
    const jpeg = of('jpeg');
    if (!webp || !jpeg) throw new Error(`missing derivative ${size}`);
    // Both formats come from the same bitmap; the JPEG's size is the one pages announce.
    return { w: jpeg.width, h: jpeg.height, webp: webp.bytes.byteLength, jpeg: jpeg.bytes.byteLength };
  };
  return {
    v: 1,
    base,
    w: p.header.width,
    h: p.header.height,
    original: { ext: p.header.ext, bytes: p.original.byteLength },
    sizes: { thumb: entry('thumb'), article: entry('article') },
  };
}

/** Public URL of a derivative of a public image (base under `public/`); the format follows the browser's Accept. */
export const mediaPath = (m: Pick<MediaManifest, 'base'>, size: DerivativeSize) => `/media/${m.base}/${size}`;

/** A fixed-format JPEG URL, for readers that do not send Accept (feeds, Open Graph, the JSON API). */
export const mediaJpegPath = (m: Pick<MediaManifest, 'base'>, size: DerivativeSize) => `/media/${m.base}/${size}.jpg`;

export interface ImgAttrs {
  src: string;
  width: number;
  height: number;
  srcset?: string;
  sizes?: string;
  loading: 'lazy' | 'eager';
  decoding: 'async';
}

/**
 * Attributes of an <img> for a size. `thumb` never offers the article file (a list must not pull 60 KB images);
 * `article` offers both, so a small screen may take the thumbnail. `eager` only for an image in the first screen.
 */
export function imgAttrs(m: MediaManifest, size: DerivativeSize, opts: { sizes?: string; eager?: boolean; href?: (path: string) => string } = {}): ImgAttrs {
  const href = opts.href ?? ((p: string) => p);
  const s = m.sizes[size];
  const attrs: ImgAttrs = { src: href(mediaPath(m, size)), width: s.w, height: s.h, loading: opts.eager ? 'eager' : 'lazy', decoding: 'async' };
  if (size === 'article') {
    attrs.srcset = `${href(mediaPath(m, 'thumb'))} ${m.sizes.thumb.w}w, ${href(mediaPath(m, 'article'))} ${s.w}w`;
    attrs.sizes = opts.sizes ?? `(min-width: 52rem) ${Math.min(s.w, DERIVATIVE_SIZES.article.maxSide)}px, 100vw`;
  }
  return attrs;
}
