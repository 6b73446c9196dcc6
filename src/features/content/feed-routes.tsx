import type { Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { renderMarkdown } from '../../lib/markdown';
import { originOf } from '../../lib/origin';
import { formatDate } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionPage } from '../../middleware/region-pages';
import { EmptyState } from '../../views/components';
import { renderPage } from '../../views/render';
import { regionCrumbs } from '../../views/region-crumbs';
import { buildRss } from '../../lib/feed';
import { findPublishedPage, listPublishedPages, listPublishedPosts } from './repo';
import { FIXED_PAGES, FIXED_PAGE_SLUGS, fixedPageLabel } from '../../regions/fixed-pages';
import { mediaJpegPath } from '../../media/manifest';
import { coverOf, KIND_LABELS, postHref } from './views';

const FEED_SIZE = 20;

/**
 * Public feeds and the region's fixed pages:
 * - `{prefix}/berita.xml`: RSS 2.0 of the latest 20 news/announcements/agenda rolled up from the region's subtree;
 * - `{prefix}/tentang` and `{prefix}/tentang/{slug}`: profil, visi-misi, struktur organisasi, kontak, maklumat.
 * All are KV-cached.
 */
export function registerFeedRoutes(app: Hono<AppEnv>): void {
  regionPage(app, '/berita.xml', async (c) => {
    const ctx = c.get('region');
    const origin = originOf(c);
    const items = await listPublishedPosts(c.get('db'), {
      regionCode: ctx.region.code,
      now: Date.now(),
      kinds: ['berita', 'pengumuman', 'agenda'],
      limit: FEED_SIZE,
    });
    const xml = buildRss({
      title: `Berita ${regionTitle(ctx.region)}`,
      link: `${origin}${regionHref(ctx.region.path, 'berita')}`,
      self: `${origin}${regionHref(ctx.region.path, 'berita.xml')}`,
      description: `Berita, pengumuman dan agenda terbaru dari ${regionTitle(ctx.region)} dan wilayah di bawahnya.`,
      items: items.map((p) => ({
        title: p.title,
        url: `${origin}${postHref(p)}`,
        summary: p.summary,
        publishedAt: p.publishedAt ?? p.updatedAt,
        category: KIND_LABELS[p.kind],
        imageUrl: coverOf(p) ? `${origin}${mediaJpegPath(coverOf(p)!, 'article')}` : null,
      })),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
  });

  regionPage(app, '/tentang', async (c) => {
    const ctx = c.get('region');
    const pages = await listPublishedPages(c.get('db'), ctx.region.code, Date.now());
    const ordered = FIXED_PAGES.map((fp) => pages.find((p) => p.slug === fp.slug)).filter((p) => p !== undefined);
    const title = `Tentang ${regionTitle(ctx.region)}`;
    return renderPage(
      c,
      { title, nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region) }, breadcrumbs: regionCrumbs(ctx, { label: 'Tentang' }) },
      <>
        <h1>{title}</h1>
        {ordered.length === 0 ? (
          <EmptyState>
            <p>Profil, visi dan misi, struktur organisasi, kontak dan maklumat pelayanan {regionTitle(ctx.region)} belum diterbitkan.</p>
          </EmptyState>
        ) : (
          <ul class="page-links">
            {ordered.map((p) => (
              <li>
                <a href={regionHref(ctx.region.path, 'tentang', p.slug)}>{fixedPageLabel(p.slug)}</a>
                {p.summary ? <p class="hint">{p.summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </>,
    );
  });

  regionPage(app, '/tentang/:slug', async (c) => {
    const ctx = c.get('region');
    const slug = c.req.param('slug') ?? '';
    if (!(FIXED_PAGE_SLUGS as readonly string[]).includes(slug)) throw notFound('Halaman tidak ditemukan.');
    const page = await findPublishedPage(c.get('db'), ctx.region.code, slug, Date.now());
    if (!page) throw notFound(`${fixedPageLabel(slug)} ${regionTitle(ctx.region)} belum diterbitkan.`);
    const url = `${originOf(c)}${regionHref(ctx.region.path, 'tentang', slug)}`;
    return renderPage(
      c,
      {
        title: `${page.title} · ${regionTitle(ctx.region)}`,
        description: page.summary,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region) },
        breadcrumbs: regionCrumbs(ctx, { label: 'Tentang', href: regionHref(ctx.region.path, 'tentang') }, { label: fixedPageLabel(slug) }),
        meta: <link rel="canonical" href={url} />,
      },
      <article class="article">
        <h1>{page.title}</h1>
        <p class="meta">Diperbarui {formatDate(page.updatedAt)}</p>
        <div class="prose">{raw(renderMarkdown(page.bodyMd, { siteOrigin: originOf(c) }))}</div>
      </article>,
    );
  });
}
