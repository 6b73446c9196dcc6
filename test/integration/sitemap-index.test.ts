// The sitemap past one file (sitemaps.org): with a small number of URLs per file injected (SITEMAP_URLS_PER_FILE),
// /sitemap.xml becomes a <sitemapindex> of numbered child sitemaps; together the children list every public URL exactly
// once (keyset pages, no gap and no repeat), none holds more than the limit, unknown or out-of-range children answer
// 404, and everything is cached in KV and refreshed by a purge like the single-file sitemap.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN } from '../helpers/http';
import { xmlProblem } from '../helpers/content';
import { insertPost } from '../helpers/seed';
import { fetchWithBindings } from '../helpers/worker';

const PER_FILE = 4;
const small = (path: string) => fetchWithBindings(`${ORIGIN}${path}`, { SITEMAP_URLS_PER_FILE: String(PER_FILE) }, { redirect: 'manual' });
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);

async function publishedPostIds(): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT id FROM posts WHERE status = 'terbit' AND published_at <= ?").bind(Date.now()).all<{ id: string }>();
  return rows.results.map((r) => r.id);
}

describe('sitemap index past the URLs one file may hold', () => {
  it('stays a single <urlset> while every URL fits in one file', async () => {
    // First, before the small-file runs below fill the cache (the cache key does not carry the file size).
    const xml = await (await fetchWithBindings(`${ORIGIN}/sitemap.xml`, {}, { redirect: 'manual' })).text();
    expect(xml).toContain('<urlset');
    expect(xml).not.toContain('<sitemapindex');
  });

  it('indexes numbered children that list every public URL once, each within the limit', { timeout: 60_000 }, async () => {
    const posts = [];
    for (let i = 0; i < 10; i++) posts.push(await insertPost({ regionCode: '64.08.04.2012', title: `Berita peta situs ${i}`, purge: i === 9 }));
    const draft = await insertPost({ regionCode: '64.08.04.2012', title: 'Draf peta situs', status: 'draft' });
    const later = await insertPost({ regionCode: '64.08.04.2012', title: 'Terjadwal', publishedAt: Date.now() + 86_400_000 });

    const res = await small('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    const index = await res.text();
    expect(xmlProblem(index)).toBeNull();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).not.toContain('<urlset');
    const children = locs(index);
    const berita = children.filter((u) => /\/sitemap-berita-\d+\.xml$/.test(u));
    const published = await publishedPostIds();
    expect(published.length).toBeGreaterThanOrEqual(10);
    expect(berita).toEqual(Array.from({ length: Math.ceil(published.length / PER_FILE) }, (_, i) => `${ORIGIN}/sitemap-berita-${i + 1}.xml`));
    // No documents or tenders are public here: no empty child files for them.
    expect(children.some((u) => /sitemap-(dokumen|lelang)-/.test(u))).toBe(false);
    const regionCount = ((await env.DB.prepare('SELECT count(*) AS n FROM regions').first<{ n: number }>())?.n ?? 0) as number;
    expect(children.filter((u) => u.includes('/sitemap-wilayah-')).length).toBe(Math.ceil((regionCount * 4) / PER_FILE));

    const listed: string[] = [];
    for (const child of berita) {
      const page = await small(new URL(child).pathname);
      expect(page.status).toBe(200);
      const xml = await page.text();
      expect(xmlProblem(xml)).toBeNull();
      expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
      const urls = locs(xml);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(PER_FILE);
      listed.push(...urls);
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(published.length);
    for (const p of posts) expect(listed).toContain(`${ORIGIN}/sangatta-utara/swarga-bara/berita/${p.slug}`);
    expect(listed.join('\n')).not.toContain(draft.slug);
    expect(listed.join('\n')).not.toContain(later.slug);

    const first = await (await small('/sitemap-wilayah-1.xml')).text();
    expect(locs(first)).toEqual([`${ORIGIN}/`, ...locs(first).slice(1)]);
    expect(locs(first).length).toBe(PER_FILE);

    for (const missing of [`/sitemap-berita-${berita.length + 1}.xml`, '/sitemap-berita-0.xml', '/sitemap-lain-1.xml', '/sitemap-dokumen-1.xml']) {
      expect((await small(missing)).status, missing).toBe(404);
    }
  });

  it('caches the index and its children, and a purge refreshes both', { timeout: 60_000 }, async () => {
    await small('/sitemap.xml');
    expect((await small('/sitemap.xml')).headers.get('X-Cache')).toBe('HIT');
    await small('/sitemap-berita-1.xml');
    expect((await small('/sitemap-berita-1.xml')).headers.get('X-Cache')).toBe('HIT');

    const before = (await publishedPostIds()).length;
    const post = await insertPost({ regionCode: '64.08.05.2001', title: 'Berita baru peta situs' }); // purges the regency prefix
    const index = await small('/sitemap.xml');
    expect(index.headers.get('X-Cache')).toBe('MISS');
    const berita = locs(await index.text()).filter((u) => u.includes('/sitemap-berita-'));
    expect(berita.length).toBe(Math.ceil((before + 1) / PER_FILE));
    const all: string[] = [];
    for (const child of berita) {
      const page = await small(new URL(child).pathname);
      expect(page.headers.get('X-Cache')).toBe('MISS');
      all.push(...locs(await page.text()));
    }
    expect(all.filter((u) => u.endsWith(`/berita/${post.slug}`))).toHaveLength(1);
  });
});
