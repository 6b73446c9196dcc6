import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { publishDueScheduledPosts } from '../../src/features/content/scheduled-publish';
import { runScheduled } from '../../src/jobs';
import { loginAs } from '../helpers/auth';
import { createPostAs, fileOf, multipart, PNG_1X1, pngHeader, postRow, setStage, xmlProblem } from '../helpers/content';
import { metadataFound } from '../../src/media/metadata';
import { get, ORIGIN } from '../helpers/http';
import { insertPost } from '../helpers/seed';

const uid = () => crypto.randomUUID().slice(0, 8);

describe('Markdown and XSS safety on real pages', () => {
  it('renders hostile Markdown inert on the detail page, the list, the feed and the API', async () => {
    await setStage('64.08.02.2003', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.02.2003']]);
    const title = `Judul <script>alert("t")</script> ${uid()}`;
    const body = [
      'Teks **tebal** dan <script>alert(1)</script>',
      '',
      '<img src=x onerror=alert(2)>',
      '',
      '[klik](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [luar](https://example.org/x)',
      '',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n');
    const id = await createPostAs(op, { region_code: '64.08.02.2003', title, summary: 'Ringkasan <b>tebal</b>', body_md: body, aksi: 'terbitkan' });
    const slug = (await postRow(id))!.slug;
    const html = await (await get(`/muara-wahau/muara-wahau/berita/${slug}`)).text();
    const prose = html.slice(html.indexOf('<div class="prose">'), html.indexOf('<p class="share">'));
    expect(prose).toContain('<strong>tebal</strong>');
    // Everything hostile is shown as text, never as markup or a live URL.
    expect(html).not.toMatch(/<script>alert|<img[^>]+onerror|<iframe|href="(javascript|data):/i);
    expect(prose).toContain('&lt;script&gt;');
    expect(prose).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(prose).toMatch(/<a href="https:\/\/example\.org\/x" rel="[^"]*noopener[^"]*"/);
    expect(html).toContain('Judul &lt;script&gt;');
    // share links and Open Graph carry the escaped title
    expect(html).toMatch(/<meta property="og:title" content="Judul &lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt;/);
    expect(html).toContain('https://wa.me/?text=');
    const list = await (await get('/muara-wahau/berita')).text();
    expect(list).not.toContain('<script>alert');
    const feed = await (await get('/muara-wahau/berita.xml')).text();
    expect(xmlProblem(feed)).toBeNull();
    expect(feed).toContain('Judul &lt;script&gt;');
    const api = (await (await get(`/api/v1/posts/${id}`)).json()) as { body_html: string; body_markdown: string };
    expect(api.body_markdown).toBe(body);
    expect(api.body_html).not.toMatch(/<script|<img src=x|javascript:|<iframe/);
  });
});

describe('cover photo upload', () => {
  it('passes the cover through the image pipeline; pages reference its derivatives only, never the original', { timeout: 60_000 }, async () => {
    await setStage('64.08.02.2003', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.02.2003']]);
    const photo = new Uint8Array(await (await env.MEDIA_FIXTURES.fetch('http://fixtures/camera-12mp.jpg')).arrayBuffer());
    const id = await createPostAs(
      op,
      { region_code: '64.08.02.2003', title: `Foto jembatan ${uid()}`, cover_alt: 'Jembatan desa', aksi: 'terbitkan' },
      { cover: fileOf(photo, '../../etc/IMG_0001.JPG', 'image/jpeg') },
    );
    const row = await postRow(id);
    const base = row!.cover_key!;
    expect(base).toMatch(/^public\/posts\/[0-9A-Z]{26}$/);
    const manifest = JSON.parse(row!.cover_media as string);
    expect(manifest).toMatchObject({ base, w: 4000, h: 3000, sizes: { thumb: { w: 240, h: 180 }, article: { w: 800, h: 600 } } });
    const original = new Uint8Array(await (await env.FILES.get(`${base}/original.jpg`))!.arrayBuffer());
    expect(metadataFound(original)).toEqual([]); // GPS, camera, XMP, ICC and comment gone from the kept original too

    const pages = [`/muara-wahau/muara-wahau/berita/${row!.slug}`, '/muara-wahau/muara-wahau/berita', '/muara-wahau/muara-wahau', '/muara-wahau', '/'];
    for (const path of pages) {
      const html = await (await get(path)).text();
      const imgs = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]).filter((t) => t.includes('/media/'));
      expect(imgs.length, path).toBeGreaterThan(0);
      for (const img of imgs) {
        expect(img, path).not.toContain('original');
        expect(img, path).toMatch(/ width="\d+"/);
        expect(img, path).toMatch(/ height="\d+"/);
        expect(img, path).toContain('loading="lazy"');
        expect(img, path).toContain('decoding="async"');
        for (const src of img.match(/\/media\/[^" ]+/g) ?? []) expect(src, path).toMatch(new RegExp(`^/media/${base}/(thumb|article)$`));
      }
      if (path.includes('/berita/')) {
        expect(html).toContain(`src="/media/${base}/article"`);
        expect(html).toContain(`srcset="/media/${base}/thumb 240w, /media/${base}/article 800w"`);
        expect(html).toContain(`content="http://example.com/media/${base}/article.jpg"`.replace('http://example.com', ORIGIN));
      } else {
        expect(html, path).toContain(`src="/media/${base}/thumb"`);
        expect(html, path).not.toContain(`/media/${base}/article`); // lists never pull the article size
      }
    }
    const webp = await get(`/media/${base}/thumb`, { Accept: 'image/webp,*/*' });
    expect(webp.status).toBe(200);
    expect(webp.headers.get('Content-Type')).toBe('image/webp');
    expect(webp.headers.get('Vary')).toBe('Accept');
    expect((await webp.arrayBuffer()).byteLength).toBeLessThanOrEqual(8 * 1024);
    const jpeg = await get(`/media/${base}/article`, { Accept: 'image/*' });
    expect(jpeg.headers.get('Content-Type')).toBe('image/jpeg');
    expect((await jpeg.arrayBuffer()).byteLength).toBeLessThanOrEqual(60 * 1024);
    expect((await get(`/media/${base}/original.jpg`)).status).toBe(404);
    expect((await get(`/media/${base}/../../etc/passwd`)).status).toBe(404);
    expect((await get('/media/%E0%A4%A')).status).toBe(404);

    // Replacing the cover stores a new image and removes every file of the old one.
    const fd = multipart(
      { kind: 'berita', title: row!.title, body_md: 'Isi.', cover_alt: 'Jembatan baru' },
      { cover: fileOf(PNG_1X1, 'baru.png', 'image/png') },
    );
    expect((await op.postMultipart(`/admin/konten/${id}`, fd)).status).toBe(303);
    const after = await postRow(id);
    expect(after!.cover_key).not.toBe(base);
    expect((await env.FILES.list({ prefix: `${base}/` })).objects).toEqual([]);
    // Removing it clears the key, the manifest and the files.
    const rm = multipart({ kind: 'berita', title: row!.title, body_md: 'Isi.', remove_cover: '1' });
    expect((await op.postMultipart(`/admin/konten/${id}`, rm)).status).toBe(303);
    const cleared = await postRow(id);
    expect(cleared!.cover_key).toBeNull();
    expect(cleared!.cover_media).toBeNull();
    expect((await env.FILES.list({ prefix: `${after!.cover_key}/` })).objects).toEqual([]);
  });

  it('refuses wrong magic bytes (415), empty files (422), huge pixels and oversize (413), keeping the typed values', async () => {
    await setStage('64.08.02.2003', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.02.2003']]);
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM posts').first<{ n: number }>();
    const title = `Judul tetap diingat ${uid()}`;
    const cases: Array<[File, number, string]> = [
      [fileOf(new TextEncoder().encode('<svg onload=alert(1)></svg>'), 'foto.png', 'image/png'), 415, 'Jenis berkas tidak didukung'],
      [fileOf(new TextEncoder().encode('%PDF-1.4 bukan gambar'), 'foto.jpg', 'image/jpeg'), 415, 'Jenis berkas tidak didukung'],
      [fileOf(new Uint8Array(0), 'kosong.jpg', 'image/jpeg'), 422, 'Berkas kosong'],
      [fileOf(pngHeader(12_000, 9_000), 'raksasa.png', 'image/png'), 413, 'Gambar terlalu besar'],
    ];
    for (const [file, status, message] of cases) {
      const res = await op.postMultipart('/admin/konten', multipart({ region_code: '64.08.02.2003', kind: 'berita', title, body_md: 'Isi.' }, { cover: file }));
      expect(res.status, file.name).toBe(status);
      const html = await res.text();
      expect(html, file.name).toContain(message);
      expect(html, file.name).toContain(`value="${title}"`);
      expect(html, file.name).toContain('href="#cover"');
    }
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PNG_1X1);
    const res = await op.postMultipart(
      '/admin/konten',
      multipart({ region_code: '64.08.02.2003', kind: 'berita', title, body_md: 'Isi.' }, { cover: fileOf(big, 'besar.png', 'image/png') }),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Ukuran maksimal 20 MB');
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM posts').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
    const objects = await env.FILES.list({ prefix: 'public/posts/' });
    for (const o of objects.objects) expect(o.key).toMatch(/^public\/posts\/[0-9A-Z]{26}\/(original|thumb|article)\.(png|jpg|webp)$/);
  });
});

describe('scheduled publication', () => {
  it('a post approved for a future time stays hidden, then the job purges the pages once it is due', async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const title = `Jadwal terbit ${uid()}`;
    const future = new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000); // as WITA wall clock below
    const local = future.toISOString().slice(0, 16);
    const id = await createPostAs(op, { region_code: '64.08.04.2011', title, publish_at: local, aksi: 'terbitkan' });
    const row = await postRow(id);
    expect(row!.status).toBe('terbit');
    expect(row!.published_at).toBeGreaterThan(Date.now() + 86_400_000);
    const pages = ['/sangatta-utara/singa-gembara', '/sangatta-utara', '/sangatta-utara/singa-gembara/berita.xml'];
    for (const p of pages) {
      expect(await (await get(p)).text(), p).not.toContain(title);
      expect((await get(p)).headers.get('X-Cache'), p).toBe('HIT');
    }
    expect((await get(`/api/v1/posts/${id}`)).status).toBe(404);
    const deps = { db: createDb(env.DB), env };
    expect((await publishDueScheduledPosts(deps, Date.now())).regions).not.toContain('64.08.04.2011');

    // Time passes: the post becomes due (simulated by moving its time into the past).
    await env.DB.prepare('UPDATE posts SET published_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, id)
      .run();
    expect(await (await get('/sangatta-utara/singa-gembara')).text()).not.toContain(title); // cached page: not yet

    // The cron dispatcher runs the job; the pages show the post on the next request.
    await runScheduled(createScheduledController({ cron: '5 * * * *', scheduledTime: Date.now() }), env);
    for (const p of pages) {
      const res = await get(p);
      expect(res.headers.get('X-Cache'), p).toBe('MISS');
      expect(await res.text(), p).toContain(title);
    }
    // Idempotent: nothing left to do for this region.
    expect((await publishDueScheduledPosts(deps, Date.now())).regions).not.toContain('64.08.04.2011');
    expect((await get('/sangatta-utara')).headers.get('X-Cache')).toBe('HIT');
  });
});

describe('feeds and sitemap', () => {
  it('berita.xml is valid RSS 2.0 with the latest 20 rolled-up items, cached in KV', async () => {
    const title = `Feed & <rollup> ${uid()}`;
    await insertPost({ regionCode: '64.08.05.2001', title, summary: 'A & B < C' });
    for (let i = 0; i < 22; i++) await insertPost({ regionCode: '64.08.05', title: `Isi feed ${i}`, publishedAt: Date.now() - 10_000 - i * 1000 });
    await insertPost({ regionCode: '64.08.05', title: 'Draf tidak masuk feed', status: 'draft' });
    const res = await get('/sangkulirang/berita.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/rss+xml');
    expect(res.headers.get('X-Cache')).toBe('MISS');
    const xml = await res.text();
    expect(xmlProblem(xml)).toBeNull();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<atom:link href="https://portal.test/sangkulirang/berita.xml" rel="self"');
    expect((xml.match(/<item>/g) ?? []).length).toBe(20);
    expect(xml).toContain(`Feed &amp; &lt;rollup&gt;`);
    expect(xml).toContain('A &amp; B &lt; C');
    expect(xml).toMatch(/<link>https:\/\/portal\.test\/sangkulirang\/[a-z0-9-]+\/berita\/uji-/);
    expect(xml).not.toContain('Draf tidak masuk feed');
    expect(xml).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
    expect((await get('/sangkulirang/berita.xml')).headers.get('X-Cache')).toBe('HIT');
    expect((await get('/tidak-ada/berita.xml')).status).toBe(404);
    // The list page advertises the feed.
    expect(await (await get('/sangkulirang/berita')).text()).toContain('href="/sangkulirang/berita.xml"');
  });

  it('sitemap.xml lists every region and published post, is well-formed and refreshed by a purge', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    const xml = await res.text();
    expect(xmlProblem(xml)).toBeNull();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const regions = await env.DB.prepare('SELECT path FROM regions').all<{ path: string }>();
    expect(regions.results.length).toBeGreaterThan(100);
    for (const r of regions.results) expect(xml, r.path).toContain(`<loc>https://portal.test/${r.path}</loc>`);
    expect(xml).toContain('<loc>https://portal.test/sangatta-utara/swarga-bara</loc>');
    expect((await get('/sitemap.xml')).headers.get('X-Cache')).toBe('HIT');

    const post = await insertPost({ regionCode: '64.08.04.2012', title: `Sitemap ${uid()}` }); // purges the regency prefix too
    const draft = await insertPost({ regionCode: '64.08.04.2012', title: 'Draf sitemap', status: 'draft' });
    const again = await get('/sitemap.xml');
    expect(again.headers.get('X-Cache')).toBe('MISS');
    const xml2 = await again.text();
    expect(xml2).toContain(`/sangatta-utara/swarga-bara/berita/${post.slug}</loc>`);
    expect(xml2).not.toContain(draft.slug);
  });
});

describe('page weight with real content', () => {
  it('a region home full of news, announcements and documents, and a full document list, stay ≤ 14 KB gzip', async () => {
    const region = (await env.DB.prepare("SELECT code, path FROM regions WHERE level = 'kecamatan' ORDER BY code DESC LIMIT 1").first<{
      code: string;
      path: string;
    }>())!;
    const long =
      'Warga bergotong royong memperbaiki jalan, parit dan jembatan kayu menuju kebun sambil menyiapkan lomba kebersihan antar RT menjelang hari jadi desa. '
        .repeat(2)
        .slice(0, 290);
    for (let i = 0; i < 6; i++)
      await insertPost({
        regionCode: region.code,
        title: `Berita panjang nomor ${i} tentang kegiatan warga di kecamatan ini`,
        summary: long,
        coverKey: `public/posts/${'A'.repeat(25)}${i}.jpg`,
        purge: false,
      });
    for (let i = 0; i < 5; i++)
      await insertPost({
        regionCode: region.code,
        kind: 'pengumuman',
        title: `Pengumuman penting nomor ${i} untuk seluruh warga`,
        summary: long,
        purge: false,
      });
    const now = Date.now();
    for (let i = 0; i < 25; i++) {
      await env.DB.prepare(
        `INSERT INTO documents (id, region_code, title, category, year, description, info_category, current_version, current_mime, current_size,
           current_sha256, created_at, updated_at)
         VALUES (?, ?, ?, 'laporan', 2026, ?, 'berkala', 1, 'application/pdf', 123456, ?, ?, ?)`,
      )
        .bind(
          `WEIGHT${String(i).padStart(20, '0')}`,
          region.code,
          `Laporan realisasi anggaran triwulan ${i} tahun anggaran 2026 lengkap`,
          long,
          'f'.repeat(64),
          now - i,
          now - i,
        )
        .run();
    }
    await publishDueScheduledPosts({ db: createDb(env.DB), env }, Date.now()); // purge like a publish would
    const { gzipSize } = await import('../helpers/http');
    for (const path of [`/${region.path}`, `/${region.path}/dokumen`, `/${region.path}/berita`]) {
      const html = await (await get(path)).text();
      expect(html, path).toContain(path.endsWith('/berita') ? 'Berita panjang nomor 5' : 'Laporan realisasi anggaran triwulan 0');
      const size = await gzipSize(html);
      expect(size, path).toBeGreaterThan(1000); // a real page was measured
      expect(size, `${path}: ${size} B gzip`).toBeLessThanOrEqual(14 * 1024);
    }
  });
});
