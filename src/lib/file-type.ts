/**
 * Upload type detection by magic bytes (never by file name or client-sent MIME), safe download names and
 * Content-Disposition, SHA-256 hashing, and image dimensions for pixel limits.
 * Accepted: PDF, PNG, JPEG, GIF, WebP, OOXML (docx/xlsx/pptx), ODF (odt/ods/odp), legacy OLE2 doc/xls/ppt.
 * Rejected (null): SVG/HTML (may carry scripts), plain ZIP, macro-enabled OOXML, unidentified OLE2 (e.g. MSI).
 */

export type FileKind = 'pdf' | 'image' | 'office' | 'archive';
export interface SniffedType {
  mime: string;
  ext: string;
  kind: FileKind;
}

const ZIP_SCAN_BYTES = 64 * 1024;

const t = (mime: string, ext: string, kind: FileKind): SniffedType => ({ mime, ext, kind });
const OOXML: Record<string, SniffedType> = {
  'word/': t('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'office'),
  'xl/': t('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'office'),
  'ppt/': t('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'office'),
};
const ODF: Record<string, SniffedType> = {
  'application/vnd.oasis.opendocument.text': t('application/vnd.oasis.opendocument.text', 'odt', 'office'),
  'application/vnd.oasis.opendocument.spreadsheet': t('application/vnd.oasis.opendocument.spreadsheet', 'ods', 'office'),
  'application/vnd.oasis.opendocument.presentation': t('application/vnd.oasis.opendocument.presentation', 'odp', 'office'),
};
// Main stream names in the OLE2 directory.
const OLE_STREAMS: Record<string, SniffedType> = {
  WordDocument: t('application/msword', 'doc', 'office'),
  Workbook: t('application/vnd.ms-excel', 'xls', 'office'),
  Book: t('application/vnd.ms-excel', 'xls', 'office'), // Excel 5/95
  'PowerPoint Document': t('application/vnd.ms-powerpoint', 'ppt', 'office'),
};

const u16le = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u16be = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u24le = (b: Uint8Array, o: number): number => u16le(b, o) | ((b[o + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, o: number): number => (u16le(b, o) | (u16le(b, o + 2) << 16)) >>> 0;
const u32be = (b: Uint8Array, o: number): number => ((u16be(b, o) << 16) | u16be(b, o + 2)) >>> 0;

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, b.length); i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

function startsWith(b: Uint8Array, sig: readonly number[] | string, at = 0): boolean {
  const s = typeof sig === 'string' ? Array.from(sig, (c) => c.charCodeAt(0)) : sig;
  if (b.length < at + s.length) return false;
  return s.every((v, i) => b[at + i] === v);
}

function indexOfBytes(b: Uint8Array, needle: Uint8Array, from = 0, to = b.length): number {
  const first = needle[0];
  const end = Math.min(to, b.length) - needle.length;
  for (let i = b.indexOf(first ?? 0, from); i >= 0 && i <= end; i = b.indexOf(first ?? 0, i + 1)) {
    let ok = true;
    for (let j = 1; j < needle.length && ok; j++) ok = b[i + j] === needle[j];
    if (ok) return i;
  }
  return -1;
}

/** Entry names from local file headers in the first 64 KB and from the central directory in the last 64 KB. */
function zipEntryNames(b: Uint8Array): string[] {
  const names: string[] = [];
  const scan = (sig: number[], from: number, to: number, nameLenAt: number, nameAt: number): void => {
    const needle = Uint8Array.from(sig);
    for (let p = indexOfBytes(b, needle, from, to); p >= 0; p = indexOfBytes(b, needle, p + 4, to)) {
      const len = u16le(b, p + nameLenAt);
      if (len > 0 && len <= 1024 && p + nameAt + len <= b.length) names.push(latin1(b, p + nameAt, p + nameAt + len));
    }
  };
  scan([0x50, 0x4b, 0x03, 0x04], 0, ZIP_SCAN_BYTES, 26, 30);
  scan([0x50, 0x4b, 0x01, 0x02], Math.max(0, b.length - ZIP_SCAN_BYTES), b.length, 28, 46);
  return names;
}

function sniffZip(b: Uint8Array): SniffedType | null {
  // ODF: the first entry is an uncompressed file called 'mimetype' holding the media type.
  if (u16le(b, 26) === 8 && latin1(b, 30, 38) === 'mimetype' && u16le(b, 8) === 0) {
    const start = 38 + u16le(b, 28);
    const size = Math.min(u32le(b, 18) || 100, 100);
    const mime = latin1(b, start, start + size).replace(/[^\x21-\x7e].*$/s, '');
    return ODF[mime] ?? null;
  }
  const names = zipEntryNames(b);
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null; // macro-enabled (docm/xlsm/pptm)
  for (const n of names) {
    for (const [prefix, type] of Object.entries(OOXML)) if (n.startsWith(prefix)) return type;
  }
  return null; // plain ZIP archives are not accepted
}

function sniffOle(b: Uint8Array): SniffedType | null {
  // Directory entries are 128 bytes and 128-aligned (sectors are 512 or 4096 bytes, after the header), so walk
  // every aligned slot of the whole upload for a stream entry (type 2) named like a main stream. The earliest
  // wins: an .xls with an embedded Word object is still an .xls. Other OLE2 files (MSI, MSG, …) give null.
  for (let at = 512; at + 128 <= b.length; at += 128) {
    const nameBytes = u16le(b, at + 64); // includes the UTF-16 NUL terminator
    if (b[at + 66] !== 2 || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    let name = '';
    for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(u16le(b, at + i));
    const type = OLE_STREAMS[name];
    if (type) return type;
  }
  return null;
}

/** Detects the upload type from its bytes. Returns null for anything not on the allow-list. */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  const b = bytes;
  if (startsWith(b, '%PDF-')) return t('application/pdf', 'pdf', 'pdf');
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return t('image/png', 'png', 'image');
  if (startsWith(b, [0xff, 0xd8, 0xff])) return t('image/jpeg', 'jpg', 'image');
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return t('image/gif', 'gif', 'image');
  if (startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8) && startsWith(b, 'VP8', 12)) {
    return t('image/webp', 'webp', 'image');
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle(b);
  return null;
}

/** Pixel size of a PNG, JPEG, GIF or WebP image, or null when it cannot be read. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const b = bytes;
  const dims = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) && startsWith(b, 'IHDR', 12) && b.length >= 24) {
    return dims(u32be(b, 16), u32be(b, 20));
  }
  if ((startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) && b.length >= 10) return dims(u16le(b, 6), u16le(b, 8));
  if (startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8)) {
    if (startsWith(b, 'VP8 ', 12) && startsWith(b, [0x9d, 0x01, 0x2a], 23) && b.length >= 30) {
      return dims(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    }
    if (startsWith(b, 'VP8L', 12) && b[20] === 0x2f && b.length >= 25) {
      const bits = u32le(b, 21);
      return dims((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (startsWith(b, 'VP8X', 12) && b.length >= 30) return dims(u24le(b, 24) + 1, u24le(b, 27) + 1);
    return null;
  }
  if (startsWith(b, [0xff, 0xd8])) {
    let p = 2;
    while (p + 3 < b.length) {
      if (b[p] !== 0xff) return null;
      const marker = b[p + 1] ?? 0;
      if (marker === 0xff) {
        p++; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        p += 2; // standalone markers
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return null; // EOI / start of scan before any frame header
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return p + 9 <= b.length ? dims(u16be(b, p + 7), u16be(b, p + 5)) : null;
      p += 2 + u16be(b, p + 2);
    }
  }
  return null;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
// Controls, bidi overrides / zero-width marks (e.g. 'gpj.exe' spoofing), quotes and characters invalid on Windows.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"'`<>:|?*;]/g;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A filename safe for Content-Disposition: path and unsafe characters removed, the sniffed extension forced,
 * at most 100 characters; falls back to 'dokumen.<ext>'.
 */
export function safeDownloadName(original: string, ext: string): string {
  const e =
    ext
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 10) || 'bin';
  let base = (original.split(/[/\\]/).pop() ?? '').normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE_CHARS, '');
  base = base
    .replace(/\.{2,}/g, '.')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  base = base.replace(/(.)\.[a-z0-9]{1,8}$/i, '$1'); // drop the claimed extension; the sniffed one is forced
  base = cut(base, 100 - e.length - 1).replace(/[.\s]+$/, '');
  if (!base || WINDOWS_RESERVED.test(base)) base = 'dokumen';
  return `${base}.${e}`;
}

/** RFC 6266 / RFC 5987 header value: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const name = filename.replace(UNSAFE_CHARS, '').replace(/[\\/]/g, '_').trim() || 'dokumen';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|%/g, '_'); // some clients percent-decode the plain filename
  const fallback = `${/[a-z0-9]/i.test(stem) ? stem : 'dokumen'}${ext.replace(/[^\x20-\x7e]/g, '_')}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
