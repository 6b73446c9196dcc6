import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/encoding';
import { contentDisposition, imageDimensions, safeDownloadName, sniffFileType } from '../../src/lib/file-type';

type Part = number[] | string | Uint8Array;
const enc = new TextEncoder();
function bytes(...parts: Part[]): Uint8Array<ArrayBuffer> {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const u32be = (n: number) => [...u16be(n >>> 16), ...u16be(n & 0xffff)];

const png = (w: number, h: number) => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(w), u32be(h), [8, 6, 0, 0, 0], u32be(0));
const jpeg = (w: number, h: number) =>
  bytes(
    [0xff, 0xd8],
    [0xff, 0xe0],
    u16be(16),
    'JFIF\0',
    [1, 1, 0, 0, 1, 0, 1, 0, 0], // APP0
    [0xff, 0xdb],
    u16be(4),
    [0, 0], // a (truncated) DQT segment to skip
    [0xff, 0xc2],
    u16be(17),
    [8],
    u16be(h),
    u16be(w),
    [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1], // progressive SOF2
    [0xff, 0xda],
    u16be(8),
  );
const gif = (w: number, h: number) => bytes('GIF89a', u16le(w), u16le(h), [0xf7, 0, 0]);
const riff = (chunk: string, data: Part[]) => {
  const body = bytes(...data);
  return bytes('RIFF', u32le(4 + 8 + body.length), 'WEBP', chunk, u32le(body.length), body);
};
const webpLossy = (w: number, h: number) => riff('VP8 ', [[0x30, 0x01, 0x00], [0x9d, 0x01, 0x2a], u16le(w), u16le(h)]);
const webpLossless = (w: number, h: number) => riff('VP8L', [[0x2f], u32le(((w - 1) | ((h - 1) << 14)) >>> 0), [0]]);
const webpExtended = (w: number, h: number) => riff('VP8X', [[0x10, 0, 0, 0], u24le(w - 1), u24le(h - 1)]);

/** A ZIP local file header (stored, no data descriptor) followed by its data. */
const zipEntry = (name: string, data = '') =>
  bytes(
    [0x50, 0x4b, 0x03, 0x04],
    u16le(20),
    u16le(0),
    u16le(0),
    u32le(0),
    u32le(0),
    u32le(data.length),
    u32le(data.length),
    u16le(name.length),
    u16le(0),
    name,
    data,
  );
const zip = (...entries: Uint8Array[]) => bytes(...entries);

/** A minimal OLE2 compound file: 512-byte header, then one directory sector with the given entries. */
function ole(...streams: string[]) {
  const entry = (name: string, type: number) => {
    const e = new Uint8Array(128);
    for (let i = 0; i < name.length; i++) e[i * 2] = name.charCodeAt(i);
    e.set(u16le((name.length + 1) * 2), 64);
    e[66] = type;
    return e;
  };
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes(header, entry('Root Entry', 5), ...streams.map((s) => entry(s, 2)));
}

