import { env } from 'cloudflare:test';
import { SELF } from './worker';
import { formBody } from './auth';
import { ORIGIN } from './http';

/** A valid Perki 1/2021 request with recognisable personal data (to hunt for leaks). */
export const SECRET_NIK = '6408041207850003';
export const PERSONAL = {
  name: 'Siti Rahmawati Uji',
  address: 'Jl. Poros Sangatta–Bontang KM 7, RT 12',
  occupation: 'Wiraswasta',
  phone: '0812 5555 0199',
  email: 'siti.uji@contoh.id',
};

export function requestForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    requester_type: 'perorangan',
    ...PERSONAL,
    identity_type: 'ktp',
    identity_number: SECRET_NIK,
    information: 'Salinan dokumen RKA Kecamatan Sangatta Utara tahun 2026 beserta lampirannya.',
    purpose: 'Bahan kajian kelompok masyarakat tentang anggaran kecamatan.',
    obtain_method: 'salinan_softcopy',
    delivery_method: 'email',
    ...overrides,
  };
}

let ipCounter = 0;
/** A fresh client IP per call so the per-IP rate limit never couples tests. */
export function freshIp(): string {
  ipCounter += 1;
  // A fresh /64 each time: rate limits key IPv6 clients on their /64 network (src/auth/request.ts).
  return `2001:db8:${(Date.now() % 0xffff).toString(16)}:${ipCounter.toString(16)}::1`;
}

export function post(path: string, form: Record<string, string | string[]>, ip = freshIp()): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': ip },
    body: formBody(form),
  });
}

/** Reads the token of a fresh request form. */
export async function formToken(regionPath = '/sangatta-utara'): Promise<string> {
  const html = await (await SELF.fetch(`${ORIGIN}${regionPath}/ppid/permohonan`)).text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no form token');
  return token;
}

export interface Submitted {
  res: Response;
  html: string;
  number: string;
  code: string;
  token: string;
}

/** Submits the public form and reads the number and private code from the confirmation page. */
export async function submitRequest(regionPath = '/sangatta-utara', overrides: Record<string, string> = {}, ip = freshIp()): Promise<Submitted> {
  const token = await formToken(regionPath);
  const res = await post(`${regionPath}/ppid/permohonan`, { ...requestForm(overrides), token }, ip);
  const html = await res.text();
  const number = /<p class="ref">(PPID-[0-9A-Z-]+)<\/p>/.exec(html)?.[1];
  const code = /<p class="secret"[^>]*>([0-9A-Z-]+)<\/p>/.exec(html)?.[1];
  if (!number || !code) throw new Error(`submission failed (${res.status}): ${html.slice(0, 500)}`);
  return { res, html, number, code, token };
}

export async function requestRow(number: string) {
  return env.DB.prepare('SELECT * FROM info_requests WHERE number = ?').bind(number).first<Record<string, unknown> & { id: string; region_code: string }>();
}

/** Moves a request back in time (registered n days ago with a due date in the past) to exercise missed deadlines. */
export async function backdate(number: string, daysAgo: number, dueDaysAgo: number) {
  const day = 86_400_000;
  const now = Date.now();
  await env.DB.prepare('UPDATE info_requests SET registered_at = ?, original_due_at = ?, due_at = ?, updated_at = ? WHERE number = ?')
    .bind(now - daysAgo * day, now - dueDaysAgo * day, now - dueDaysAgo * day, now - daysAgo * day, number)
    .run();
}

/** A minimal valid PDF. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Every text stored anywhere a leak could hide: audit log, timeline, idempotency fingerprints, KV pages. */
export async function everythingOutsideTheRequestRow(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['audit_log', 'info_request_events', 'idempotency_keys', 'rate_limits', 'info_objections']) {
    const rows = await env.DB.prepare(`SELECT * FROM ${table}`).all();
    parts.push(JSON.stringify(rows.results));
  }
  let cursor: string | undefined;
  do {
    const page = await env.PAGE_CACHE.list({ cursor });
    for (const k of page.keys) parts.push(k.name, (await env.PAGE_CACHE.get(k.name)) ?? '');
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return parts.join('\n');
}
