import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ActionContext } from '../../src/auth/actor';
import { createDb } from '../../src/db/client';
import { FEATURES } from '../../src/features';
import { importTargetsOf } from '../../src/features/descriptor';
import { createImport } from '../../src/features/old-sites/preview';
import { runImportToEnd, startImport } from '../../src/features/old-sites/run';
import opensidDump from '../fixtures/old-sites/opensid-dump.sql?raw';
import blogspotRss from '../fixtures/old-sites/blogspot-rss.xml?raw';
import wordpressWxr from '../fixtures/old-sites/wordpress-wxr.xml?raw';
import { createTestUser } from '../helpers/auth';
import { PNG_1X1, pdfBytes, setStage } from '../helpers/content';
import { get } from '../helpers/http';

// The content import of the old village sites (issue 18), from fixture exports of each format, through the same
// services the admin page and the hourly job use; the old site's files come from a fake fetcher (no network).
const SWARGA_BARA = '64.08.04.2012';
const HOME = '/sangatta-utara/swarga-bara';

interface OldFile {
  bytes: Uint8Array;
  type: string;
}

/** The old site's files by address; every fetch is recorded so a second run can prove it fetched nothing. */
function oldSite(files: Record<string, OldFile>) {
  const calls: string[] = [];
  const fetcher = async (url: string) => {
    calls.push(url);
    const f = files[url];
    return f ? new Response(f.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': f.type } }) : new Response('tidak ada', { status: 404 });
  };
  return { fetcher, calls };
}

/** The export in small chunks, as an upload stream delivers it (statements and strings split across chunks). */
async function* chunksOf(text: string, size = 701): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

let actor: Actor;
const ctx = (): ActionContext => ({ actor, requestId: null, now: Date.now() });
const db = () => createDb(env.DB);

async function importOnce(format: 'wxr' | 'rss' | 'opensid', name: string, text: string, fetcher: (u: string) => Promise<Response>, siteUrl = '') {
  const { id } = await createImport(
    { db: db(), env },
    { regionCode: SWARGA_BARA, format, siteUrl, publishDirectly: false, sources: [{ name, chunks: chunksOf(text) }] },
    ctx(),
  );
  await startImport(db(), id, ctx());
  const job = await runImportToEnd({ db: db(), env, fetch: fetcher, targets: importTargetsOf(FEATURES) }, id, ctx);
  const results = await env.DB.prepare('SELECT item_key, outcome, reason, target FROM import_results WHERE job_id = ? ORDER BY seq')
    .bind(id)
    .all<{ item_key: string; outcome: string; reason: string | null; target: string | null }>();
  return { id, job, counts: JSON.parse(job.countsJson) as Record<string, number>, results: results.results };
}

interface PostRow {
  id: string;
  slug: string;
  kind: string;
  status: string;
  title: string;
  body_md: string;
  byline: string | null;
  published_at: number;
  cover_key: string | null;
  cover_media: string | null;
  updated_at: number;
}

const postByKey = (key: string) => env.DB.prepare('SELECT * FROM posts WHERE region_code = ? AND import_key = ?').bind(SWARGA_BARA, key).first<PostRow>();
const redirectOf = async (oldPath: string) =>
  (await env.DB.prepare('SELECT target FROM legacy_redirects WHERE region_code = ? AND old_path = ?').bind(SWARGA_BARA, oldPath).first<{ target: string }>())
    ?.target ?? null;
const countOf = async (sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number }>()
  )?.n ?? 0;

/** What a second import must leave exactly as it was. */
async function snapshot() {
  const [posts, docs, redirects, versions] = await Promise.all([
    env.DB.prepare(
      'SELECT id, slug, status, title, body_md, byline, published_at, cover_key, cover_media, updated_at FROM posts WHERE region_code = ? ORDER BY id',
    )
      .bind(SWARGA_BARA)
      .all(),
    env.DB.prepare('SELECT id, title, status, current_version FROM documents WHERE region_code = ? ORDER BY id').bind(SWARGA_BARA).all(),
    env.DB.prepare('SELECT old_path, target, updated_at FROM legacy_redirects WHERE region_code = ? ORDER BY old_path').bind(SWARGA_BARA).all(),
    env.DB.prepare('SELECT COUNT(*) AS n FROM document_versions').first<{ n: number }>(),
  ]);
  return { posts: posts.results, docs: docs.results, redirects: redirects.results, versions: versions?.n };
}

function expectSafeMarkdown(md: string) {
  for (const bad of ['<script', 'javascript:', 'onclick', 'onerror', '<iframe', 'jahat.test', 'document.cookie']) expect(md).not.toContain(bad);
}

