/**
 * The one place letters strip image metadata (EXIF GPS, comments) from requirement photos: the portal's shared
 * JPEG/PNG/WebP stripper (src/lib/photo-metadata.ts, moved down from complaints so both features use it). When the
 * shared image pipeline lands, this line points there.
 */
import { stripMetadata } from '../../lib/photo-metadata';
import type { StripMetadata } from './uploads';

export const stripImageMetadata: StripMetadata = (bytes, mime) => stripMetadata(bytes, mime);
