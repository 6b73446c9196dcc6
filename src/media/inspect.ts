/**
 * What an uploaded image is, read from its header only: format, stored size, EXIF orientation and whether it can be
 * decoded at reduced scale. Refuses anything the pipeline cannot process within the Worker's memory, with a message
 * a citizen understands (./limits.ts).
 */
import { imageDimensions, sniffFileType } from '../lib/file-type';
import { capFor, imageRefusal, type InputFormat, MAX_SIDE } from './limits';
import { readJpeg, type StrippableMime } from './metadata';
import { uprightSize } from './pixels';

export interface ImageHeader {
  format: InputFormat;
  mime: StrippableMime;
  ext: 'jpg' | 'png' | 'webp';
  /** As stored in the file. */
  storedWidth: number;
  storedHeight: number;
  /** As shown: after the EXIF orientation. */
  width: number;
  height: number;
  orientation: number;
  progressive: boolean;
}

const FORMATS: Record<string, { format: InputFormat; ext: ImageHeader['ext'] }> = {
  'image/jpeg': { format: 'jpeg', ext: 'jpg' },
  'image/png': { format: 'png', ext: 'png' },
  'image/webp': { format: 'webp', ext: 'webp' },
};

export function inspectImage(bytes: Uint8Array, field = 'photo'): ImageHeader {
  const sniffed = sniffFileType(bytes);
  const known = sniffed ? FORMATS[sniffed.mime] : undefined;
  if (!sniffed || !known) throw imageRefusal(field, 'type');
  let stored = imageDimensions(bytes);
  let orientation = 1;
  let progressive = false;
  if (known.format === 'jpeg') {
    const info = readJpeg(bytes);
    if (!info) throw imageRefusal(field, 'unreadable');
    if (info.components === 4) throw imageRefusal(field, 'cmyk');
    if (info.components !== 1 && info.components !== 3) throw imageRefusal(field, 'unreadable');
    stored = { width: info.width, height: info.height };
    orientation = info.orientation;
    progressive = info.progressive;
  }
  if (!stored) throw imageRefusal(field, 'unreadable');
  const cap = capFor(known.format, progressive);
  if (stored.width * stored.height > cap || stored.width > MAX_SIDE || stored.height > MAX_SIDE) {
    throw imageRefusal(field, 'too_large', { width: stored.width, height: stored.height, cap });
  }
  const upright = uprightSize(stored.width, stored.height, orientation);
  return {
    format: known.format,
    mime: sniffed.mime as StrippableMime,
    ext: known.ext,
    storedWidth: stored.width,
    storedHeight: stored.height,
    width: upright.width,
    height: upright.height,
    orientation,
    progressive,
  };
}
