import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionPage } from '../../middleware/region-pages';
import { renderPage } from '../../views/render';
import { regionCrumbs } from '../../views/region-crumbs';
import { serveVersion } from './download';
import { countPublicDocuments, findPublicDocument, findVersion, listPublicDocuments, publicDocumentYears, versionsOf } from './repo';
import { DocumentIdParam, PublicDocumentListQuery, VersionParam } from './schemas';
import { DocumentDetailView, DocumentListView } from './views';

const PAGE_SIZE = 20;
const DOWNLOAD_CACHE = 'public, max-age=300';

/** The document of this page's region (404 for unknown, other region's, deleted or `dikecualikan` documents). */
async function publicDoc(c: Context<AppEnv>) {
  const ctx = c.get('region');
  const id = DocumentIdParam.safeParse(c.req.param('id'));
  if (!id.success) throw notFound('Dokumen tidak ditemukan.');
  const doc = await findPublicDocument(c.get('db'), ctx.region.code, id.data);
  if (!doc) throw notFound('Dokumen tidak ditemukan atau tidak dibuka untuk publik.');
  return doc;
}

/** Public documents: `{prefix}/dokumen` (rolled up, filters), detail, and downloads of the current or older versions. */
export function documentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  regionPage(app, '/dokumen', async (c) => {
    const ctx = c.get('region');
    const q = parseOrThrow(PublicDocumentListQuery, queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const filter = { regionCode: ctx.region.code, category: q.kategori === 'semua' ? undefined : q.kategori, year: q.tahun };
    const [items, total, years] = await Promise.all([
      listPublicDocuments(db, { ...filter, limit: PAGE_SIZE, offset: (q.halaman - 1) * PAGE_SIZE }),
      countPublicDocuments(db, filter, { offset: (q.halaman - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
      publicDocumentYears(db, ctx.region.code),
    ]);
    const title = `Dokumen publik ${regionTitle(ctx.region)}`;
    return renderPage(
      c,
      {
        title,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'dokumen' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Dokumen' }),
      },
      <DocumentListView
        title={title}
        base={regionHref(ctx.region.path, 'dokumen')}
        items={items}
        total={total}
        years={years}
        filter={q}
        pageSize={PAGE_SIZE}
        showRegion={ctx.children.length > 0}
      />,
    );
  });

  regionPage(app, '/dokumen/:id', async (c) => {
    const ctx = c.get('region');
    const doc = await publicDoc(c);
    const versions = await versionsOf(c.get('db'), doc.id, doc.currentVersion);
    return renderPage(
      c,
      {
        title: `${doc.title} · ${regionTitle(ctx.region)}`,
        description: doc.description || `${doc.title} (${doc.year})`,
        nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'dokumen' },
        breadcrumbs: regionCrumbs(ctx, { label: 'Dokumen', href: regionHref(ctx.region.path, 'dokumen') }, { label: doc.title }),
      },
      <DocumentDetailView doc={doc} versions={versions} />,
    );
  });

  regionPage(
    app,
    '/dokumen/:id/unduh',
    async (c) => {
      const doc = await publicDoc(c);
      const v = await findVersion(c.get('db'), doc.id, doc.currentVersion, { approvedOnly: true });
      if (!v) throw notFound('Berkas dokumen tidak ditemukan.');
      return serveVersion(c, v, doc.title, { cacheControl: DOWNLOAD_CACHE, latest: true });
    },
    { cache: false },
  );

  regionPage(
    app,
    '/dokumen/:id/versi/:n',
    async (c) => {
      const doc = await publicDoc(c);
      const n = VersionParam.safeParse(c.req.param('n'));
      if (!n.success || n.data > doc.currentVersion) throw notFound('Versi dokumen tidak ditemukan.');
      const v = await findVersion(c.get('db'), doc.id, n.data, { approvedOnly: true });
      if (!v) throw notFound('Versi dokumen tidak ditemukan.');
      return serveVersion(c, v, doc.title, { cacheControl: DOWNLOAD_CACHE, latest: n.data === doc.currentVersion });
    },
    { cache: false },
  );

  return app;
}
