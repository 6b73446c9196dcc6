/**
 * Small pixel operations on RGBA bitmaps that the codecs do not offer: EXIF orientation, flattening transparency onto
 * white (JPEG has no alpha) and an integer box shrink that brings a big decoded PNG/WebP down before the precise
 * resize (the resize codec copies its whole input into its own memory).
 */
import type { Rgba } from './jpeg-turbo';

/** Orientations 5–8 swap width and height. */
export const swapsAxes = (orientation: number) => orientation >= 5 && orientation <= 8;

/** Upright size of a stored image with the given EXIF orientation. */
export function uprightSize(width: number, height: number, orientation: number) {
  return swapsAxes(orientation) ? { width: height, height: width } : { width, height };
}

/** Applies an EXIF orientation (1–8) so the bitmap is upright; returns the input itself for 1. */
export function applyOrientation(img: Rgba, orientation: number): Rgba {
  if (orientation < 2 || orientation > 8) return img;
  const { width: W, height: H } = img;
  const src = new Uint32Array(img.data.buffer, img.data.byteOffset, W * H);
  const { width: OW, height: OH } = uprightSize(W, H, orientation);
  const out = new Uint32Array(OW * OH);
  for (let y = 0; y < OH; y++) {
    for (let x = 0; x < OW; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: sx = W - 1 - x; sy = y; break; // mirrored
        case 3: sx = W - 1 - x; sy = H - 1 - y; break; // upside down
        case 4: sx = x; sy = H - 1 - y; break; // mirrored upside down
        case 5: sx = y; sy = x; break; // transposed
        case 6: sx = y; sy = H - 1 - x; break; // stored rotated 90° counter-clockwise: turn it clockwise
        case 7: sx = W - 1 - y; sy = H - 1 - x; break; // transversed
        default: sx = W - 1 - y; sy = x; // 8: stored rotated 90° clockwise: turn it counter-clockwise
      }
      out[y * OW + x] = src[sy * W + sx] ?? 0;
    }
  }
  return { data: new Uint8ClampedArray(out.buffer), width: OW, height: OH };
}

/** Composites transparent pixels onto white, in place. */
export function flattenOnWhite(img: Rgba): Rgba {
  const d = img.data;
  for (let i = 3; i < d.length; i += 4) {
    const a = d[i] ?? 255;
    if (a === 255) continue;
    const k = a / 255;
    d[i - 3] = Math.round((d[i - 3] ?? 0) * k + 255 * (1 - k));
    d[i - 2] = Math.round((d[i - 2] ?? 0) * k + 255 * (1 - k));
    d[i - 1] = Math.round((d[i - 1] ?? 0) * k + 255 * (1 - k));
    d[i] = 255;
  }
  return img;
}

/** Averages k×k blocks (k ≥ 2): a fast first step for bitmaps many times larger than the biggest derivative. */
export function boxShrink(img: Rgba, k: number): Rgba {
  const { width: W, height: H, data: s } = img;
  const OW = Math.floor(W / k);
  const OH = Math.floor(H / k);
  const out = new Uint8ClampedArray(OW * OH * 4);
  const sums = new Uint32Array(OW * 4);
  const n = k * k;
  for (let oy = 0; oy < OH; oy++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let p = ((oy * k + dy) * W) * 4;
      for (let ox = 0; ox < OW; ox++) {
        const o = ox * 4;
        for (let dx = 0; dx < k; dx++, p += 4) {
          sums[o] = (sums[o] ?? 0) + (s[p] ?? 0);
          sums[o + 1] = (sums[o + 1] ?? 0) + (s[p + 1] ?? 0);
          sums[o + 2] = (sums[o + 2] ?? 0) + (s[p + 2] ?? 0);
          sums[o + 3] = (sums[o + 3] ?? 0) + (s[p + 3] ?? 0);
        }
      }
    }
    const row = oy * OW * 4;
    for (let i = 0; i < OW * 4; i++) out[row + i] = Math.round((sums[i] ?? 0) / n);
  }
  return { data: out, width: OW, height: OH };
}

/** Size that fits inside a square of `maxSide`, never enlarged. */
export function fitInside(width: number, height: number, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
