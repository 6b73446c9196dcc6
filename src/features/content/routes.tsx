import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { wantsSaveData } from '../../lib/htmx';
import { renderMarkdown } from '../../lib/markdown';
import { formatDate, formatDateTime } from '../../lib/time';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionPage } from '../../middleware/region-pages';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { renderPage } from '../../views/render';
import { regionCrumbs } from '../../views/region-crumbs';
import { hasNextPage } from '../../db/bounded-count';
import { countPublishedPosts, findPublishedPost, listPublishedPosts } from './repo';
import { PostSlugParam, PublicPostListQuery } from './schemas';
import { imgAttrs, mediaJpegPath } from '../../media/manifest';
import { coverOf, KIND_LABELS, PostList } from './views';
import { originOf } from '../../lib/origin';
import { registerFeedRoutes } from './feed-routes';
import { loadNearbyPosts, NearbyPosts } from './nearby-posts';

const PAGE_SIZE = 10;

export function contentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/berita', async (c) => {
    const ctx = c.get('region');
    const q = parseOrThrow(PublicPostListQuery, queryObject(new URL(c.req.url)));
    const kinds = q.jenis === 'semua' ? (['berita', 'pengumuman', 'agenda'] as const) : ([q.jenis] as const);
    const now = Date.now();
    const filter = { regionCode: ctx.region.code, now, kinds: [...kinds], titleContains: q.q };
    const [items, total] = await Promise.all([
      listPublishedPosts(c.get('db'), { ...filter, limit: PAGE_SIZE, offset: (q.halaman - 1) * PAGE_SIZE }),
      countPublishedPosts(c.get('db'), filter, { offset: (q.halaman - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
    ]);
    // No dead ends: an unfiltered first page with nothing of the region's own shows the ancestors' latest instead.
    const nearby = items.length === 0 && !q.q && q.halaman === 1 ? await loadNearbyPosts(c.get('db'), ctx, { now, kinds: [...kinds], limit: 5 }) : [];
    const base = regionHref(ctx.region.path, 'berita');
    const what = q.jenis === 'semua' ? 'berita atau pengumuman' : KIND_LABELS[q.jenis].toLowerCase();
    const link = (page: number) =>
      `${base}?${new URLSearchParams({ ...(q.jenis !== 'semua' ? { jenis: q.jenis } : {}), ...(q.q ? { q: q.q } : {}), halaman: String(page) })}`;
    const title = `Berita dan pengumuman ${regionTitle(ctx.region)}`;
    return renderPage(
      c,
      {
        title,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'berita' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Berita' }),
        meta: <link rel="alternate" type="application/rss+xml" href={`${base}.xml`} title={title} />,
      },
      <>
        <h1>{title}</h1>
        <form class="filters" method="get" action={base}>
          <label for="jenis">Jenis</label>
          <select id="jenis" name="jenis">
            {(['semua', 'berita', 'pengumuman', 'agenda'] as const).map((k) => (
              <option value={k} selected={q.jenis === k}>
                {k === 'semua' ? 'Semua' : KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <label for="cari-berita">Judul memuat</label>
          <input id="cari-berita" name="q" type="search" value={q.q} maxlength={100} />
          <button type="submit">Tampilkan</button>
        </form>
        {items.length === 0 && nearby.length > 0 ? (
          <NearbyPosts
            regionName={regionTitle(ctx.region)}
            what={what}
            groups={nearby}
            saveData={wantsSaveData(c)}
            query={q.jenis !== 'semua' ? `?jenis=${q.jenis}` : ''}
            groupTag="h2"
          />
        ) : items.length === 0 ? (
          <EmptyState>
            {q.q ? <p>Tidak ada tulisan yang judulnya memuat “{q.q}” di wilayah ini.</p> : <p>Belum ada {what} yang diterbitkan di wilayah ini.</p>}
          </EmptyState>
        ) : (
          <PostList items={items} saveData={wantsSaveData(c)} showRegion={ctx.children.length > 0} />
        )}
        <Pagination prev={q.halaman > 1 ? link(q.halaman - 1) : undefined} next={hasNextPage(total, q.halaman, PAGE_SIZE) ? link(q.halaman + 1) : undefined} />
      </>,
    );
  });

  regionPage(app, '/berita/:slug', async (c) => {
    const ctx = c.get('region');
    const slug = PostSlugParam.safeParse(c.req.param('slug'));
    if (!slug.success) throw notFound('Berita tidak ditemukan.');
    const post = await findPublishedPost(c.get('db'), ctx.region.code, slug.data, Date.now());
    if (!post) throw notFound('Berita tidak ditemukan atau belum diterbitkan.');
    const url = `${originOf(c)}${regionHref(ctx.region.path, 'berita', post.slug)}`;
    const saveData = wantsSaveData(c);
    const cover = coverOf(post);
    return renderPage(
      c,
      {
        title: post.title,
        description: post.summary,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'berita' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Berita', href: regionHref(ctx.region.path, 'berita') }, { label: post.title }),
        meta: (
          <>
            <meta property="og:type" content="article" />
            <meta property="og:title" content={post.title} />
            <meta property="og:description" content={post.summary} />
            <meta property="og:url" content={url} />
            {cover ? <meta property="og:image" content={`${originOf(c)}${mediaJpegPath(cover, 'article')}`} /> : null}
            <link rel="canonical" href={url} />
          </>
        ),
      },
      <article class="article">
        <h1>{post.title}</h1>
        <p class="meta">
          {post.kind !== 'berita' ? <StatusTag tone="blue">{KIND_LABELS[post.kind]}</StatusTag> : null}
          {post.isDemo ? <StatusTag tone="yellow">Contoh konten demo</StatusTag> : null}{' '}
          {post.publishedAt ? <time datetime={new Date(post.publishedAt).toISOString()}>{formatDate(post.publishedAt)}</time> : null}
          {post.byline ? <> · Oleh {post.byline}</> : null}
        </p>
        {post.kind === 'agenda' && post.eventStartsAt ? (
          <p class="callout">
            <strong>Waktu:</strong> {formatDateTime(post.eventStartsAt)}
            {post.eventPlace ? (
              <>
                <br />
                <strong>Tempat:</strong> {post.eventPlace}
              </>
            ) : null}
          </p>
        ) : null}
        {cover && !saveData ? <img class="article-cover" {...imgAttrs(cover, 'article')} alt={post.coverAlt ?? ''} /> : null}
        <div class="prose">{raw(renderMarkdown(post.bodyMd, { siteOrigin: originOf(c) }))}</div>
        <p class="share">
          Bagikan:{' '}
          <a href={`https://wa.me/?text=${encodeURIComponent(`${post.title} ${url}`)}`} rel="noopener noreferrer" target="_blank">
            WhatsApp
          </a>{' '}
          ·{' '}
          <a href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`} rel="noopener noreferrer" target="_blank">
            Facebook
          </a>
        </p>
      </article>,
    );
  });

  registerFeedRoutes(app);
  return app;
}
