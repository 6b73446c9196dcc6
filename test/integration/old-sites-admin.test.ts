import { createScheduledController, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/features';
import { continueImportsJob } from '../../src/features/old-sites/job';
import wordpressWxr from '../fixtures/old-sites/wordpress-wxr.xml?raw';
import { type Browser, loginAs } from '../helpers/auth';
import { fileOf, multipart, setStage } from '../helpers/content';

// Diskominfo's import page (issue 18): upload, preview with counts and problems, import in bounded chunks with
// progress (htmx asks for the next chunk), resumption by the hourly job after an interruption, and the report.
const SWARGA_BARA = '64.08.04.2012';
const POSTS = 25;

/** A feed of a small news site: POSTS posts without pictures (nothing to fetch) and one without a date. */
function feed(): string {
  const items = Array.from({ length: POSTS }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `<item><title>Kabar Desa Nomor ${i + 1}</title><link>https://kabar-swargabara.example.id/2020/01/kabar-${i + 1}.html</link>
<guid isPermaLink="false">kabar-${i + 1}</guid><pubDate>${new Date(Date.UTC(2020, 0, Number(day), i % 24)).toUTCString()}</pubDate>
<description>&lt;p&gt;Isi kabar nomor ${i + 1}.&lt;/p&gt;</description><dc:creator>Redaksi Desa</dc:creator></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Kabar Swarga Bara</title><link>https://kabar-swargabara.example.id/</link>${items.join('\n')}
<item><title>Tanpa tanggal</title><link>https://kabar-swargabara.example.id/x.html</link></item></channel></rss>`;
}

const upload = (b: Browser, fields: Record<string, string>, file?: File) =>
  b.postMultipart('/admin/impor', multipart({ region_code: SWARGA_BARA, format: 'rss', site_url: '', ...fields }, file ? { file } : {}));
const jobRow = (id: string) =>
  env.DB.prepare('SELECT status, cursor, total, lease_until FROM import_jobs WHERE id = ?')
    .bind(id)
    .first<{ status: string; cursor: number; total: number; lease_until: number | null }>();

let dk: Browser;
let jobId = '';

beforeAll(async () => {
  await setStage(SWARGA_BARA, 'mandiri');
  dk = await loginAs([['diskominfo', '64.08']]);
}, 60_000);

describe('the import page', () => {
  it('refuses a missing file and an export of another format with a message, storing nothing', async () => {
    const none = await upload(dk, {});
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Pilih berkas ekspor');
    const wrong = await upload(dk, {}, fileOf(new TextEncoder().encode(wordpressWxr), 'ekspor.xml', 'text/xml'));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('pilih format “WordPress (WXR)”');
    const garbage = await upload(dk, { format: 'wxr' }, fileOf(new TextEncoder().encode('<html><body>bukan ekspor'), 'x.xml', 'text/xml'));
    expect(garbage.status).toBe(422);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM import_jobs').first<{ n: number }>())?.n).toBe(0);
  });

  it('uploads a feed and shows the preview: counts, problems and a sample, nothing imported yet', async () => {
    const res = await upload(dk, {}, fileOf(new TextEncoder().encode(feed()), 'feed.xml', 'application/rss+xml'));
    expect(res.status).toBe(303);
    jobId = /^\/admin\/impor\/([0-9A-Z]{26})$/.exec(res.headers.get('Location') ?? '')?.[1] ?? '';
    expect(jobId).not.toBe('');
    const html = await (await dk.get(`/admin/impor/${jobId}`)).text();
    expect(html).toContain(`Berita: ${POSTS}`);
    expect(html).toContain('Tanpa tanggal: </strong>Tanggal terbit tidak terbaca; tidak diimpor.');
    expect(html).toContain(`Mulai impor ${POSTS} item`);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM posts WHERE import_key LIKE 'rss:kabar-%'").first<{ n: number }>())?.n).toBe(0);
    expect(await jobRow(jobId)).toMatchObject({ status: 'pratinjau', cursor: 0, total: POSTS });
  });

  it('imports in bounded chunks: the start runs one chunk, htmx asks for the next and gets the progress fragment', async () => {
    expect((await dk.post(`/admin/impor/${jobId}/mulai`, {})).status).toBe(303);
    expect(await jobRow(jobId)).toMatchObject({ status: 'berjalan', cursor: 10, lease_until: null });
    const page = await (await dk.get(`/admin/impor/${jobId}`)).text();
    expect(page).toContain(`10 dari ${POSTS} item (40%)`);
    expect(page).toContain(`hx-post="/admin/impor/${jobId}/lanjut"`);
    const next = await dk.post(`/admin/impor/${jobId}/lanjut`, {}, { headers: { 'HX-Request': 'true' } });
    expect(next.status).toBe(200);
    const fragment = await next.text();
    expect(fragment).toContain(`20 dari ${POSTS} item (80%)`);
    expect(fragment).not.toContain('<html');
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM posts WHERE import_key LIKE 'rss:kabar-%'").first<{ n: number }>())?.n).toBe(20);
  });

  it('a chunk still holding its lease is not run twice; after an interruption the hourly job finishes the import', async () => {
    // A chunk that was cut off (closed tab, timeout) leaves its lease: a second request meanwhile does nothing.
    await env.DB.prepare('UPDATE import_jobs SET lease_until = ? WHERE id = ?')
      .bind(Date.now() + 60_000, jobId)
      .run();
    const held = await dk.post(`/admin/impor/${jobId}/lanjut`, {}, { headers: { 'HX-Request': 'true' } });
    expect(await held.text()).toContain(`20 dari ${POSTS} item`);
    expect(await jobRow(jobId)).toMatchObject({ cursor: 20 });
    // The lease runs out; nobody returns to the page; the hourly job continues as the officer who started it.
    await env.DB.prepare('UPDATE import_jobs SET lease_until = ? WHERE id = ?')
      .bind(Date.now() - 1, jobId)
      .run();
    const report = await continueImportsJob.run(createScheduledController({ cron: '5 * * * *', scheduledTime: Date.now() }), env, FEATURES);
    expect(report).toBeUndefined();
    expect(await jobRow(jobId)).toMatchObject({ status: 'selesai', cursor: POSTS, lease_until: null });
    const posts = await env.DB.prepare("SELECT status, byline, author_id FROM posts WHERE import_key LIKE 'rss:kabar-%'").all<{
      status: string;
      byline: string;
      author_id: string;
    }>();
    expect(posts.results).toHaveLength(POSTS); // none twice
    expect(posts.results.every((p) => p.status === 'terbit' && p.byline === 'Redaksi Desa' && p.author_id === dk.userId)).toBe(true);
    const audit = await env.DB.prepare("SELECT actor_id, summary FROM audit_log WHERE action = 'import.finish' AND entity_id = ?")
      .bind(jobId)
      .first<{ actor_id: string; summary: string }>();
    expect(audit?.actor_id).toBe(dk.userId);
    expect(audit?.summary).toContain(`${POSTS} baru`);
  });

  it('shows the finished import with its report, and lists it', async () => {
    const html = await (await dk.get(`/admin/impor/${jobId}`)).text();
    expect(html).toContain('Selesai');
    expect(html).toContain('Laporan: yang dilewati, gagal, baru dan diperbarui');
    expect(html).toContain('href="/sangatta-utara/swarga-bara/berita/kabar-25"');
    expect(html).not.toContain('Lanjutkan impor');
    const list = await (await dk.get('/admin/impor')).text();
    expect(list).toContain(`/admin/impor/${jobId}`);
    // A finished import cannot be cancelled or started again.
    expect((await dk.post(`/admin/impor/${jobId}/batal`, {})).status).toBe(409);
    expect((await dk.post(`/admin/impor/${jobId}/mulai`, {})).status).toBe(409);
  });

  it('a village operator sees none of it; an unknown or malformed id is a 404', async () => {
    const op = await loginAs([['operator_desa', SWARGA_BARA]]);
    expect((await op.get('/admin/impor')).status).toBe(404);
    expect((await op.get(`/admin/impor/${jobId}`)).status).toBe(404);
    expect((await op.post(`/admin/impor/${jobId}/lanjut`, {})).status).toBe(404);
    expect((await dk.get('/admin/impor/00000000000000000000000000')).status).toBe(404);
    expect((await dk.get('/admin/impor/bukan-id')).status).toBe(404);
  }, 60_000);
});