describe('sniffFileType', () => {
  it('detects PDF and images by magic bytes', () => {
    expect(sniffFileType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toEqual({ mime: 'application/pdf', ext: 'pdf', kind: 'pdf' });
    expect(sniffFileType(png(1, 1))).toEqual({ mime: 'image/png', ext: 'png', kind: 'image' });
    expect(sniffFileType(jpeg(1, 1))).toEqual({ mime: 'image/jpeg', ext: 'jpg', kind: 'image' });
    expect(sniffFileType(gif(1, 1))).toEqual({ mime: 'image/gif', ext: 'gif', kind: 'image' });
    expect(sniffFileType(bytes('GIF87a', [1, 0, 1, 0]))?.ext).toBe('gif');
    for (const w of [webpLossy(1, 1), webpLossless(1, 1), webpExtended(1, 1)]) {
      expect(sniffFileType(w)).toEqual({ mime: 'image/webp', ext: 'webp', kind: 'image' });
    }
    expect(sniffFileType(bytes('RIFF', u32le(4), 'WAVE', 'fmt '))).toBeNull();
  });

  it('detects OOXML documents from ZIP entry names', () => {
    const docx = zip(zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', '<w:document/>'));
    expect(sniffFileType(docx)).toEqual({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ext: 'docx',
      kind: 'office',
    });
    expect(sniffFileType(zip(zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')))?.ext).toBe('xlsx');
    expect(sniffFileType(zip(zipEntry('[Content_Types].xml'), zipEntry('ppt/presentation.xml')))?.ext).toBe('pptx');
  });

  it('detects ODF documents from the mimetype entry', () => {
    const odt = zip(zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'), zipEntry('content.xml'));
    expect(sniffFileType(odt)).toEqual({ mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', kind: 'office' });
    const ods = zip(zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'));
    expect(sniffFileType(ods)?.ext).toBe('ods');
    expect(sniffFileType(zip(zipEntry('mimetype', 'application/epub+zip')))).toBeNull();
  });

  it('rejects plain ZIP archives and macro-enabled documents', () => {
    expect(sniffFileType(zip(zipEntry('foto.jpg'), zipEntry('script.js')))).toBeNull();
    expect(sniffFileType(zip(zipEntry('word/document.xml'), zipEntry('word/vbaProject.bin')))).toBeNull();
  });

  it('detects legacy OLE2 Office files by their main stream', () => {
    expect(sniffFileType(ole('1Table', 'WordDocument'))).toEqual({ mime: 'application/msword', ext: 'doc', kind: 'office' });
    expect(sniffFileType(ole('Workbook'))).toEqual({ mime: 'application/vnd.ms-excel', ext: 'xls', kind: 'office' });
    expect(sniffFileType(ole('Current User', 'PowerPoint Document'))?.mime).toBe('application/vnd.ms-powerpoint');
    expect(sniffFileType(ole('Workbook', 'WordDocument'))?.ext).toBe('xls'); // embedded object comes later
    expect(sniffFileType(ole('SummaryInformation'))).toBeNull(); // e.g. an MSI installer
  });

  it('ignores the file name: bytes decide', () => {
    const upload = new File([png(2, 2)], 'laporan.pdf', { type: 'application/pdf' });
    return upload.arrayBuffer().then((buf) => expect(sniffFileType(new Uint8Array(buf))?.mime).toBe('image/png'));
  });

  it('rejects HTML, SVG, scripts, empty and truncated input', () => {
    expect(sniffFileType(bytes('<!DOCTYPE html><html><script>alert(1)</script>'))).toBeNull(); // "x.pdf"
    expect(sniffFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffFileType(bytes('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffFileType(bytes(' %PDF-1.4'))).toBeNull();
    expect(sniffFileType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(sniffFileType(new Uint8Array(0))).toBeNull();
    expect(sniffFileType(bytes('%PD'))).toBeNull();
    expect(sniffFileType(bytes([0x89, 0x50]))).toBeNull();
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });
});

describe('imageDimensions', () => {
  it('reads PNG, JPEG, GIF and WebP sizes', () => {
    expect(imageDimensions(png(1920, 1080))).toEqual({ width: 1920, height: 1080 });
    expect(imageDimensions(jpeg(4032, 3024))).toEqual({ width: 4032, height: 3024 });
    expect(imageDimensions(gif(320, 240))).toEqual({ width: 320, height: 240 });
    expect(imageDimensions(webpLossy(800, 600))).toEqual({ width: 800, height: 600 });
    expect(imageDimensions(webpLossless(16383, 2))).toEqual({ width: 16383, height: 2 });
    expect(imageDimensions(webpExtended(20000, 15000))).toEqual({ width: 20000, height: 15000 });
  });

  it('returns null for unreadable or non-image input', () => {
    expect(imageDimensions(new Uint8Array(0))).toBeNull();
    expect(imageDimensions(bytes('%PDF-1.4'))).toBeNull();
    expect(imageDimensions(png(0, 10))).toBeNull();
    expect(imageDimensions(jpeg(100, 100).subarray(0, 24))).toBeNull(); // cut before the frame header
    expect(imageDimensions(bytes([0xff, 0xd8], [0xff, 0xda], u16be(2)))).toBeNull();
  });
});

describe('safeDownloadName', () => {
  it('strips paths and traversal', () => {
    expect(safeDownloadName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeDownloadName('C:\\evil\\a.pdf', 'pdf')).toBe('a.pdf');
    expect(safeDownloadName('..\\..\\win.ini', 'pdf')).toBe('win.pdf');
    expect(safeDownloadName('a..b.pdf', 'pdf')).toBe('a.b.pdf');
    expect(safeDownloadName('.htaccess', 'pdf')).toBe('htaccess.pdf');
  });

  it('removes quotes, controls and bidi tricks; collapses spaces', () => {
    expect(safeDownloadName('"; rm -rf', 'pdf')).toBe('rm -rf.pdf');
    expect(safeDownloadName('a\r\nContent-Type: text.pdf', 'pdf')).toBe('a Content-Type text.pdf');
    expect(safeDownloadName('x\u0000\u0007y`<>|?*.pdf', 'pdf')).toBe('xy.pdf');
    expect(safeDownloadName('foto\u202Egnp.exe', 'png')).toBe('fotognp.png');
    expect(safeDownloadName('  Laporan   Keuangan\tDesa  .PDF ', 'pdf')).toBe('Laporan Keuangan Desa.pdf');
  });

  it('forces the sniffed extension', () => {
    expect(safeDownloadName('foto.pdf', 'png')).toBe('foto.png');
    expect(safeDownloadName('laporan', 'PDF')).toBe('laporan.pdf');
    expect(safeDownloadName('Perdes No. 5 Tahun 2024', 'pdf')).toBe('Perdes No. 5 Tahun 2024.pdf');
    expect(safeDownloadName('virus.exe.pdf', 'pdf')).toBe('virus.exe.pdf');
  });

  it('keeps unicode names and limits length to 100', () => {
    expect(safeDownloadName('Peta Désa Sangatta 東京.pdf', 'pdf')).toBe('Peta Désa Sangatta 東京.pdf');
    const long = safeDownloadName(`${'x'.repeat(300)}.pdf`, 'pdf');
    expect(long.length).toBe(100);
    expect(long.endsWith('.pdf')).toBe(true);
    const emoji = safeDownloadName('😀'.repeat(80), 'png');
    expect(emoji.length).toBeLessThanOrEqual(100);
    expect(emoji).toMatch(/^(😀)+\.png$/u);
  });

  it('falls back to dokumen.<ext>', () => {
    expect(safeDownloadName('', 'pdf')).toBe('dokumen.pdf');
    expect(safeDownloadName('...', 'docx')).toBe('dokumen.docx');
    expect(safeDownloadName('/', 'pdf')).toBe('dokumen.pdf');
    expect(safeDownloadName('"""', 'pdf')).toBe('dokumen.pdf');
    expect(safeDownloadName('CON.pdf', 'pdf')).toBe('dokumen.pdf');
  });
});

describe('contentDisposition', () => {
  it('builds an RFC 6266 header with ASCII fallback and UTF-8 name', () => {
    expect(contentDisposition('laporan.pdf')).toBe(`attachment; filename="laporan.pdf"; filename*=UTF-8''laporan.pdf`);
    expect(contentDisposition('Peta Désa (final)*.pdf')).toBe(
      `attachment; filename="Peta Desa (final).pdf"; filename*=UTF-8''Peta%20D%C3%A9sa%20%28final%29.pdf`,
    );
    expect(contentDisposition('東京.pdf')).toBe(`attachment; filename="dokumen.pdf"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.pdf`);
  });

  it('cannot be broken out of', () => {
    const header = contentDisposition('a"; filename="evil.html\r\nX: y\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
    expect(contentDisposition("50% it's.pdf")).toBe(`attachment; filename="50_ its.pdf"; filename*=UTF-8''50%25%20its.pdf`);
  });
});

describe('sha256Hex', () => {
  it('hashes ArrayBuffer and Uint8Array views', async () => {
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex(enc.encode('abc').buffer)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(bytes('xxabcxx').subarray(2, 5))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
