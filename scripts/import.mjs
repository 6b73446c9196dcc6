// `npm run import -- --region 64.08.04.2012 --wxr export.xml` (likewise `--rss feed.xml`, `--opensid dump.sql [more.csv]`):
// imports an old village or kecamatan site into a region through the portal's own import (the same preview, chunks,
// report and audit as /admin/impor), as a Diskominfo officer, against the local portal of `npm start` or any other.
//
//   options: --url=ORIGIN (default http://localhost:8787), --user=LOGIN (or IMPORT_USER), --site-url=URL (OpenSID:
//            the old site's address), --publish (publish directly, without review), --yes (start without asking)
//   password: IMPORT_PASSWORD, or asked on the terminal (not echoed).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';

const USAGE =
  'pemakaian: npm run import -- --region KODE (--wxr BERKAS | --rss BERKAS | --opensid BERKAS...) [--url=ORIGIN] [--user=LOGIN] [--site-url=URL] [--publish] [--yes]';

/** --name value, --name=value; for the format flags every following non-option argument (OpenSID takes several files). */
function parseArgs(argv) {
  const out = { files: [], format: null, url: 'http://localhost:8787', region: null, user: null, siteUrl: '', publish: false, yes: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--wxr' || flag === '--rss' || flag === '--opensid') {
      if (out.format) throw new Error(`pilih satu format saja\n${USAGE}`);
      out.format = flag.slice(2);
      if (inline) out.files.push(inline);
      while (argv[i + 1] && !argv[i + 1].startsWith('--')) out.files.push(argv[++i]);
    } else if (flag === '--region') out.region = value();
    else if (flag === '--url') out.url = value().replace(/\/+$/, '');
    else if (flag === '--user') out.user = value();
    else if (flag === '--site-url') out.siteUrl = value();
    else if (flag === '--publish') out.publish = true;
    else if (flag === '--yes') out.yes = true;
    else throw new Error(`opsi tidak dikenal: ${argv[i]}\n${USAGE}`);
  }
  if (!out.region || !/^\d{2}(\.\d{2}){1,2}(\.\d{4})?$/.test(out.region)) throw new Error(`isi --region dengan kode wilayah Kemendagri\n${USAGE}`);
  if (!out.format || out.files.length === 0) throw new Error(`pilih berkas ekspor dengan --wxr, --rss atau --opensid\n${USAGE}`);
  if (out.format !== 'opensid' && out.files.length > 1) throw new Error('untuk --wxr dan --rss pilih satu berkas');
  return out;
}

/** A tiny cookie-carrying client of the portal (the session cookie and the CSRF token of its forms). */
class Portal {
  constructor(origin) {
    this.origin = origin;
    this.cookie = '';
    this.csrf = '';
  }

  async request(path, init = {}) {
    const headers = { Origin: this.origin, ...(this.cookie ? { Cookie: this.cookie } : {}), ...(init.headers ?? {}) };
    const res = await fetch(`${this.origin}${path}`, { ...init, headers, redirect: 'manual' });
    const set = res.headers.getSetCookie().find((h) => h.startsWith('__Host-sesi='));
    if (set) this.cookie = set.split(';')[0];
    return res;
  }

  async login(login, password) {
    const res = await this.request('/masuk', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login, password }),
    });
    if (res.status !== 303 || !this.cookie) throw new Error(`gagal masuk (HTTP ${res.status}): periksa nama pengguna dan kata sandi`);
    const page = await (await this.request('/admin/impor')).text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    if (!this.csrf) throw new Error('halaman impor tidak terbuka: akun ini bukan Diskominfo');
  }

  async post(path, form) {
    form.set('_csrf', this.csrf);
    return this.request(path, { method: 'POST', body: form });
  }
}

const text = (html) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The parts of the import page a terminal shows: preview, progress, problems or errors, report rows. */
function section(html, from, to) {
  const i = html.indexOf(from);
  if (i < 0) return '';
  const j = to ? html.indexOf(to, i + from.length) : -1;
  return text(html.slice(i, j < 0 ? undefined : j));
}

async function askHidden(prompt) {
  if (!process.stdin.isTTY) throw new Error('isi IMPORT_PASSWORD bila tidak dijalankan di terminal');
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let value = '';
  return new Promise((resolve) => {
    process.stdin.on('data', (buf) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    });
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const user = args.user ?? process.env.IMPORT_USER;
  if (!user) throw new Error('isi --user (nama pengguna Diskominfo) atau IMPORT_USER');
  const portal = new Portal(args.url);
  await portal.login(user, process.env.IMPORT_PASSWORD ?? (await askHidden(`Kata sandi ${user}: `)));

  const form = new FormData();
  form.set('region_code', args.region);
  form.set('format', args.format);
  form.set('site_url', args.siteUrl);
  if (args.publish) form.set('publish_directly', '1');
  for (const file of args.files) form.append('file', new Blob([readFileSync(file)]), basename(file));
  const uploaded = await portal.post('/admin/impor', form);
  const location = uploaded.headers.get('Location') ?? '';
  const id = /^\/admin\/impor\/([0-9A-Z]{26})$/.exec(location)?.[1];
  if (!id)
    throw new Error(`berkas ditolak (HTTP ${uploaded.status}): ${section(await uploaded.text(), 'class="error-summary"', '</div>') || 'lihat /admin/impor'}`);

  const detail = await (await portal.request(`/admin/impor/${id}`)).text();
  console.log(`Pratinjau (${args.url}/admin/impor/${id}):`);
  console.log(`  ${section(detail, '<h2>Pratinjau</h2>', '</ul>').replace(/^Pratinjau /, '')}`);
  console.log(`  ${section(detail, '<h3>Masalah', '<div class="actions">').slice(0, 2000)}`);
  if (!args.yes) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question('Mulai impor? (y/T) ');
    rl.close();
    if (!/^y(a|es)?$/i.test(answer.trim())) {
      await portal.post(`/admin/impor/${id}/batal`, new FormData());
      console.log('Dibatalkan.');
      return;
    }
  }
  let res = await portal.post(`/admin/impor/${id}/mulai`, new FormData());
  if (res.status !== 303) throw new Error(`impor tidak dapat dimulai (HTTP ${res.status})`);
  let last = '';
  for (;;) {
    await portal.post(`/admin/impor/${id}/lanjut`, new FormData());
    const progress = text(await (await portal.request(`/admin/impor/${id}`)).text());
    const m = /(Berjalan|Selesai|Gagal|Dibatalkan) (\d+) dari (\d+) item/.exec(progress);
    if (m) process.stdout.write(`\r${m[1]}: ${m[2]} dari ${m[3]} item   `);
    if (!m || m[1] !== 'Berjalan') break;
    // Another chunk holds the lease (the page open in a browser, the hourly job): wait a moment.
    if (m[2] === last) await new Promise((r) => setTimeout(r, 2000));
    last = m[2];
  }
  res = await portal.request(`/admin/impor/${id}`);
  const html = await res.text();
  console.log(`\n${section(html, 'id="kemajuan-judul"', '</ul>').replace(/^[^>]*>/, '')}`);
  const report = section(html, '<h2>Laporan', '</table>');
  console.log(report ? report.slice(0, 4000) : 'Tidak ada laporan.');
  console.log(`Laporan lengkap: ${args.url}/admin/impor/${id}`);
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  main().catch((err) => {
    process.stderr.write(`impor: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
