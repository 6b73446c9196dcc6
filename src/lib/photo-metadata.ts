/**
 * Removes metadata from uploaded photos before they are stored: EXIF (GPS position, camera serial, time), XMP, IPTC,
 * comments and text chunks could identify an anonymous reporter. JPEG keeps only its orientation (so the photo is not
 * shown sideways); PNG drops text/EXIF/time chunks; WebP drops its EXIF and XMP chunks. Pixel data is never touched.
 * Photos downscaled in the browser (public/js/downscale.js) already arrive without metadata.
 */

const u16be = (b: Uint8Array, o: number) => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u16le = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, o: number) => (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) >>> 0;
const u32le = (b: Uint8Array, o: number) => ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;

function concat(parts: Uint8Array[]): Uint8Array {
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
  if (app1.length < 14 || String.fromCharCode(...app1.subarray(0, 4)) !== 'Exif') return null;
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

/** A minimal big-endian EXIF APP1 segment holding only the orientation tag. */
function orientationSegment(orientation: number): Uint8Array {
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const len = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, len >> 8, len & 0xff, ...payload]);
}

export function stripJpeg(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let p = 2;
  let orientation: number | null = null;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return b; // not a marker: leave the file as it was (it was sniffed as JPEG already)
    const marker = b[p + 1] ?? 0;
    if (marker === 0xda) {
      const at = parts[1]?.[1] === 0xe0 ? 2 : 1; // after APP0 (JFIF) when there is one
      if (orientation && orientation !== 1) parts.splice(at, 0, orientationSegment(orientation));
      parts.push(b.subarray(p));
      return concat(parts);
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      parts.push(b.subarray(p, p + (marker === 0xff ? 1 : 2)));
      p += marker === 0xff ? 1 : 2;
      continue;
    }
    const len = u16be(b, p + 2);
    if (len < 2 || p + 2 + len > b.length) return b;
    const segment = b.subarray(p, p + 2 + len);
    const isApp = marker >= 0xe1 && marker <= 0xef && marker !== 0xe2; // keep APP0 (JFIF) and APP2 (ICC colour profile)
    if (marker === 0xe1) orientation ??= exifOrientation(b.subarray(p + 4, p + 2 + len));
    if (!isApp && marker !== 0xfe) parts.push(segment); // 0xFE = comment
    p += 2 + len;
  }
  return b;
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let p = 8;
  while (p + 12 <= b.length) {
    const len = u32be(b, p);
    const type = String.fromCharCode(...b.subarray(p + 4, p + 8));
    const end = p + 12 + len;
    if (end > b.length) return b;
    if (!PNG_DROP.has(type)) parts.push(b.subarray(p, end));
    p = end;
    if (type === 'IEND') break;
  }
  return concat(parts);
}

export function stripWebp(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let p = 12;
  while (p + 8 <= b.length) {
    const type = String.fromCharCode(...b.subarray(p, p + 4));
    const size = u32le(b, p + 4);
    const end = p + 8 + size + (size % 2);
    if (p + 8 + size > b.length) return b;
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = b.slice(p, Math.min(end, b.length));
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~0x0c; // clear the EXIF and XMP flags
      parts.push(chunk);
    }
    p = end;
  }
  const body = concat(parts);
  const size = body.length + 4;
  const header = Uint8Array.from([0x52, 0x49, 0x46, 0x46, size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff, 0x57, 0x45, 0x42, 0x50]);
  return concat([header, body]);
}

export function stripMetadata(bytes: Uint8Array, mime: string): Uint8Array {
  if (mime === 'image/jpeg') return stripJpeg(bytes);
  if (mime === 'image/png') return stripPng(bytes);
  if (mime === 'image/webp') return stripWebp(bytes);
  return bytes;
}
