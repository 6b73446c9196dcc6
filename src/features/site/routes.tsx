import { Hono } from 'hono';
import { z } from 'zod';
import { pageCache } from '../../cache/page-cache';
import type { AppEnv } from '../../env';
import { wantsSaveData } from '../../lib/htmx';
import { originOf } from '../../lib/origin';
import { regionTitle } from '../../regions/labels';
import { SECTION_LABELS, regionHref, type Section } from '../../regions/paths';
import { regionPage } from '../../regions/routing';
import { EmptyState } from '../../views/components';
import { renderPage } from '../../views/render';
import { loadRegionHome, regionDirectory } from './service';
import { DirectoryResultList, DirectoryResults, regionCrumbs, RegionHomeView, SearchForm } from './views';

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, 'Kata kunci terlalu panjang (maksimal 100 huruf).')
    .default(''),
});

/** Sections whose features are not built yet render an honest page instead of a 404. */
const PENDING_SECTIONS: Section[] = ['lelang'];

export function siteRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // robots.txt needs the absolute sitemap URL, so it is served by the worker rather than as a static file.
  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.text(`User-agent: *\nDisallow: /admin\nDisallow: /api/\nDisallow: /masuk\nSitemap: ${originOf(c)}/sitemap.xml\n`);
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
        description: 'Daftar seluruh kecamatan, desa dan kelurahan di Kabupaten Kutai Timur.',
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

  for (const section of PENDING_SECTIONS) {
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
              Layanan {label} untuk {regionTitle(ctx.region)} sedang disiapkan oleh Diskominfo Kabupaten Kutai Timur.
              Sementara itu, silakan hubungi kantor {regionTitle(ctx.region)} secara langsung.
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
    const now = Date.now();
    const home = await loadRegionHome(c.get('db'), ctx, now);
    return renderPage(
      c,
      {
        title: regionTitle(ctx.region),
        description: home.profile,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'beranda' },
        breadcrumbs: regionCrumbs(ctx),
      },
      <RegionHomeView home={home} now={now} saveData={wantsSaveData(c)} />,
    );
  });

  return app;
}
