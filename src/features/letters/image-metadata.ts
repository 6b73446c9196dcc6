/**
 * The one place letters strip image metadata (EXIF GPS, comments) from requirement photos. It uses the portal's
 * existing JPEG/PNG/WebP metadata stripper; when the shared image pipeline lands, this line points there.
 */
import { stripMetadata } from '../complaints/photo-metadata';
import type { StripMetadata } from './uploads';

export const stripImageMetadata: StripMetadata = (bytes, mime) => stripMetadata(bytes, mime);
