/**
 * Reading and removing image metadata at the byte level (no decoding): EXIF (GPS position, camera serial, time), XMP,
 * IPTC, ICC profiles, comments and text chunks can identify a reporter or a photographer and are never needed to show
 * a photo. Every image the portal keeps passes through `stripMetadata` — derivatives and the kept original alike.
 *
 * An upright original is kept as the camera encoded it, minus these segments; one stored sideways is turned upright
 * first (./upright-original.ts), so no kept file needs an orientation tag.
 */

const u16be = (b: Uint8Array, o: number) => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u16le = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, o: number) => (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) >>> 0;
const u32le = (b: Uint8Array, o: number) => ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** EXIF orientation (1–8) from an APP1 payload starting with 'Exif\0\0', or null. */
export function exifOrientation(app1: Uint8Array): number | null {
  if (app1.length < 14 || ascii(app1, 0, 4) !== 'Exif') return null;
  const t = app1.subarray(6);
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return null;
  const r16 = le ? u16le : u16be;
  const r32 = le ? u32le : u32be;
  const ifd = r32(t, 4);
  if (ifd + 2 > t.length) return null;
  const count = r16(t, ifd);
  for (let i = 0; i < count && ifd + 2 + i * 12 + 12 <= t.length; i++) {
    const e = ifd + 2 + i * 12;
    if (r16(t, e) === 0x0112) {
      const v = r16(t, e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return null;
}

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  at: number;
  /** Whole segment length including the two marker bytes. */
  length: number;
}

export interface JpegInfo {
  width: number;
  height: number;
  /** SOF2 (progressive) and other non-baseline frames keep every coefficient of the image in memory while decoding. */
  progressive: boolean;
  components: number;
  orientation: number;
  segments: JpegSegment[];
  /** Offset of the SOS marker: the entropy-coded data starts here. */
  scanAt: number;
}

const STANDALONE = (m: number) => m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7);
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG header up to the first scan. Null when the bytes are not a well-formed JPEG header. */
export function readJpeg(b: Uint8Array): JpegInfo | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  const segments: JpegSegment[] = [];
  let p = 2;
  let frame: Pick<JpegInfo, 'width' | 'height' | 'progressive' | 'components'> | null = null;
  let orientation: number | null = null;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1] ?? 0;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (STANDALONE(marker)) {
      p += 2;
      continue;
    }
    if (marker === 0xda) {
      if (!frame || frame.width === 0 || frame.height === 0) return null;
      return { ...frame, orientation: orientation ?? 1, segments, scanAt: p };
    }
    const len = u16be(b, p + 2);
    if (len < 2 || p + 2 + len > b.length) return null;
    segments.push({ marker, at: p, length: 2 + len });
    if (SOF.has(marker) && len >= 8) {
      frame = { height: u16be(b, p + 5), width: u16be(b, p + 7), components: b[p + 9] ?? 0, progressive: marker !== 0xc0 && marker !== 0xc1 };
    }
    if (marker === 0xe1 && orientation === null) orientation = exifOrientation(b.subarray(p + 4, p + 2 + len));
    p += 2 + len;
  }
  return null;
}

/** APP1–APP15 (EXIF, XMP, ICC, IPTC, maker notes…) and COM segments go; APP0 (JFIF density) and the image stay. */
export function stripJpeg(b: Uint8Array): Uint8Array {
  const info = readJpeg(b);
  if (!info) throw new Error('not a readable JPEG');
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  for (const s of info.segments) {
    const metadata = (s.marker >= 0xe1 && s.marker <= 0xef) || s.marker === 0xfe;
    if (!metadata) parts.push(b.subarray(s.at, s.at + s.length));
  }
  parts.push(b.subarray(info.scanAt));
  return concatBytes(parts);
}

/** Ancillary chunks that carry text, EXIF, time or a colour profile. Rendering chunks (gAMA, sRGB, pHYs…) stay. */
const PNG_METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME', 'iCCP']);

export function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let p = 8;
  while (p + 12 <= b.length) {
    const len = u32be(b, p);
    const type = ascii(b, p + 4, p + 8);
    const end = p + 12 + len;
    if (end > b.length) throw new Error('truncated PNG chunk');
    if (!PNG_METADATA.has(type)) parts.push(b.subarray(p, end));
    p = end;
    if (type === 'IEND') return concatBytes(parts);
  }
  throw new Error('PNG without IEND');
}

export function stripWebp(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let p = 12;
  while (p + 8 <= b.length) {
    const type = ascii(b, p, p + 4);
    const size = u32le(b, p + 4);
    const end = p + 8 + size + (size % 2);
    if (p + 8 + size > b.length) throw new Error('truncated WebP chunk');
    if (type !== 'EXIF' && type !== 'XMP ' && type !== 'ICCP') {
      const chunk = b.slice(p, Math.min(end, b.length));
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~0x2c; // clear the ICC, EXIF and XMP flags
      parts.push(chunk);
    }
    p = end;
  }
  const body = concatBytes(parts);
  const size = body.length + 4;
  const header = Uint8Array.from([0x52, 0x49, 0x46, 0x46, size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff, 0x57, 0x45, 0x42, 0x50]);
  return concatBytes([header, body]);
}

export type StrippableMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** Throws on bytes that are not a well-formed image of `mime`: callers turn that into a clear message. */
export function stripMetadata(bytes: Uint8Array, mime: StrippableMime): Uint8Array {
  if (mime === 'image/jpeg') return stripJpeg(bytes);
  if (mime === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}

/** The metadata a file still carries, by kind: what tests and the bench check outputs against. Empty = clean. */
export function metadataFound(b: Uint8Array): string[] {
  const found = new Set<string>();
  const info = readJpeg(b);
  if (info) {
    for (const s of info.segments) {
      const payload = ascii(b, s.at + 4, s.at + 4 + 29);
      if (s.marker === 0xe1) found.add(payload.startsWith('Exif') ? 'EXIF' : payload.startsWith('http://ns.adobe.com/xap') ? 'XMP' : 'APP1');
      else if (s.marker === 0xe2) found.add(payload.startsWith('ICC_PROFILE') ? 'ICC' : 'APP2');
      else if (s.marker === 0xed) found.add('IPTC');
      else if (s.marker > 0xe2 && s.marker <= 0xef) found.add(`APP${s.marker - 0xe0}`);
      else if (s.marker === 0xfe) found.add('COM');
    }
    return [...found];
  }
  if (ascii(b, 1, 4) === 'PNG') {
    for (let p = 8; p + 12 <= b.length; p += 12 + u32be(b, p)) {
      const type = ascii(b, p + 4, p + 8);
      if (PNG_METADATA.has(type)) found.add(type);
    }
    return [...found];
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') {
    for (let p = 12; p + 8 <= b.length; p += 8 + u32le(b, p + 4) + (u32le(b, p + 4) % 2)) {
      const type = ascii(b, p, p + 4).trim();
      if (type === 'EXIF' || type === 'XMP' || type === 'ICCP') found.add(type);
    }
    return [...found];
  }
  return ['unknown format'];
}
