import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { refreshHostMap } from '../../src/middleware/old-hosts';
import { upsertRedirect } from '../../src/regions/old-links';
import { type Browser, loginAs } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';
import { fetchWithBindings } from '../helpers/worker';

// Old links of the retired village sites (issue 18): a request on a mapped old host name, and `{region}/situs-lama/…`
// on the portal, answer 301 to the new page — never to another site — or the region's home with an explanation.
const CANONICAL = { APP_ORIGIN: ORIGIN };
const HOME = '/sangatta-utara/swarga-bara';
const POST = `${HOME}/berita/semenisasi-jalan-rt-05`;
const IMAGE = '/media/public/impor/0123456789abcdef0123456789abcdef/article';

/** A request on the old host (the canonical origin configured, as in production). */
const onOldHost = (pathAndQuery: string, host = 'swargabara.desa.id') => fetchWithBindings(`https://${host}${pathAndQuery}`, CANONICAL, { redirect: 'manual' });

let dk: Browser;

beforeAll(async () => {
  const db = createDb(env.DB);
  const now = Date.now();
  const rows: Array<[string, string, 'wxr' | 'rss' | 'opensid']> = [
    ['/2021/03/semenisasi-jalan-rt-05', POST, 'wxr'],
    ['/?p=12', POST, 'wxr'],
    ['/wp-content/uploads/2021/03/foto-jalan.png', IMAGE, 'wxr'],
    ['/artikel/2023/05/12/posyandu-melati', `${HOME}/berita/posyandu-melati`, 'opensid'],
    ['/2022/08/lomba-tujuh-belasan.html', `${HOME}/berita/lomba-tujuh-belasan`, 'rss'],
  ];
  await db.batch(
    rows.map(([oldPath, target, source]) => upsertRedirect(db, { regionCode: '64.08.04.2012', oldPath, target, source }, now)) as [
      ReturnType<typeof upsertRedirect>,
    ],
  );
  dk = await loginAs([['diskominfo', '64.08']]);
}, 60_000);

describe('old host names (admin)', () => {
  it('Diskominfo adds a host name; invalid, duplicate and the portal’s own host are refused with a message', async () => {
    const add = await dk.post('/admin/situs-lama', { host: 'https://SwargaBara.desa.id/', region_code: '64.08.04.2012', note: 'domain lama' });
    expect(add.status).toBe(303);
    const page = await (await dk.get('/admin/situs-lama')).text();
    expect(page).toContain('swargabara.desa.id');
    for (const [host, message] of [
      ['swargabara.desa.id', 'sudah dipakai'],
      ['bukan host/dengan spasi', 'Nama host tidak valid'],
      ['portal.test', 'alamat utama portal'],
    ] as const) {
      const res = await dk.post('/admin/situs-lama', { host, region_code: '64.08.04.2012', note: '' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM region_hosts').first<{ n: number }>())?.n).toBe(1);
  });

  it('a village operator cannot see or change the host names', async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await op.get('/admin/situs-lama')).status).toBe(404);
    expect((await op.post('/admin/situs-lama', { host: 'jahat.test', region_code: '64.08.04.2012', note: '' })).status).toBe(404);
    expect((await op.post('/admin/situs-lama/hapus', { host: 'swargabara.desa.id' })).status).toBe(404);
  });
});

