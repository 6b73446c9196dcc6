import { jpegFile } from './complaints';
import { ORIGIN } from './http';
import { SELF } from './worker';

/** A request to the worker with any method (no redirects followed). */
export function send(method: string, path: string, init: RequestInit = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { ...init, method, redirect: 'manual' });
}

export const BASE = '/sangatta-utara/swarga-bara/layanan';
let ip = 0;
const nextIp = () => `203.0.113.${(ip++ % 250) + 1}`;

export function skuForm(
  over: Record<string, string> = {},
  files: Record<string, File> = { req_ktp: jpegFile('ktp.jpg', 320, 200), req_kk: jpegFile('kk.jpg', 320, 240) },
) {
  const fd = new FormData();
  const fields: Record<string, string> = {
    token: `tok${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
    region_code: '64.08.04.2012',
    service: 'sk-usaha',
    name: 'Budi Sutejo',
    nik: '6408041203900001',
    kk: '6408041505180003',
    birth_place: 'Sangatta',
    birth_date: '1990-03-12',
    gender: 'L',
    address: 'Jl. Poros Swarga Bara No. 7',
    rt: '3',
    rw: '1',
    phone: '0812 3456 7890',
    delivery: 'unduh',
    f_nama_usaha: 'Warung Berkah',
    f_jenis_usaha: 'warung makan',
    f_alamat_usaha: 'Jl. Poros Swarga Bara No. 7',
    f_mulai_usaha: '2019',
    f_keperluan: 'pengajuan KUR',
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  for (const [k, f] of Object.entries(files)) fd.set(k, f);
  return fd;
}

export async function submitSku(over: Record<string, string> = {}, files?: Record<string, File>) {
  const res = await send('POST', `${BASE}/sk-usaha`, { body: skuForm(over, files), headers: { 'CF-Connecting-IP': nextIp() } });
  const html = await res.text();
  const number = /class="ref">(SRT-[0-9A-Z-]+)</.exec(html)?.[1] ?? '';
  const code = /id="kode-pribadi">([0-9A-Z-]+)</.exec(html)?.[1] ?? '';
  return { res, html, number, code };
}

export function track(number: string, code: string, path = 'lacak', extra: Record<string, string> = {}) {
  return send('POST', `${BASE}/${path}`, {
    body: new URLSearchParams({ nomor: number, kode: code, ...extra }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': nextIp() },
  });
}
