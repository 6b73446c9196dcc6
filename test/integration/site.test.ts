import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get } from '../helpers/http';
import { insertPost } from '../helpers/seed';

describe('public region pages', () => {
  it('renders the uniform template with breadcrumb, section navigation, parent and children', async () => {
    const res = await get('/sangatta-utara/swarga-bara');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>Desa Swarga Bara</h1>');
    const crumbs = [
      '<nav class="crumbs"[^>]*><ol>',
      '<li><a href="/">Kabupaten Kutai Timur</a></li>',
      '<li><a href="/sangatta-utara">Kecamatan Sangatta Utara</a></li>',
      '<li aria-current="page">Desa Swarga Bara</li>',
    ];
    expect(html).toMatch(new RegExp(crumbs.join('')));
    for (const s of ['berita', 'dokumen', 'layanan', 'pengaduan', 'ppid', 'peta', 'lelang']) {
      expect(html).toContain(`href="/sangatta-utara/swarga-bara/${s}"`);
    }
    expect(html).toContain('Bagian dari <a href="/sangatta-utara">Kecamatan Sangatta Utara</a>');
    expect(html).toContain('class="skip" href="#isi"');
  });

  it('shows every section page under every prefix', async () => {
    for (const prefix of ['', '/sangatta-utara', '/sangatta-utara/swarga-bara']) {
      for (const s of ['berita', 'dokumen', 'layanan', 'pengaduan', 'ppid', 'peta', 'lelang']) {
        const res = await get(`${prefix}/${s}`);
        expect(res.status, `${prefix}/${s}`).toBe(200);
      }
    }
  });

  it('answers unknown regions and paths with an Indonesian 404 page that offers the search', async () => {
    for (const path of [
      '/tidak-ada',
      '/sangatta-utara/tidak-ada',
      '/sangatta-utara/swarga-bara/tidak-ada',
      '/a/b/c/d',
      '/sangatta-utara/berita/tidak-ada',
      '/%3Cscript%3E',
      '/admin-x/..%2f..%2fetc',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toContain('tidak ditemukan');
      expect(html, path).toContain('action="/wilayah"');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it('answers bad query parameters with a clear 4xx, never a 500', async () => {
    const bad = await get('/berita?halaman=-1');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Nomor halaman dimulai dari 1.');
    const kind = await get('/berita?jenis=%3Cscript%3E');
    expect(kind.status).toBe(422);
    expect(await kind.text()).not.toContain('<script>');
    const many = await get(`/berita?${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&')}`);
    expect(many.status).toBe(400);
  });

  it('searches regions without JavaScript, rejects a huge query and renders script tags inert', async () => {
    const res = await get('/wilayah?q=swarga');
    const html = await res.text();
    expect(html).toContain('href="/sangatta-utara/swarga-bara"');
    expect(html).not.toContain('Muara Wahau</a>');
    const kec = await (await get('/wilayah?q=sangatta%20utara')).text();
    expect(kec).toContain('Kelurahan Teluk Lingga');

    const huge = await get(`/wilayah?q=${'a'.repeat(5000)}`);
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain('Kata kunci terlalu panjang');

    const xss = await get('/wilayah?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const body = await xss.text();
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const wildcard = await (await get('/wilayah?q=%25')).text();
    expect(wildcard).toContain('Tidak ada wilayah yang cocok');
  });

  it.each([
    ['swargabara', 'swarga-bara'],
    ['SWARGA BARA', 'swarga-bara'],
    ['desa swarga', 'swarga-bara'],
    ['Swárga Bará', 'swarga-bara'],
    ['swarga bra', 'swarga-bara'],
    ['sangata', 'sangatta-utara'],
    ['kec. muara wahou', 'muara-wahau'],
  ])('tolerates what people type: %s', async (q, slug) => {
    const html = await (await get(`/wilayah?q=${encodeURIComponent(q)}`)).text();
    expect(html).toMatch(new RegExp(`href="/[a-z-]*/?${slug}"`));
    expect(html).not.toContain('Tidak ada wilayah yang cocok');
  });

  it('does not invent matches for unrelated words', async () => {
    expect(await (await get('/wilayah?q=jakarta')).text()).toContain('Tidak ada wilayah yang cocok');
    expect(await (await get('/wilayah?q=desa')).text()).toContain('Tidak ada wilayah yang cocok');
  });

  it.each([
    ['/s/6408', '/'],
    ['/s/640804', '/sangatta-utara'],
    ['/s/6408042012', '/sangatta-utara/swarga-bara'],
    ['/s/6408042012a', '/sangatta-utara/swarga-bara/pengaduan'],
    ['/s/640804i', '/sangatta-utara/ppid'],
    ['/s/adu-7k3q-9xpd', '/pengaduan/lacak?nomor=ADU-7K3Q-9XPD'],
    ['/s/PPID-2222-3333', '/ppid/lacak?nomor=PPID-2222-3333'],
  ])('short link %s goes to %s', async (path, location) => {
    const res = await get(path);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(location);
  });

  it.each(['/s/6408999999', '/s/6408042012z', '/s/XYZ-2222-3333', '/s/%E0%A4%A', '/s/123'])('short link %s is a clear 404', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Tautan pendek ini tidak dikenal');
  });

  it('returns only the results fragment to htmx', async () => {
    const res = await get('/wilayah?q=bara', { 'HX-Request': 'true' });
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).not.toContain('id="hasil"'); // the live region stays; only its contents are swapped
    expect(html).toContain('Swarga Bara');
  });

  it('honours Save-Data by leaving out optional images', async () => {
    const title = `Sampul ${crypto.randomUUID()}`;
    await insertPost({ regionCode: '64.08.05', title, coverKey: 'public/posts/ABCDEFGHJK12' });
    const normal = await (await get('/sangkulirang')).text();
    expect(normal).toContain('src="/media/public/posts/ABCDEFGHJK12/thumb"');
    const light = await (await get('/sangkulirang', { 'Save-Data': 'on' })).text();
    expect(light).toContain(title);
    expect(light).not.toContain('/media/public/posts/ABCDEFGHJK12');
  });

  it('shows a post detail with its Markdown rendered safely and share links', async () => {
    const { slug } = await insertPost({
      regionCode: '64.08.04.2012',
      title: 'Detail <b>uji</b>',
      body: 'Halo **warga**\n\n<script>alert(1)</script> [tautan](javascript:alert(1))',
    });
    const html = await (await get(`/sangatta-utara/swarga-bara/berita/${slug}`)).text();
    expect(html).toContain('<strong>warga</strong>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Detail &lt;b&gt;uji&lt;/b&gt;');
    expect(html).toContain('https://wa.me/?text=');
    expect(html).toContain('property="og:title"');
  });

  it('sends secure headers on every response', async () => {
    for (const path of ['/', '/tidak-ada', '/api/v1/regions', '/healthz']) {
      const res = await get(path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('pages contain no inline script', async () => {
    for (const path of ['/', '/sangatta-utara', '/wilayah', '/tidak-ada']) {
      const html = await (await get(path)).text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      for (const s of scripts) expect(s, path).toMatch(/src="/);
    }
  });
});

describe('robots.txt', () => {
  it('keeps crawlers out of admin and API and points to the absolute sitemap', async () => {
    const body = await (await get('/robots.txt')).text();
    expect(body).toContain('Disallow: /admin');
    expect(body).toContain('Sitemap: https://portal.test/sitemap.xml');
  });
});

describe('request ids', () => {
  it('answers a fresh request id and never trusts a client-sent one', async () => {
    const res = await get('/healthz', { 'X-Request-Id': 'palsu-dari-klien' });
    const id = res.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await (await get('/api/v1/regions/99.99', { 'X-Request-Id': 'palsu-dari-klien' })).json<{ request_id: string }>();
    expect(problem.request_id).not.toBe('palsu-dari-klien');
  });
});

describe('/healthz', () => {
  it('reports the version and a D1 check', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const body = await res.json<{ status: string; version: string; checks: { d1: string } }>();
    expect(body).toMatchObject({ status: 'ok', version: env.APP_VERSION, checks: { d1: 'ok' } });
  });
});