describe('requests on an old host name', () => {
  beforeAll(async () => {
    await refreshHostMap(createDb(env.DB), env);
  });

  it.each([
    ['/?p=12', POST],
    ['/2021/03/semenisasi-jalan-rt-05/', POST], // WordPress permalink with its trailing slash
    ['/2021/03/Semenisasi-Jalan-RT-05/?utm_source=whatsapp&fbclid=x', POST], // case and tracking parameters do not matter
    ['/wp-content/uploads/2021/03/foto-jalan.png', IMAGE],
    ['/artikel/2023/05/12/posyandu-melati', `${HOME}/berita/posyandu-melati`], // OpenSID
    ['/index.php/artikel/2023/05/12/posyandu-melati', `${HOME}/berita/posyandu-melati`],
    ['/index.php/first/artikel/2023/05/12/posyandu-melati', `${HOME}/berita/posyandu-melati`],
    ['/first/artikel/2023/05/12/posyandu-melati', `${HOME}/berita/posyandu-melati`],
    ['/2022/08/lomba-tujuh-belasan.html?m=1', `${HOME}/berita/lomba-tujuh-belasan`], // Blogspot mobile link
    ['/', HOME],
    ['/berita/kerja-bakti', `${HOME}/berita/kerja-bakti`], // a portal-shaped path ({slug}.{regency domain})
  ])('%s → 301 to its new page on the canonical origin', async (path, target) => {
    const res = await onOldHost(path);
    expect(res.status).toBe(301);
    expect(res.headers.get('Location')).toBe(`${ORIGIN}${target}`);
    expect(res.headers.get('Cache-Control')).toContain('public');
  });

  it('an old page with no known place lands on the region home with an explanation and a search (not a bare 404)', async () => {
    const res = await onOldHost('/2019/01/kegiatan-lama-sekali/');
    expect(res.status).toBe(302);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const location = new URL(res.headers.get('Location')!);
    expect(location.origin).toBe(ORIGIN);
    expect(location.pathname).toBe(HOME);
    expect(location.searchParams.get('alamat-lama')).toBe('/2019/01/kegiatan-lama-sekali/');
    const home = await get(`${location.pathname}${location.search}`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('Halaman dari situs lama');
    expect(html).toContain(`action="${HOME}/berita"`);
    expect(html).toMatch(/name="q"[^>]*value="kegiatan lama sekali"/);
    // The notice is only on that answer: the plain home page has none.
    expect(await (await get(HOME)).text()).not.toContain('Halaman dari situs lama');
  });

  it.each([
    '//jahat.test/phish',
    '/\\jahat.test',
    '/%2F%2Fjahat.test',
    '/https://jahat.test',
    '/?p=12@jahat.test',
    '/..//jahat.test',
    '/%0d%0aLocation:%20https://jahat.test',
    `/${'a/'.repeat(300)}`,
  ])('never an open redirect: %s stays on the canonical origin', async (path) => {
    const res = await onOldHost(path);
    expect([301, 302]).toContain(res.status);
    const location = res.headers.get('Location') ?? '';
    expect(new URL(location).origin).toBe(ORIGIN);
    expect(location.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(location).not.toMatch(/[\r\n]/);
  });

  it('other hosts and the canonical host are served as usual; without APP_ORIGIN nothing is redirected', async () => {
    const other = await fetchWithBindings('https://jahat.test/?p=12', CANONICAL, { redirect: 'manual' });
    expect(other.status).not.toBe(301);
    expect(other.headers.get('Location') ?? '').not.toContain('jahat.test');
    const canonical = await fetchWithBindings(`${ORIGIN}${HOME}`, CANONICAL, { redirect: 'manual' });
    expect(canonical.status).toBe(200);
    const unset = await fetchWithBindings('https://swargabara.desa.id/?p=12', { APP_ORIGIN: '' }, { redirect: 'manual' });
    expect(unset.status).not.toBe(301);
  });

  it('a www. variant is its own host name: unmapped until added', async () => {
    expect((await onOldHost('/?p=12', 'www.swargabara.desa.id')).status).not.toBe(301);
  });

  it('after Diskominfo removes the host name its requests are no longer redirected', async () => {
    const res = await dk.post('/admin/situs-lama/hapus', { host: 'swargabara.desa.id' });
    expect(res.status).toBe(303);
    expect((await onOldHost('/?p=12')).status).not.toBe(301);
  });
});

describe('{region}/situs-lama/… on the portal', () => {
  it('answers 301 to the recorded page, relative to the portal, for the old path in any of its forms', async () => {
    for (const old of ['/?p=12', '/index.php/2021/03/semenisasi-jalan-rt-05/']) {
      const res = await get(`${HOME}/situs-lama${old}`);
      expect(res.status).toBe(301);
      expect(res.headers.get('Location')).toBe(POST);
    }
  });

  it('an unknown old path goes to the home with the notice; another region’s redirects are not used', async () => {
    const res = await get('/sangatta-utara/situs-lama/2021/03/semenisasi-jalan-rt-05');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toMatch(/^\/sangatta-utara\?alamat-lama=/);
  });

  it.each(['//jahat.test', '/%2F%2Fjahat.test/x', '/\\\\jahat.test'])('never leaves the portal: %s', async (old) => {
    const res = await get(`${HOME}/situs-lama${old}`);
    const location = res.headers.get('Location') ?? '';
    expect(location.startsWith('/')).toBe(true);
    expect(location.startsWith('//')).toBe(false);
    expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
  });

  it('an unknown region is a 404', async () => {
    expect((await get('/tidak-ada/situs-lama/?p=12')).status).toBe(404);
  });
});
