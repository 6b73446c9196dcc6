import type { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { originOf } from '../../lib/origin';
import { regionPage } from '../../middleware/region-pages';
import { regionTitle } from '../../regions/labels';
import { officeFor } from '../../regions/offices';
import type { Section } from '../../regions/paths';
import { shortPath } from '../../regions/short-links';
import { regionCrumbs } from '../../views/region-crumbs';
import { renderPage } from '../../views/render';
import { type PosterService, PosterView } from './poster-view';

/** The word of the printable poster (`/poster`, `/{kec}/poster`, `/{kec}/{desa}/poster`), a region word of the site. */
export const POSTER_WORD = 'poster';

/** The services on the poster, in print order, in a citizen's words; only sections some feature serves are printed. */
const POSTER_SERVICES: Array<[Section, string, string]> = [
  ['pengaduan', 'Pengaduan', 'Laporkan masalah di lingkungan Anda; nama boleh dirahasiakan.'],
  ['layanan', 'Layanan surat', 'Ajukan surat keterangan atau surat pengantar dari HP.'],
  ['ppid', 'Permohonan informasi', 'Minta informasi atau dokumen publik.'],
  ['dokumen', 'Dokumen publik', 'APBDes, peraturan dan dokumen lain untuk diunduh.'],
];

/**
 * The A4 notice-board poster of every region: QR codes and short links (/s/{code}) to the region's site and each
 * served section, and the office to contact without internet. Not cached: it shows the office contact as stored now.
 */
export function mountPosterPage(app: Hono<AppEnv>, served: ReadonlySet<Section>): void {
  regionPage(
    app,
    `/${POSTER_WORD}`,
    async (c) => {
      const ctx = c.get('region');
      const origin = originOf(c);
      const services: PosterService[] = POSTER_SERVICES.filter(([s]) => served.has(s)).map(([section, label, hint]) => ({
        label,
        hint,
        url: `${origin}${shortPath(ctx.region.code, section)}`,
      }));
      const office = await officeFor(c.get('db'), ctx);
      return renderPage(
        c,
        {
          title: `Poster layanan · ${regionTitle(ctx.region)}`,
          nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'beranda' },
          breadcrumbs: regionCrumbs(ctx, { label: 'Poster layanan' }),
        },
        <PosterView regionLabel={regionTitle(ctx.region)} siteUrl={`${origin}${shortPath(ctx.region.code)}`} services={services} office={office} />,
      );
    },
    { cache: false },
  );
}
