import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { pageCache } from '../../cache/page-cache';
import type { AppEnv } from '../../env';
import { buildSitemap, buildSitemapIndex } from '../../lib/feed';
import { wantsSaveData } from '../../lib/htmx';
import { originOf } from '../../lib/origin';
import { regionTitle } from '../../regions/labels';
import { SECTION_LABELS, SECTIONS, regionHref } from '../../regions/paths';
import { listAllRegions } from '../../regions/repo';
import { regionPage } from '../../middleware/region-pages';
import { EmptyState } from '../../views/components';
import { OfficeCard } from '../../views/office-card';
import { officeFor } from '../../regions/offices';
import { regionCrumbs } from '../../views/region-crumbs';
import { SearchForm } from '../../views/region-search';
import { renderPage } from '../../views/render';
import { type Registry, regionHomeBlocksOf, servedSectionsOf, sitemapSourcesOf, trackersOf } from '../descriptor';
import { loadRegionProfile, regionDirectory } from './service';
import { mountShortLinks } from './short-link-routes';
import { allSitemapUrls, childFileNames, parseChildFileName, sitemapChild, sitemapParts, urlsPerFile } from './sitemap';
import { mountPosterPage } from './poster-routes';
import { mountTrackPage } from './track-routes';
import { DirectoryResultList, DirectoryResults, OldLinkNotice, RegionHomeView } from './views';
import { OLD_PATH_PARAM } from '../../regions/old-links';
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
  const trackers = trackersOf(registry);

  mountShortLinks(app, trackers);
  mountTrackPage(app, trackers);
  mountPosterPage(app, served);

  // robots.txt needs the absolute sitemap URL, so it is served by the worker rather than as a static file.
  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.text(`User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /masuk\nSitemap: ${originOf(c)}/sitemap.xml\n`);
  });

  // Every region home, then what each feature lists: one <urlset> while it fits in a file, else a <sitemapindex> of
  // numbered child sitemaps (./sitemap.ts). Cached under the regency prefix, so any region's purge refreshes them all.
  const sitemapDeps = async (c: Context<AppEnv>) => ({
    db: c.get('db'),
    now: Date.now(),
    regions: await listAllRegions(c.get('db')),
    sources: sitemapSources,
    size: urlsPerFile(c.env.SITEMAP_URLS_PER_FILE),
  });
  const xml = (c: Context<AppEnv>, body: string) => c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  app.get('/sitemap.xml', pageCache(), async (c) => {
    const origin = originOf(c);
    const deps = await sitemapDeps(c);
    const parts = await sitemapParts(deps);
    if (parts.reduce((sum, p) => sum + p.count, 0) > deps.size) {
      return xml(c, buildSitemapIndex(childFileNames(parts).map((file) => `${origin}/${file}`)));
    }
    const urls = await allSitemapUrls(deps);
    return xml(c, buildSitemap(urls.map((u) => ({ loc: `${origin}${u.path}`, lastmod: u.lastmod }))));
  });
  app.get('/:file{sitemap-[a-z]+-[0-9]+\\.xml}', pageCache(), async (c) => {
    const child = parseChildFileName(c.req.param('file'));
    const urls = child ? await sitemapChild(await sitemapDeps(c), child.part, child.n) : null;
    if (!urls) return c.notFound();
    const origin = originOf(c);
    return xml(c, buildSitemap(urls.map((u) => ({ loc: `${origin}${u.path}`, lastmod: u.lastmod }))));
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
    regionPage(app, `/${section}`, async (c) => {
      const ctx = c.get('region');
      const office = await officeFor(c.get('db'), ctx);
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
          <OfficeCard office={office} fallbackName={regionTitle(ctx.region)} />
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
    const oldPath = c.req.query(OLD_PATH_PARAM)?.slice(0, 200);
    return renderPage(
      c,
      {
        title: regionTitle(ctx.region),
        description: profile,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'beranda' },
        breadcrumbs: regionCrumbs(ctx),
      },
      <RegionHomeView
        ctx={ctx}
        profile={profile}
        blocks={blocks}
        now={now}
        trackers={trackers}
        notice={oldPath ? <OldLinkNotice ctx={ctx} oldPath={oldPath} /> : undefined}
      />,
    );
  });

  return app;
}
