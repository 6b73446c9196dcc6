// `npm run backup` / `npm run restore` (scripts/backup.mjs, scripts/restore.mjs) on the e2e portal itself: Diskominfo
// publishes a news post with a cover photo and a document with a PDF, registers a partner; the portal's local state is
// backed up into the portable archive, restored into a fresh dir and served by a second `wrangler dev`. Public pages,
// API answers (lists, details, the tenders and complaints change feeds) and downloaded files of both portals are
// compared byte for byte, after replacing only each portal's own origin; a backup of the restored state (taken before
// any request could write to it) equals the first one. Tampered archives, a schema newer than the code and a non-empty
// target are refused. The pure rules of the format are checked first. Plain Node, no browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupLocal, type BackupManifest } from '../../scripts/backup.mjs';
import { startPortal, type Portal } from '../../scripts/e2e.mjs';
import { checkMigrationPrefix, decodeValue, dependencyOrder, encodeValue, insertStatements, MAX_STATEMENT_BYTES } from '../../scripts/lib/backup-format.mjs';
import { ROOT } from '../../scripts/lib/local.mjs';
import { restoreLocal } from '../../scripts/restore.mjs';
import { registerPartner } from './helpers/partner';

interface NodeFs {
  mkdirSync(path: string, options: { recursive: true }): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
  cpSync(from: string, to: string, options: { recursive: true }): void;
  writeFileSync(path: string, data: string): void;
  readFileSync(path: string, encoding: 'utf8'): string;
  readdirSync(path: string): string[];
}
interface SpawnResult {
  status: number | null;
  stderr: string;
}
type SpawnSync = (cmd: string, args: string[], options: { cwd: string; encoding: 'utf8'; timeout: number }) => SpawnResult;
const nodeProcess = (globalThis as unknown as { process: { pid: number; execPath: string; env: Record<string, string | undefined> } }).process;
const SOURCE = nodeProcess.env.E2E_BASE_URL?.replace(/\/+$/, '') ?? '';
const SOURCE_STATE = nodeProcess.env.E2E_PERSIST_TO ?? '';
const IP = '203.0.113.77'; // this suite's own client address: its rate limits never meet other suites'
/** The new content goes to a village other suites leave alone; the demo's richest village is compared as well. */
const DESA = '64.08.02.2001';
const DESA_PATH = '/muara-wahau/jak-luay';
const DEMO_DESA = '64.08.04.2012';
const DEMO_DESA_PATH = '/sangatta-utara/swarga-bara';
const DEMO_ADMIN = { login: 'diskominfo', password: 'Demo-Kutim-2026' };
const base = `${ROOT}/.e2e-state/backup-${nodeProcess.pid}-${Date.now().toString(36)}`;
const FETCH_TIMEOUT_MS = 90_000;

let fs: NodeFs;
let spawnSync: SpawnSync;

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { 'CF-Connecting-IP': IP, ...headers }, redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });

async function json<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await get(url, headers);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Logs in as the demo Diskominfo account and returns the session cookie and a CSRF token. */
async function adminSession(origin: string) {
  const login = await fetch(`${origin}/masuk`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, 'CF-Connecting-IP': IP },
    body: new URLSearchParams(DEMO_ADMIN).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((h) => h.startsWith('__Host-sesi='))
    ?.split(';')[0];
  if (login.status !== 303 || !cookie) throw new Error(`demo login failed: ${login.status}`);
  const page = await (await get(`${origin}/admin/konten/baru`, { Cookie: cookie })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on /admin/konten/baru');
  return { cookie, csrf };
}

/** Posts a multipart admin form; returns the path it redirects to. */
async function submit(origin: string, session: { cookie: string; csrf: string }, path: string, fields: Record<string, string | Blob>) {
  const body = new FormData();
  body.append('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') body.append(k, v);
    else body.append(k, v, k === 'cover' ? 'sampul.jpg' : 'laporan.pdf');
  }
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { Origin: origin, Cookie: session.cookie, 'CF-Connecting-IP': IP },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const location = res.headers.get('Location') ?? '';
  if (res.status !== 303) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return location;
}