beforeAll(async () => {
  const user = await createTestUser([['diskominfo', '64.08']]);
  actor = { kind: 'user', id: user.id, name: 'Diskominfo Uji', username: user.username, memberships: [{ role: 'diskominfo', regionCode: '64.08' }] };
});

describe('import of a WordPress export (WXR)', () => {
  const site = oldSite({
    'https://swargabara.desa.id/wp-content/uploads/2021/03/foto-jalan.png': { bytes: PNG_1X1, type: 'image/png' },
    'https://swargabara.desa.id/wp-content/uploads/2021/01/apbdes-2021.pdf': { bytes: pdfBytes('APBDes 2021'), type: 'application/pdf' },
  });

  it('imports posts, the profile page, the image and the PDF with their dates, authors and old links; drafts and comments stay out', async () => {
    await setStage(SWARGA_BARA, 'mandiri');
    const { job, counts, results } = await importOnce('wxr', 'swargabara.WordPress.2024-03-04.xml', wordpressWxr, site.fetcher);
    expect(job.status).toBe('selesai');
    expect(results.map((r) => [r.item_key, r.outcome])).toEqual([
      ['wxr:attachment:21', 'dibuat'],
      ['wxr:attachment:30', 'dibuat'],
      ['wxr:page:2', 'dibuat'],
      ['wxr:post:12', 'dibuat'],
      ['wxr:post:15', 'dibuat'],
    ]);
    expect(counts).toMatchObject({ dibuat: 5 });
    const preview = JSON.parse(job.previewJson) as { counts: Record<string, number>; problems: Array<{ message: string }> };
    expect(preview.counts).toMatchObject({ berita: 2, halaman: 1, dokumen: 1 });
    const problems = preview.problems.map((p) => p.message).join('\n');
    expect(problems).toContain('draft');
    expect(problems).toContain('1 komentar pengunjung tidak diimpor');
    expect(problems).toContain('nav_menu_item');
    expect(await countOf("SELECT COUNT(*) AS n FROM posts WHERE title = 'Draf pengumuman'")).toBe(0);

    const post = await postByKey('wxr:post:12');
    expect(post).toMatchObject({ kind: 'berita', slug: 'semenisasi-jalan-rt-05', status: 'terbit', byline: 'Sekretariat Desa' });
    expect(post!.published_at).toBe(Date.UTC(2021, 2, 16, 1, 30));
    expectSafeMarkdown(post!.body_md);
    expect(post!.body_md).toContain('**semenisasi**');
    expect(post!.body_md).toMatch(/!\[Jalan RT 05 setelah disemen\]\(\/media\/public\/impor\/[0-9a-f]{32}\/article\)/);
    expect(post!.body_md).toContain(`](${HOME}/tentang/profil)`); // the old page link, to its new place
    expect(post!.body_md).toContain('](https://kemendagri.go.id/)'); // other sites stay linked
    const docPath = await redirectOf('/wp-content/uploads/2021/01/apbdes-2021.pdf');
    expect(docPath).toMatch(new RegExp(`^${HOME}/dokumen/[0-9A-Z]{26}$`));
    expect(post!.body_md).toContain(`](${docPath})`);
    expect(post!.cover_key).toMatch(/^public\/impor-sampul\/[0-9a-f]{32}$/);
    expect(JSON.parse(post!.cover_media!)).toMatchObject({ base: post!.cover_key, w: 1, h: 1 });

    // The image goes through the image pipeline (original without metadata, derivatives) and is served by /media;
    // the document becomes a document of the village with its file.
    const image = /\/media\/(public\/impor\/[0-9a-f]{32})\/article/.exec(post!.body_md)![1]!;
    for (const key of [`${image}/original.png`, `${image}/article.webp`, `${image}/thumb.jpg`]) expect(await env.FILES.head(key), key).not.toBeNull();
    const served = await get(`/media/${image}/article`, { Accept: 'image/webp' });
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/webp');
    expect(await env.FILES.head(`${post!.cover_key}/article.webp`)).not.toBeNull();
    const doc = await env.DB.prepare('SELECT id, title, status, info_category, year FROM documents WHERE region_code = ? AND import_key = ?')
      .bind(SWARGA_BARA, 'wxr:attachment:30')
      .first<{ id: string; title: string; status: string; info_category: string; year: number }>();
    expect(doc).toMatchObject({ title: 'APBDes Swarga Bara 2021', status: 'terbit', info_category: 'setiap_saat', year: 2021 });

    // A later post links an earlier one by its ?p= address: rewritten to the new page; an unknown old page goes
    // through the region's old-link resolver.
    const later = await postByKey('wxr:post:15');
    expect(later!.body_md).toContain(`](${HOME}/berita/semenisasi-jalan-rt-05)`);
    expect(later!.body_md).toContain(`](${HOME}/situs-lama/2019/01/halaman-yang-tidak-diimpor)`);
    expect(later!.body_md).toContain('Rp 45.000.000');

    // The profile page fills the fixed page "profil".
    const page = await postByKey('wxr:page:2');
    expect(page).toMatchObject({ kind: 'halaman', slug: 'profil', status: 'terbit' });

    // Every old URL has its redirect.
    expect(await redirectOf('/2021/03/semenisasi-jalan-rt-05')).toBe(`${HOME}/berita/semenisasi-jalan-rt-05`);
    expect(await redirectOf('/?p=12')).toBe(`${HOME}/berita/semenisasi-jalan-rt-05`);
    expect(await redirectOf('/?page_id=2')).toBe(`${HOME}/tentang/profil`);
    expect(await redirectOf('/profil-desa')).toBe(`${HOME}/tentang/profil`);
    expect(await redirectOf('/wp-content/uploads/2021/03/foto-jalan.png')).toMatch(/^\/media\/public\/impor\/[0-9a-f]{32}\/article$/);
    expect(await redirectOf('/?attachment_id=21')).toMatch(/^\/media\/public\/impor\//);

    // Comments' names, e-mails and IP addresses are nowhere in the portal.
    for (const table of ['posts', 'import_results', 'import_jobs', 'audit_log']) {
      const rows = JSON.stringify((await env.DB.prepare(`SELECT * FROM ${table}`).all()).results);
      for (const secret of ['warga@contoh.test', '10.1.2.3', 'admin@swargabara.desa.id']) expect(rows).not.toContain(secret);
    }
  });

  it('a second run of the same export changes nothing and fetches nothing', async () => {
    const before = await snapshot();
    const fetchedBefore = site.calls.length;
    const { job, results } = await importOnce('wxr', 'swargabara.WordPress.2024-03-04.xml', wordpressWxr, site.fetcher);
    expect(job.status).toBe('selesai');
    expect(results.every((r) => r.outcome === 'tetap')).toBe(true);
    expect(results).toHaveLength(5);
    expect(site.calls.length).toBe(fetchedBefore);
    expect(await snapshot()).toEqual(before);
  });

  it('a changed source updates the post in place; a post edited on the portal since is not overwritten', async () => {
    const changed = wordpressWxr
      .replace('sepanjang 300 meter', 'sepanjang 350 meter')
      .replace('<p>Desa Swarga Bara berada di Kecamatan Sangatta Utara.</p>', '<p>Desa Swarga Bara berada di tepi Sungai Sangatta.</p>');
    const edited = await postByKey('wxr:page:2');
    await env.DB.prepare("UPDATE posts SET body_md = 'Diubah operator.', updated_at = ? WHERE id = ?")
      .bind(Date.now() + 1000, edited!.id)
      .run();
    const postsBefore = await countOf('SELECT COUNT(*) AS n FROM posts WHERE region_code = ?', SWARGA_BARA);
    const { results } = await importOnce('wxr', 'ekspor-baru.xml', changed, site.fetcher);
    const outcome = Object.fromEntries(results.map((r) => [r.item_key, r]));
    expect(outcome['wxr:post:12']!.outcome).toBe('diperbarui');
    expect(outcome['wxr:post:15']!.outcome).toBe('tetap');
    expect(outcome['wxr:page:2']!.outcome).toBe('dilewati');
    expect(outcome['wxr:page:2']!.reason).toContain('sudah diubah di portal');
    expect((await postByKey('wxr:post:12'))!.body_md).toContain('350 meter');
    expect((await postByKey('wxr:page:2'))!.body_md).toBe('Diubah operator.');
    expect(await countOf('SELECT COUNT(*) AS n FROM posts WHERE region_code = ?', SWARGA_BARA)).toBe(postsBefore);
  });
});

describe('import of an RSS feed (Blogspot)', () => {
  const site = oldSite({
    'https://blogger.googleusercontent.com/img/b/R29v/s320/lomba.png': { bytes: PNG_1X1, type: 'image/png' },
    'https://blogger.googleusercontent.com/img/b/R29v/s72-c/lomba.png': { bytes: PNG_1X1, type: 'image/png' },
  });

  it('imports the posts for review in a pendampingan region, keeps dates and author names, and records the .html links', async () => {
    await setStage(SWARGA_BARA, 'pendampingan');
    const { job, results } = await importOnce('rss', 'feed.xml', blogspotRss, site.fetcher);
    expect(job.status).toBe('selesai');
    expect(results.map((r) => r.outcome)).toEqual(['dibuat', 'dibuat']);
    const problems = (JSON.parse(job.previewJson) as { problems: Array<{ item?: string; message: string }> }).problems;
    expect(problems).toEqual([{ item: 'Tanpa tanggal', message: 'Tanggal terbit tidak terbaca; tidak diimpor.' }]);

    const lomba = await postByKey('rss:tag:blogger.com,1999:blog-7700123.post-101');
    expect(lomba).toMatchObject({ slug: 'lomba-tujuh-belasan', status: 'menunggu_tinjauan', byline: 'Admin Desa', kind: 'berita' });
    expect(lomba!.published_at).toBe(Date.UTC(2022, 7, 13, 1, 15));
    expectSafeMarkdown(lomba!.body_md);
    expect(lomba!.body_md).toContain('**lomba**');
    expect(lomba!.body_md).toMatch(/\(\/media\/public\/impor\/[0-9a-f]{32}\/article\)/);
    expect(lomba!.body_md).toContain(`](${HOME}/berita/kerja-bakti)`); // the older post, imported first
    expect(lomba!.cover_key).toMatch(/^public\/impor-sampul\//);
    expect(lomba!.cover_media).not.toBeNull();
    expect(await redirectOf('/2022/08/lomba-tujuh-belasan.html')).toBe(`${HOME}/berita/lomba-tujuh-belasan`);
    expect(await redirectOf('/2022/07/kerja-bakti.html')).toBe(`${HOME}/berita/kerja-bakti`);
    // Awaiting review: not public yet.
    expect(await countOf("SELECT COUNT(*) AS n FROM posts WHERE region_code = ? AND import_key LIKE 'rss:%' AND status = 'terbit'", SWARGA_BARA)).toBe(0);
  });

  it('a second run changes nothing', async () => {
    const before = await snapshot();
    const fetched = site.calls.length;
    const { results } = await importOnce('rss', 'feed.xml', blogspotRss, site.fetcher);
    expect(results.map((r) => r.outcome)).toEqual(['tetap', 'tetap']);
    expect(site.calls.length).toBe(fetched);
    expect(await snapshot()).toEqual(before);
  });
});

describe('import of an OpenSID database dump', () => {
  const SITE = 'https://swargabara.desa.id';
  const site = oldSite({
    [`${SITE}/desa/upload/artikel/sedang_posyandu.png`]: { bytes: PNG_1X1, type: 'image/png' },
    [`${SITE}/desa/upload/dokumen/laporan-posyandu.pdf`]: { bytes: pdfBytes('Laporan Posyandu'), type: 'application/pdf' },
    [`${SITE}/desa/upload/dokumen/perdes-apbdes-2023.pdf`]: { bytes: pdfBytes('Perdes APBDes 2023'), type: 'application/pdf' },
    [`${SITE}/desa/upload/dokumen/kk-warga-contoh.pdf`]: { bytes: pdfBytes('KK'), type: 'application/pdf' },
    [`${SITE}/desa/upload/dokumen/rahasia.pdf`]: { bytes: pdfBytes('Rahasia'), type: 'application/pdf' },
  });

  it('imports articles and public documents only: population tables, citizens’ documents and excluded information are refused', async () => {
    await setStage(SWARGA_BARA, 'mandiri');
    const { job, results } = await importOnce('opensid', 'backup_opensid.sql', opensidDump, site.fetcher, SITE);
    expect(job.status).toBe('selesai');
    expect(results.map((r) => [r.item_key, r.outcome])).toEqual([
      ['opensid:dokumen:3', 'dibuat'],
      ['opensid:artikel-dokumen:5', 'dibuat'],
      ['opensid:artikel:7', 'dibuat'],
      ['opensid:artikel:5', 'dibuat'],
      ['opensid:artikel:6', 'dibuat'],
    ]);
    const problems = (JSON.parse(job.previewJson) as { problems: Array<{ item?: string; message: string }> }).problems;
    const text = problems.map((p) => `${p.item ?? ''}: ${p.message}`).join('\n');
    expect(text).toContain('tweb_penduduk: Tabel kependudukan “tweb_penduduk” (3 baris) ditolak');
    expect(text).toContain('tweb_keluarga: Tabel kependudukan “tweb_keluarga” (2 baris) ditolak');
    expect(text).toContain('dokumen 4: Dokumen milik warga');
    expect(text).toContain('Dokumen dikecualikan: Informasi dikecualikan');
    expect(text).toContain('Artikel Dinonaktifkan: Tidak aktif');
    // Neither the residents' data nor the citizen's or excluded files were fetched or stored anywhere.
    expect(site.calls.some((u) => /kk-warga|rahasia/.test(u))).toBe(false);
    for (const table of ['posts', 'documents', 'import_results', 'import_jobs', 'import_links', 'legacy_redirects', 'audit_log']) {
      const rows = JSON.stringify((await env.DB.prepare(`SELECT * FROM ${table}`).all()).results);
      for (const secret of ['6408040101900001', '6408040000000001', 'WARGA CONTOH', '081200000001', 'CONTOHHASH', 'admin@swargabara.desa.id']) {
        expect(rows).not.toContain(secret);
      }
    }
    const listed = await env.FILES.list({ prefix: 'imports/' });
    expect(listed.objects).toHaveLength(0); // the items file is deleted when the import finishes

    const posyandu = await postByKey('opensid:artikel:5');
    expect(posyandu).toMatchObject({ slug: 'posyandu-melati-bulan-mei', status: 'terbit', byline: 'Operator Desa' });
    expect(posyandu!.published_at).toBe(Date.UTC(2023, 4, 12, 1, 0)); // 09:00 WITA
    expectSafeMarkdown(posyandu!.body_md);
    expect(posyandu!.body_md).toContain('"Terima kasih" & sampai jumpa');
    // Its link to a later article is not known yet at import time: it goes through the old-link resolver.
    expect(posyandu!.body_md).toContain(`](${HOME}/situs-lama/artikel/2023/05/12/jadwal-posyandu)`);
    expect(posyandu!.cover_key).toMatch(/^public\/impor-sampul\//);
    expect(posyandu!.cover_media).not.toBeNull();
    const attachment = await redirectOf('/unduh_dokumen_artikel/5');
    expect(attachment).toMatch(new RegExp(`^${HOME}/dokumen/[0-9A-Z]{26}$`));
    expect(posyandu!.body_md).toContain(`[Laporan Posyandu Mei](${attachment})`);

    expect(await postByKey('opensid:artikel:7')).toMatchObject({ kind: 'halaman', slug: 'visi-misi' });
    expect(await redirectOf('/artikel/2023/05/12/posyandu-melati-bulan-mei')).toBe(`${HOME}/berita/posyandu-melati-bulan-mei`);
    expect(await redirectOf('/artikel/5')).toBe(`${HOME}/berita/posyandu-melati-bulan-mei`);
    expect(await redirectOf('/artikel/2023/05/12/jadwal-posyandu')).toBe(`${HOME}/berita/jadwal-posyandu`);
    const perdes = await env.DB.prepare('SELECT id, title, category, info_category, year FROM documents WHERE import_key = ?')
      .bind('opensid:dokumen:3')
      .first<{ id: string; title: string; category: string; info_category: string; year: number }>();
    expect(perdes).toMatchObject({ title: 'Perdes APBDes 2023', category: 'perdes_perkades', info_category: 'berkala', year: 2023 });
    expect(await redirectOf('/dokumen_web/unduh_berkas/3')).toBe(`${HOME}/dokumen/${perdes!.id}`);
    expect(await redirectOf('/desa/upload/dokumen/perdes-apbdes-2023.pdf')).toBe(`${HOME}/dokumen/${perdes!.id}`);
  });

  it('a second run changes nothing', async () => {
    const before = await snapshot();
    const fetched = site.calls.length;
    const { results } = await importOnce('opensid', 'backup_opensid.sql', opensidDump, site.fetcher, SITE);
    expect(results.map((r) => r.outcome)).toEqual(['tetap', 'tetap', 'tetap', 'tetap', 'tetap']);
    expect(site.calls.length).toBe(fetched);
    expect(await snapshot()).toEqual(before);
  });

  it('a dump with only population tables is refused before anything is stored', async () => {
    const populationOnly = opensidDump.slice(0, opensidDump.indexOf('-- Table structure for table `kategori`'));
    const jobsBefore = await countOf('SELECT COUNT(*) AS n FROM import_jobs');
    await expect(
      createImport(
        { db: db(), env },
        {
          regionCode: SWARGA_BARA,
          format: 'opensid',
          siteUrl: SITE,
          publishDirectly: false,
          sources: [{ name: 'penduduk.sql', chunks: chunksOf(populationOnly) }],
        },
        ctx(),
      ),
    ).rejects.toThrow(/Tidak ada yang dapat diimpor/);
    expect(await countOf('SELECT COUNT(*) AS n FROM import_jobs')).toBe(jobsBefore);
  });
});
