import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { buildRss } from '../../lib/feed';
import { contentDisposition, safeDownloadName } from '../../lib/file-type';
import type { BoundaryGeometry } from '../../lib/geometry';
import { formatRupiah } from '../../lib/money';
import { originOf } from '../../lib/origin';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionPage } from '../../middleware/region-pages';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionCrumbs } from '../../views/region-crumbs';
import { renderPage } from '../../views/render';
import { SOURCE_LABELS, STATUS_LABELS } from './labels';
import { tenderHref } from './present';
import {
  countPublicTenders,
  filesOf,
  findFile,
  findPublicTender,
  latestPublicTenders,
  listPublicTenders,
  locationRegionsOf,
  publicTenderYears,
  regionShape,
} from './repo';
import { PublicTenderListQuery, TenderIdParam } from './schemas';
import { TenderDetailView, TenderListView, type LocationMapData } from './views';

const PAGE_SIZE = 20;
const FEED_SIZE = 30;

/** The package of this page's region (404 for unknown, another region's, unpublished or deleted packages). */
async function publicTenderOf(c: Context<AppEnv>) {
  const id = TenderIdParam.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('Paket tidak ditemukan.');
  const t = await findPublicTender(c.get('db'), c.get('region').region.code, id.data);
  if (!t) throw notFound('Paket tidak ditemukan atau belum diumumkan.');
  return t;
}

/** The detail page's map: the first location region (else the owner when it is not the regency) and the point. */
async function mapOf(c: Context<AppEnv>, t: { regionCode: string; regionPath: string; lat: number | null; lng: number | null }, locationCodes: string[]) {
  const code = locationCodes[0] ?? (t.regionPath !== '' ? t.regionCode : null);
  if (!code) return null;
  const shape = await regionShape(c.get('db'), code);
  if (!shape) return null;
  const map: LocationMapData = {
    region: {
      name: shape.name,
      level: shape.level,
      bbox: JSON.parse(shape.bbox) as LocationMapData['region']['bbox'],
      boundary: JSON.parse(shape.boundary) as BoundaryGeometry,
    },
    point: t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng } : null,
  };
  return map;
}

/** Public procurement pages: `{prefix}/lelang` (rolled up, filters), the detail page, file downloads and RSS. */
export function tenderRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/lelang', async (c) => {
    const ctx = c.get('region');
    const q = parseOrThrow(PublicTenderListQuery, queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const now = Date.now();
    const [items, total, years] = await Promise.all([
      listPublicTenders(db, { regionCode: ctx.region.code, filter: q, now, limit: PAGE_SIZE, offset: (q.halaman - 1) * PAGE_SIZE }),
      countPublicTenders(db, ctx.region.code, q),
      publicTenderYears(db, ctx.region.code),
    ]);
    const title = `Pengadaan dan lelang ${regionTitle(ctx.region)}`;
    return renderPage(
      c,
      {
        title,
        description: `Paket lelang, rencana pengadaan dan pengadaan desa di ${regionTitle(ctx.region)}.`,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'lelang' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Lelang' }),
        meta: <link rel="alternate" type="application/rss+xml" title={title} href={regionHref(ctx.region.path, 'lelang.xml')} />,
      },
      <TenderListView
        title={title}
        regionName={regionTitle(ctx.region)}
        base={regionHref(ctx.region.path, 'lelang')}
        feedHref={regionHref(ctx.region.path, 'lelang.xml')}
        items={items}
        total={total}
        years={years}
        filter={q}
        pageSize={PAGE_SIZE}
        showRegion={ctx.children.length > 0}
        now={now}
      />,
    );
  });

  regionPage(app, '/lelang.xml', async (c) => {
    const ctx = c.get('region');
    const origin = originOf(c);
    const items = await latestPublicTenders(c.get('db'), ctx.region.code, FEED_SIZE);
    const xml = buildRss({
      title: `Pengadaan dan lelang ${regionTitle(ctx.region)}`,
      link: `${origin}${regionHref(ctx.region.path, 'lelang')}`,
      self: `${origin}${regionHref(ctx.region.path, 'lelang.xml')}`,
      description: `Paket lelang dan pengadaan di ${regionTitle(ctx.region)} dan wilayah di bawahnya.`,
      items: items.map((t) => ({
        title: t.name,
        url: `${origin}${tenderHref(t)}`,
        summary: `${t.ownerName} · Pagu ${t.pagu === null ? '—' : formatRupiah(t.pagu)} · ${STATUS_LABELS[t.status]}`,
        publishedAt: t.updatedAt,
        category: SOURCE_LABELS[t.source],
      })),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
  });

  regionPage(app, '/lelang/:id', async (c) => {
    const ctx = c.get('region');
    const t = await publicTenderOf(c);
    const db = c.get('db');
    const [locations, files] = await Promise.all([locationRegionsOf(db, [t.id]), filesOf(db, t.id)]);
    const where = locations.get(t.id) ?? [];
    const map = await mapOf(
      c,
      t,
      where.map((l) => l.code),
    );
    return renderPage(
      c,
      {
        title: `${t.name} · ${regionTitle(ctx.region)}`,
        description: `${t.ownerName} · Pagu ${t.pagu === null ? '—' : formatRupiah(t.pagu)} · ${STATUS_LABELS[t.status]}`,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'lelang' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Lelang', href: regionHref(ctx.region.path, 'lelang') }, { label: t.name }),
      },
      <TenderDetailView t={t} locations={where} files={files} map={map} now={Date.now()} />,
    );
  });

  regionPage(
    app,
    '/lelang/:id/berkas/:fileId',
    async (c) => {
      const t = await publicTenderOf(c);
      const fileId = TenderIdParam.safeParse(c.req.param('fileId'));
      const f = fileId.success ? await findFile(c.get('db'), t.id, fileId.data) : undefined;
      if (!f) throw notFound('Berkas tidak ditemukan.');
      return serveFile(c, f, 'public, max-age=300');
    },
    { cache: false },
  );

  return app;
}

/**
 * Streams a package document from R2: sniffed type, an attachment named after the document's title (never the
 * uploader's raw file name), a strong ETag (SHA-256) and 304 on If-None-Match without touching R2.
 */
export async function serveFile(
  c: Context<AppEnv>,
  f: { r2Key: string; mime: string; ext: string; sha256: string; title: string },
  cacheControl: string,
): Promise<Response> {
  const etag = `"${f.sha256}"`;
  const headers = new Headers({
    'Content-Type': f.mime,
    'Content-Disposition': contentDisposition(safeDownloadName(f.title, f.ext)),
    ETag: etag,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  const inm = c.req.header('If-None-Match');
  if (inm?.split(',').some((v) => v.trim().replace(/^W\//, '') === etag || v.trim() === '*')) return new Response(null, { status: 304, headers });
  const obj = await c.env.FILES.get(f.r2Key);
  if (!obj) throw notFound('Berkas tidak ditemukan. Hubungi pengelola situs wilayah ini.');
  headers.set('Content-Length', String(obj.size));
  return new Response(c.req.method === 'HEAD' ? null : obj.body, { status: 200, headers });
}