async function partnerToken(origin: string, partner: { clientId: string; secret: string }) {
  const res = await fetch(`${origin}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': IP },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.secret }).toString(),
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * A response made comparable between two portals: status, content type and body with the portal's own origin
 * (plain and URL-encoded) replaced. Session-bound values (CSRF tokens, CSP nonces) would be replaced too; anonymous
 * pages carry none today.
 */
async function comparable(origin: string, path: string, headers: Record<string, string> = {}) {
  const res = await get(`${origin}${path}`, headers);
  const body = (await res.text())
    .replaceAll(origin, 'ORIGIN')
    .replaceAll(encodeURIComponent(origin), 'ORIGIN')
    .replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value="CSRF"')
    .replace(/nonce="[^"]+"/g, 'nonce="NONCE"');
  return { path, status: res.status, type: res.headers.get('Content-Type'), body };
}

async function bytesOf(url: string) {
  const res = await get(url);
  return { status: res.status, type: res.headers.get('Content-Type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('the archive format (scripts/lib/backup-format.mjs)', () => {
  it('orders tables after the tables they reference, keeps cycles loadable, and round-trips values', () => {
    const refs: Record<string, string[]> = { posts: ['users', 'regions'], users: ['regions'], regions: ['regions'], a: ['b'], b: ['a'] };
    expect(dependencyOrder(['posts', 'users', 'regions', 'a', 'b'], (t: string) => refs[t] ?? [])).toEqual(['regions', 'users', 'posts', 'a', 'b']);
    const blob = encodeValue(new Uint8Array([0, 255, 7]), 't.c');
    expect(blob).toEqual({ $base64: 'AP8H' });
    expect(Array.from(decodeValue(JSON.parse(JSON.stringify(blob))) as Uint8Array)).toEqual([0, 255, 7]);
    expect(encodeValue(null, 't.c')).toBeNull();
    expect(() => encodeValue(2 ** 60, 't.c')).toThrow(/2\^53/);
    expect(() => decodeValue({ lain: 1 })).toThrow();
  });

  it('cuts INSERTs below D1 statement limit and escapes quotes', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: i, teks: `baris '${i}' ${'x'.repeat(900)}`, kosong: null }));
    const { statements, oversized } = insertStatements('catatan', ['id', 'teks', 'kosong'], rows);
    expect(statements.length).toBeGreaterThan(1);
    expect(oversized).toBe(0);
    for (const s of statements) expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(MAX_STATEMENT_BYTES);
    expect(statements.join('\n')).toContain("'baris ''7'' x");
  });

  it('accepts a backup whose migrations are a prefix of the code, refuses any other', () => {
    expect(checkMigrationPrefix(['0001_a.sql'], ['0001_a.sql', '0002_b.sql'])).toEqual(['0002_b.sql']);
    expect(() => checkMigrationPrefix(['0001_a.sql', '0003_c.sql'], ['0001_a.sql', '0002_b.sql'])).toThrow(/0003_c\.sql/);
    expect(() => checkMigrationPrefix(['0001_a.sql', '0002_b.sql'], ['0001_a.sql'])).toThrow(/0002_b\.sql/);
  });
});

describe.skipIf(!SOURCE || !SOURCE_STATE)('npm run backup / npm run restore on the e2e portal', () => {
  let restored: Portal | undefined;
  let manifest: BackupManifest;
  let partner: { clientId: string; secret: string };
  let pdf: Uint8Array;
  const title = `Gotong royong cadangan ${Date.now().toString(36)}`;
  const docTitle = `Laporan cadangan ${Date.now().toString(36)}`;

  beforeAll(async () => {
    fs = (await import('node:fs' as string)) as NodeFs;
    spawnSync = ((await import('node:child_process' as string)) as { spawnSync: SpawnSync }).spawnSync;
    fs.mkdirSync(base, { recursive: true });
    const sharp = ((await import('sharp' as string)) as { default: (o: unknown) => { jpeg(): { toBuffer(): Promise<Uint8Array> } } }).default;
    const { demoPdf } = (await import('../../scripts/lib/demo-content.mjs' as string)) as { demoPdf(t: string, l: string[]): Uint8Array };
    const jpeg = await sharp({ create: { width: 480, height: 320, channels: 3, background: { r: 40, g: 120, b: 90 } } })
      .jpeg()
      .toBuffer();
    pdf = new Uint8Array(demoPdf(docTitle, ['Dokumen uji pencadangan.']));

    const session = await adminSession(SOURCE);
    const postAt = await submit(SOURCE, session, '/admin/konten', {
      region_code: DESA,
      kind: 'berita',
      title,
      summary: 'Warga membersihkan saluran air.',
      body_md: 'Warga **Jak Luay** membersihkan saluran air bersama.',
      cover: new Blob([jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      cover_alt: 'Warga membersihkan saluran air',
      aksi: 'terbitkan',
    });
    expect(postAt).toMatch(/ok=terbit/);
    const docAt = await submit(SOURCE, session, '/admin/dokumen', {
      region_code: DESA,
      title: docTitle,
      category: 'apbdes',
      year: '2026',
      description: 'Dokumen uji pencadangan.',
      file: new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
      aksi: 'terbitkan',
    });
    expect(docAt).toMatch(/ok=dibuat/);
    partner = await registerPartner(SOURCE, ['complaints:read'], IP);

    manifest = await backupLocal({ persistTo: SOURCE_STATE, out: `${base}/arsip` });
    await restoreLocal({ from: `${base}/arsip`, persistTo: `${base}/pulih` });
    restored = await startPortal({ label: 'pulih', persistTo: `${base}/pulih` });
  }, 900_000);

  afterAll(async () => {
    await restored?.stop();
    fs?.rmSync(base, { recursive: true, force: true });
  }, 60_000);

  it('writes a portable archive: NDJSON rows as counted, tables after the tables they reference, objects by checksum', () => {
    const order = manifest.d1.tables.map((t) => t.name);
    expect(manifest.d1.migrations.length).toBeGreaterThan(0);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('memberships'));
    expect(order.indexOf('documents')).toBeLessThan(order.indexOf('document_versions'));
    for (const t of manifest.d1.tables) {
      const lines = fs.readFileSync(`${base}/arsip/${t.file}`, 'utf8').split('\n').filter(Boolean);
      expect(lines.length, t.name).toBe(t.rows);
    }
    const posts = fs
      .readFileSync(`${base}/arsip/d1/posts.ndjson`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const post = posts.find((p) => p.title === title);
    expect(post).toBeDefined();
    expect(Object.keys(post!)).toEqual(manifest.d1.tables.find((t) => t.name === 'posts')!.columns);
    expect(Object.values(post!)).toContain(null); // NULLs are kept as null
    expect(manifest.r2.objects.length).toBe(fs.readdirSync(`${base}/arsip/r2`).length);
    expect(manifest.r2.objects.every((o) => /^[0-9a-f]{64}$/.test(o.sha256) && o.file === `r2/${o.sha256}`)).toBe(true);
  });

  it('backs up the restored portal into the same rows, schema and files', async () => {
    const again = await backupLocal({ persistTo: restored!.persistTo, out: `${base}/arsip-2` });
    expect(again.d1.migrations).toEqual(manifest.d1.migrations);
    // Before any request reached the restored portal (requests may write rate-limit rows).
    expect(again.d1.tables).toEqual(manifest.d1.tables); // names, order, columns, rows and each NDJSON file's SHA-256
    expect(again.d1.schema).toEqual(manifest.d1.schema);
    expect(again.d1.triggers).toEqual(manifest.d1.triggers);
    expect(again.r2.objects).toEqual(manifest.r2.objects);
  }, 300_000);

  it('serves identical pages, API answers, change feeds and files after the restore', async () => {
    const target = restored!.baseUrl;
    const posts = await json<{ data: { id: string; title: string; url: string; cover_url: string | null }[] }>(`${SOURCE}/api/v1/posts?region=${DESA}`);
    const post = posts.data.find((p) => p.title === title);
    expect(post?.cover_url).toBeTruthy();
    const docs = await json<{ data: { id: string; title: string; url: string; download_url: string }[] }>(`${SOURCE}/api/v1/documents?region=${DESA}`);
    const doc = docs.data.find((d) => d.title === docTitle);
    expect(doc).toBeDefined();
    const path = (u: string) => new URL(u).pathname;
    const pages = [
      '/',
      '/muara-wahau',
      DESA_PATH,
      `${DESA_PATH}/berita`,
      path(post!.url),
      `${DESA_PATH}/dokumen`,
      path(doc!.url),
      `${DESA_PATH}/berita.xml`,
      DEMO_DESA_PATH,
      `${DEMO_DESA_PATH}/dokumen`,
      `${DEMO_DESA_PATH}/peta`,
      '/berita',
      '/sitemap.xml',
      `/api/v1/posts?region=${DESA}`,
      `/api/v1/posts/${post!.id}`,
      `/api/v1/documents?region=${DESA}`,
      `/api/v1/documents/${doc!.id}`,
      `/api/v1/documents?region=${DEMO_DESA}`,
      `/api/v1/places?region=${DEMO_DESA}&limit=1000`,
      `/api/v1/geo/regions/${DEMO_DESA}`,
      `/api/v1/geo/layers/lelang?region=${DEMO_DESA}`,
      `/api/v1/geo/layers/pengaduan?region=${DEMO_DESA}`,
      `/api/v1/regions/${DESA}`,
      '/api/v1/tenders?since=2020-01-01',
    ];
    for (const p of pages) {
      const [a, b] = [await comparable(SOURCE, p), await comparable(target, p)];
      expect(a.status, p).toBe(200);
      expect(b, p).toEqual(a);
    }
    expect((await comparable(target, path(post!.url))).body).toContain(title);

    const feed = '/api/v1/complaints?since=2020-01-01T00:00:00Z&limit=50';
    const [fa, fb] = [
      await comparable(SOURCE, feed, { Authorization: `Bearer ${await partnerToken(SOURCE, partner)}` }),
      await comparable(target, feed, { Authorization: `Bearer ${await partnerToken(target, partner)}` }),
    ];
    expect(fa.status).toBe(200);
    expect(fb).toEqual(fa);

    const download = (origin: string) => bytesOf(`${origin}${path(doc!.download_url)}`);
    const [da, db] = [await download(SOURCE), await download(target)];
    expect(da.status).toBe(200);
    expect(db).toEqual(da);
    expect(db.bytes).toEqual(pdf);
    const cover = (origin: string) => bytesOf(`${origin}${path(post!.cover_url!)}`);
    const [ca, cb] = [await cover(SOURCE), await cover(target)];
    expect(ca.status).toBe(200);
    expect(cb.bytes.length).toBeGreaterThan(0);
    expect(cb).toEqual(ca);
  }, 600_000);

  it('refuses a changed file, a schema newer than the code and a target with data', () => {
    const restore = (from: string, to: string) =>
      spawnSync(nodeProcess.execPath, ['scripts/restore.mjs', `--from=${from}`, `--persist-to=${to}`], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });

    fs.cpSync(`${base}/arsip`, `${base}/diubah`, { recursive: true });
    const [first] = fs.readdirSync(`${base}/diubah/r2`);
    fs.writeFileSync(`${base}/diubah/r2/${first}`, 'diubah');
    fs.writeFileSync(`${base}/diubah/d1/posts.ndjson`, `${fs.readFileSync(`${base}/diubah/d1/posts.ndjson`, 'utf8')}{"id":"sisipan"}\n`);
    let run = restore(`${base}/diubah`, `${base}/tidak-dipakai`);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('pemulihan gagal');
    expect(run.stderr).toMatch(/objek \S+: isi berbeda \(SHA-256 tidak cocok\)/);
    expect(run.stderr).toContain('d1/posts.ndjson: SHA-256 tidak cocok');

    fs.cpSync(`${base}/arsip`, `${base}/lebih-baru`, { recursive: true });
    const newer = JSON.parse(fs.readFileSync(`${base}/lebih-baru/manifest.json`, 'utf8')) as BackupManifest;
    newer.d1.migrations.push('9999_dari_masa_depan.sql');
    fs.writeFileSync(`${base}/lebih-baru/manifest.json`, JSON.stringify(newer));
    run = restore(`${base}/lebih-baru`, `${base}/tidak-dipakai`);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('9999_dari_masa_depan.sql');

    run = restore(`${base}/arsip`, restored!.persistTo);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('sudah berisi data');
    expect(run.stderr).toContain('--force');
  }, 600_000);
});
