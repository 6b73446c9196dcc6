import { Hono } from 'hono';
import { z } from 'zod';
import { pageCache } from '../../cache/page-cache';
import type { AppEnv } from '../../env';
import { buildSitemap } from '../../lib/feed';
import { wantsSaveData } from '../../lib/htmx';
import { originOf } from '../../lib/origin';
import { regionTitle } from '../../regions/labels';
import { SECTION_LABELS, SECTIONS, regionHref } from '../../regions/paths';
import { listAllRegions } from '../../regions/repo';
import { regionPage } from '../../middleware/region-pages';
import { EmptyState } from '../../views/components';
import { regionCrumbs } from '../../views/region-crumbs';
import { SearchForm } from '../../views/region-search';
import { renderPage } from '../../views/render';
import { type Registry, regionHomeBlocksOf, servedSectionsOf, sitemapSourcesOf } from '../descriptor';
import { loadRegionProfile, regionDirectory } from './service';
import { mountShortLinks } from './short-link-routes';
import { DirectoryResultList, DirectoryResults, RegionHomeView } from './views';
import { REGENCY } from '../../config';

export const SearchQuerySchema = z.object({
  q: z.string().trim().max(100, 'Kata kunci terlalu panjang (maksimal 100 huruf).').default(''),
});

/**
 * The region sites: robots.txt, the sitemap, the region directory (/wilayah), every region's home page (built from
 * the registered features' home blocks) and an honest "sedang disiapkan" page for sections no feature serves yet.
 * Mounted last: its region-home routes match any /{kec}/{desa}.
 */
export function siteRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const served = servedSectionsOf(registry);
  const pendingSections = SECTIONS.filter((s) => !served.has(s));
  const homeBlocks = regionHomeBlocksOf(registry);
  const sitemapSources = sitemapSourcesOf(registry);

  mountShortLinks(app);

  // robots.txt needs the absolute sitemap URL, so it is served by the worker rather than as a static file.
  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.text(`User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /masuk\nSitemap: ${originOf(c)}/sitemap.xml\n`);
  });

  // Every region home, then what each feature lists. Cached under the regency prefix, so any region's purge refreshes it.
  app.get('/sitemap.xml', pageCache(), async (c) => {
    const origin = originOf(c);
    const db = c.get('db');
    const now = Date.now();
    const regions = await listAllRegions(db);
    const homes = regions.map((r) => ({ path: regionHref(r.path), lastmod: r.lastContentUpdate }));
    const lists = await Promise.all(sitemapSources.map((source) => source({ db, now, regions })));
    const urls = [...homes, ...lists.flat()].map((u) => ({ loc: `${origin}${u.path}`, lastmod: u.lastmod }));
    return c.body(buildSitemap(urls), 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });

  app.get('/wilayah', pageCache(), async (c) => {
    const parsed = SearchQuerySchema.safeParse({ q: c.req.query('q') ?? '' });
    const q = parsed.success ? parsed.data.q : '';
    const error = parsed.success ? undefined : parsed.error.issues[0]?.message;
    const { groups, total } = await regionDirectory(c.get('db'), q);
    const props = { groups, total, q };
    return renderPage(
      c,
      {
        title: q ? `Cari “${q}”` : 'Semua wilayah',
        description: `Daftar seluruh kecamatan, desa dan kelurahan di ${REGENCY.name}.`,
        breadcrumbs: [{ label: 'Kabupaten', href: '/' }, { label: 'Semua wilayah' }],
      },
      <>
        <h1>Semua wilayah</h1>
        <p>Pilih kecamatan, desa atau kelurahan untuk membuka situsnya.</p>
        <SearchForm q={q} error={error} />
        <DirectoryResults {...props} />
      </>,
      { status: error ? 400 : 200, fragment: <DirectoryResultList {...props} /> },
    );
  });

  for (const section of pendingSections) {
    regionPage(app, `/${section}`, (c) => {
      const ctx = c.get('region');
      const label = SECTION_LABELS[section];
      return renderPage(
        c,
        {
          title: `${label} · ${regionTitle(ctx.region)}`,
          nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: section },
          breadcrumbs: regionCrumbs(ctx, { label }),
        },
        <>
          <h1>
            {label} {regionTitle(ctx.region)}
          </h1>
          <EmptyState>
            <p>
              Layanan {label} untuk {regionTitle(ctx.region)} sedang disiapkan oleh Diskominfo {REGENCY.name}. Sementara itu, silakan hubungi kantor{' '}
              {regionTitle(ctx.region)} secara langsung.
            </p>
            <p>
              <a href={regionHref(ctx.region.path)}>Kembali ke beranda {regionTitle(ctx.region)}</a>
            </p>
          </EmptyState>
        </>,
      );
    });
  }

  regionPage(app, '', async (c) => {
    const ctx = c.get('region');
    const db = c.get('db');
    const now = Date.now();
    const deps = { db, now, saveData: wantsSaveData(c) };
    const [profile, blocks] = await Promise.all([loadRegionProfile(db, ctx.region.code), Promise.all(homeBlocks.map((b) => b.render(deps, ctx)))]);
    return renderPage(
      c,
      {
        title: regionTitle(ctx.region),
        description: profile,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'beranda' },
        breadcrumbs: regionCrumbs(ctx),
      },
      <RegionHomeView ctx={ctx} profile={profile} blocks={blocks} now={now} />,
    );
  });

  return app;
}
