import { env } from 'cloudflare:test';
import { purgeRegionPages } from '../../src/cache/purge';
import { createDb } from '../../src/db/client';

let counter = 0;

/** Inserts a post directly and purges its pages (tests of rollups and caching; the content feature has its own service tests). */
export async function insertPost(p: {
  regionCode: string;
  title: string;
  kind?: 'berita' | 'pengumuman' | 'agenda';
  status?: string;
  publishedAt?: number;
  /** Base key of a processed cover (public/posts/{id}); a manifest with the usual sizes is stored beside it. */
  coverKey?: string | null;
  summary?: string;
  body?: string;
  /** Purge the cached pages like a real publish does (default true). */
  purge?: boolean;
}): Promise<{ id: string; slug: string }> {
  counter += 1;
  const id = `t-${Date.now().toString(36)}-${counter}`;
  const slug = `uji-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const now = Date.now();
  await env.DB.prepare(
    `INSERT INTO posts (id, region_code, kind, slug, title, summary, body_md, status, published_at, cover_key, cover_media, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      p.regionCode,
      p.kind ?? 'berita',
      slug,
      p.title,
      p.summary ?? '',
      p.body ?? '',
      p.status ?? 'terbit',
      p.publishedAt ?? now - 1000,
      p.coverKey ?? null,
      p.coverKey
        ? JSON.stringify({
            v: 1,
            base: p.coverKey,
            w: 1600,
            h: 1200,
            original: { ext: 'jpg', bytes: 1 },
            sizes: { thumb: { w: 240, h: 180, webp: 1, jpeg: 1 }, article: { w: 800, h: 600, webp: 1, jpeg: 1 } },
          })
        : null,
      now,
      now,
    )
    .run();
  if (p.purge !== false) await purgeRegionPages({ db: createDb(env.DB), env }, p.regionCode);
  return { id, slug };
}
