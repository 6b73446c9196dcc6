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
        case 2:
          sx = W - 1 - x;
          sy = y;
          break; // mirrored
        case 3:
          sx = W - 1 - x;
          sy = H - 1 - y;
          break; // upside down
        case 4:
          sx = x;
          sy = H - 1 - y;
          break; // mirrored upside down
        case 5:
          sx = y;
          sy = x;
          break; // transposed
        case 6:
          sx = y;
          sy = H - 1 - x;
          break; // stored rotated 90° counter-clockwise: turn it clockwise
        case 7:
          sx = W - 1 - y;
          sy = H - 1 - x;
          break; // transversed
        default:
          sx = W - 1 - y;
          sy = x; // 8: stored rotated 90° clockwise: turn it counter-clockwise
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

/**
 * Downscales by area averaging: each output pixel is the mean of the source area it covers (fractional edges
 * weighted), which is what a photo needs when it gets smaller — no aliasing, no ringing. Works row by row, so besides
 * the output it holds only two rows of sums. (Squoosh's resize codec was dropped: it keeps float copies of the whole
 * bitmap in a WebAssembly memory that never shrinks.)
 */
export function resizeArea(img: Rgba, outW: number, outH: number): Rgba {
  const { width: W, height: H, data: s } = img;
  if (outW === W && outH === H) return img;
  const sx = W / outW;
  const sy = H / outH;
  // Horizontal spans: for output column ox, source columns [xFrom[ox], xFrom[ox + 1]) … with per-column weights.
  const starts = new Int32Array(outW + 1);
  const cols: number[] = [];
  const weights: number[] = [];
  for (let ox = 0; ox < outW; ox++) {
    starts[ox] = cols.length;
    const x0 = ox * sx;
    const x1 = Math.min(W, (ox + 1) * sx);
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      cols.push(x);
      weights.push((Math.min(x + 1, x1) - Math.max(x, x0)) / (x1 - x0));
    }
  }
  starts[outW] = cols.length;
  const col = Int32Array.from(cols);
  const wgt = Float32Array.from(weights);
  const row = new Float32Array(outW * 4);
  const acc = new Float32Array(outW * 4);
  const out = new Uint8ClampedArray(outW * outH * 4);
  for (let oy = 0; oy < outH; oy++) {
    acc.fill(0);
    const y0 = oy * sy;
    const y1 = Math.min(H, (oy + 1) * sy);
    for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
      const wy = (Math.min(y + 1, y1) - Math.max(y, y0)) / (y1 - y0);
      const base = y * W * 4;
      for (let ox = 0; ox < outW; ox++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let i = starts[ox] ?? 0; i < (starts[ox + 1] ?? 0); i++) {
          const p = base + (col[i] ?? 0) * 4;
          const w = wgt[i] ?? 0;
          r += (s[p] ?? 0) * w;
          g += (s[p + 1] ?? 0) * w;
          b += (s[p + 2] ?? 0) * w;
          a += (s[p + 3] ?? 0) * w;
        }
        const o = ox * 4;
        row[o] = r;
        row[o + 1] = g;
        row[o + 2] = b;
        row[o + 3] = a;
      }
      for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] ?? 0) + (row[i] ?? 0) * wy;
    }
    out.set(acc, oy * outW * 4);
  }
  return { data: out, width: outW, height: outH };
}

/** Size that fits inside a square of `maxSide`, never enlarged. */
export function fitInside(width: number, height: number, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
