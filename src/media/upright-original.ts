/**
 * The kept original of a photo the camera stored sideways (EXIF orientation 2–8). ARCHITECTURE.md: orientation
 * applied, all metadata stripped, the original included — so it is stored upright with no EXIF at all, like its
 * derivatives, and nothing that shows or downloads it has to honour a tag.
 *
 * Turning the camera's full-size pixels does not fit the Worker's 128 MB (a 48 MP bitmap alone is 192 MB, and a
 * lossless DCT-block rotation would hold every coefficient of the photo), so such an original is decoded at the
 * largest libjpeg scale whose long side stays within UPRIGHT_ORIGINAL_MAX_SIDE, turned, and re-encoded at high
 * quality. An original that is already upright keeps its own bytes, stripped of metadata (./metadata.ts).
 */
import type { Encoders } from './codecs';
import type { ImageHeader } from './inspect';
import { decodeJpegScaled } from './jpeg-turbo';
import { applyOrientation, fitInside, resizeArea } from './pixels';

/** Enough for officers to read a photo at full screen; ≈ 12 MB as a bitmap. */
export const UPRIGHT_ORIGINAL_MAX_SIDE = 2048;
const QUALITY = 88;

/** The largest libjpeg scale num/8 whose output long side is at most `maxSide` (1/8 at the least). */
function largestScaleWithin(width: number, height: number, maxSide: number): number {
  const long = Math.max(width, height);
  for (let num = 8; num > 1; num--) if (Math.ceil((long * num) / 8) <= maxSide) return num;
  return 1;
}

/** Whether the stored pixels need turning (JPEG only: PNG and WebP uploads carry no orientation the pipeline reads). */
export const storedSideways = (h: ImageHeader) => h.format === 'jpeg' && h.orientation !== 1;

/** Upright JPEG without metadata; throws what libjpeg refuses (the caller turns it into a clear message). */
export function uprightOriginal(bytes: Uint8Array, h: ImageHeader, enc: Encoders): Uint8Array {
  const num = largestScaleWithin(h.storedWidth, h.storedHeight, UPRIGHT_ORIGINAL_MAX_SIDE);
  let img = decodeJpegScaled(bytes, h.storedWidth, h.storedHeight, num);
  const fit = fitInside(img.width, img.height, UPRIGHT_ORIGINAL_MAX_SIDE);
  img = resizeArea(img, fit.width, fit.height);
  return enc.jpeg(applyOrientation(img, h.orientation), QUALITY);
}
