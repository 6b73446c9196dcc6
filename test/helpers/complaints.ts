import { env } from 'cloudflare:test';
import { SELF } from './worker';
import { createDb } from '../../src/db/client';
import { purgeRegionPages } from '../../src/cache/purge';
import type { ComplaintDeps } from '../../src/features/complaints/service';
import { ORIGIN } from './http';

let ipCounter = 0;
/** A fresh client IP per call, so the per-IP rate limits do not interfere between tests. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export function newToken(): string {
  return `tok_${crypto.randomUUID().replace(/-/g, '')}`;
}

/** A valid complaint form (Swarga Bara), overridable per field. */
export function complaintFields(over: Record<string, string> = {}): Record<string, string> {
  return {
    token: newToken(),
    classification: 'pengaduan',
    category: 'infrastruktur',
    title: 'Jembatan kayu di RT 05 rusak',
    description: 'Papan jembatan kayu di RT 05 patah sejak seminggu lalu, anak sekolah harus memutar jauh.',
    region_code: '64.08.04.2012',
    place: 'Jembatan RT 05',
    name: 'Budi Santoso',
    phone: '0812 3456 7890',
    email: '',
    ...over,
  };
}

export async function postComplaint(
  path: string,
  fields: Record<string, string>,
  opts: { files?: File[]; headers?: Record<string, string>; ip?: string } = {},
): Promise<Response> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of opts.files ?? []) fd.append('photos', f, f.name);
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    body: fd,
    redirect: 'manual',
    headers: { Origin: ORIGIN, 'CF-Connecting-IP': opts.ip ?? nextIp(), ...(opts.headers ?? {}) },
  });
}

/** Ticket and private code from the confirmation page. */
export function receiptOf(html: string): { ticket: string; code: string } {
  const ticket = /class="ref">(ADU-[0-9A-Z]{4}-[0-9A-Z]{4})</.exec(html)?.[1];
  const code = /class="secret"[^>]*>([0-9A-Z-]{20,30})</.exec(html)?.[1];
  if (!ticket || !code) throw new Error(`no receipt in page: ${html.slice(0, 300)}`);
  return { ticket, code };
}

/** Files a complaint through the web form and returns its receipt. */
export async function fileComplaint(over: Record<string, string> = {}, path = '/sangatta-utara/swarga-bara/pengaduan', files: File[] = []) {
  const res = await postComplaint(path, complaintFields(over), { files });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${(await res.text()).slice(0, 2000)}`);
  return receiptOf(await res.text());
}

function u16(n: number): number[] {
  return [(n >> 8) & 255, n & 255];
}

/**
 * A small but real, decodable baseline JPEG of any size (a flat grey picture): SOI, JFIF, optional EXIF APP1 with
 * orientation + a marker text, a comment, one quantisation table, one-symbol Huffman tables (DC category 0 and AC
 * end-of-block, both coded `0`), SOF0 with 4:4:4 sampling, and a scan of 2 zero bits per block. The image pipeline
 * decodes it like any camera photo.
 */
export function jpegBytes(width: number, height: number, opts: { exifOrientation?: number; exifText?: string } = {}): Uint8Array<ArrayBuffer> {
  const parts: number[] = [0xff, 0xd8];
  parts.push(0xff, 0xe0, ...u16(16), 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0); // APP0 JFIF
  if (opts.exifOrientation || opts.exifText) {
    const text = [...new TextEncoder().encode(opts.exifText ?? '')];
    // Exif\0\0 + big-endian TIFF header + IFD with one entry (orientation) + next IFD 0 + trailing text (e.g. GPS-ish)
    const payload = [
      0x45,
      0x78,
      0x69,
      0x66,
      0,
      0,
      0x4d,
      0x4d,
      0,
      0x2a,
      0,
      0,
      0,
      8,
      0,
      1,
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      opts.exifOrientation ?? 1,
      0,
      0,
      0,
      0,
      0,
      0,
      ...text,
    ];
    parts.push(0xff, 0xe1, ...u16(payload.length + 2), ...payload);
  }
  parts.push(0xff, 0xfe, ...u16(2 + 7), ...new TextEncoder().encode('komentar'.slice(0, 7))); // COM
  parts.push(0xff, 0xdb, ...u16(67), 0, ...new Array<number>(64).fill(1)); // DQT 0: all ones
  const oneSymbol = (tableClass: number) => [0xff, 0xc4, ...u16(20), tableClass << 4, 1, ...new Array<number>(15).fill(0), 0];
  parts.push(...oneSymbol(0), ...oneSymbol(1)); // DHT DC 0 and AC 0
  parts.push(0xff, 0xc0, ...u16(17), 8, ...u16(height), ...u16(width), 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0);
  parts.push(0xff, 0xda, ...u16(12), 3, 1, 0, 2, 0, 3, 0, 0, 0x3f, 0);
  const bits = Math.ceil(width / 8) * Math.ceil(height / 8) * 3 * 2;
  const scan = new Uint8Array(Math.ceil(bits / 8) || 1);
  if (bits % 8) scan[scan.length - 1] = (1 << (8 - (bits % 8))) - 1; // pad the last byte with 1s
  const head = Uint8Array.from(parts);
  const out = new Uint8Array(head.length + scan.length + 2);
  out.set(head);
  out.set(scan, head.length);
  out.set([0xff, 0xd9], head.length + scan.length);
  return out;
}

export function jpegFile(name = 'foto.jpg', width = 1200, height = 900, opts: { exifOrientation?: number; exifText?: string } = {}): File {
  return new File([jpegBytes(width, height, opts)], name, { type: 'image/jpeg' });
}

/** Service deps on the test bindings (for tests that drive the services with fixed clocks). */
export function testDeps(): ComplaintDeps {
  const db = createDb(env.DB);
  return { db, files: env.FILES, secret: env.SESSION_SECRET, purge: (code) => purgeRegionPages({ db, env }, code) };
}

export async function complaintRow(ticket: string) {
  return env.DB.prepare('SELECT * FROM complaints WHERE ticket = ?').bind(ticket).first<Record<string, unknown>>();
}

/** The reporter's view: number and private code sent by POST, as the tracking form does (never in the URL). */
export function trackAsReporter(path: string, nomor: string, kode: string, ip = '198.51.100.77'): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip },
    body: new URLSearchParams({ nomor, kode }).toString(),
  });
}
