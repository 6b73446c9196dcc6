import { Hono } from 'hono';
import { z } from 'zod';
import { apiRegion, badCursor, ListParams, parseSince } from '../../api/list-params';
import { describeRoute } from '../../api/openapi';
import { decodeCursor, encodeCursor, jsonWithEtag } from '../../api/respond';
import { DOCUMENT_CATEGORIES, INFO_CATEGORIES } from '../../db/schema';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { originOf } from '../../lib/origin';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { CATEGORY_LABELS } from './labels';
import { findPublicDocumentById, listDocumentsForApi, versionsOf, type PublicDocumentRow } from './repo';
import { DocumentIdParam } from './schemas';
import { documentHref, downloadHref } from './views';

const unknownKeys = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Parameter tidak dikenal: ${(issue.keys ?? []).join(', ')}.` : undefined,
};

export const DocumentsQuery = z.strictObject(
  { ...ListParams, category: z.enum(DOCUMENT_CATEGORIES, { message: `category harus salah satu dari: ${DOCUMENT_CATEGORIES.join(', ')}.` }).optional() },
  unknownKeys,
);

export const DocumentJson = z
  .object({
    id: z.string(),
    region_code: z.string(),
    region_name: z.string(),
    title: z.string(),
    category: z.enum(DOCUMENT_CATEGORIES),
    category_label: z.string(),
    year: z.number().int(),
    description: z.string(),
    info_category: z.enum(INFO_CATEGORIES).describe("PPID information category; 'dikecualikan' is never published"),
    responsible_unit: z.string(),
    retention_period: z.string(),
    url: z.string().describe('Public page of the document'),
    download_url: z.string().describe('Current version'),
    version: z.number().int(),
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    is_demo: z.boolean(),
  })
  .meta({ id: 'Document' });
export const DocumentVersionJson = z
  .object({ version: z.number().int(), mime: z.string(), size: z.number().int(), sha256: z.string(), uploaded_at: z.string(), download_url: z.string() })
  .meta({ id: 'DocumentVersion' });
export const DocumentDetailJson = DocumentJson.extend({ versions: z.array(DocumentVersionJson).describe('Newest first') }).meta({ id: 'DocumentDetail' });
export const DocumentListJson = z.object({ data: z.array(DocumentJson), next_cursor: z.string().nullable() });

function documentJson(d: PublicDocumentRow, origin: string): z.infer<typeof DocumentJson> {
  return {
    id: d.id,
    region_code: d.regionCode,
    region_name: d.regionName,
    title: d.title,
    category: d.category,
    category_label: CATEGORY_LABELS[d.category],
    year: d.year,
    description: d.description,
    info_category: d.infoCategory,
    responsible_unit: d.responsibleUnit,
    retention_period: d.retentionPeriod,
    url: `${origin}${documentHref(d)}`,
    download_url: `${origin}${downloadHref(d)}`,
    version: d.currentVersion,
    mime: d.currentMime ?? 'application/octet-stream',
    size: d.currentSize ?? 0,
    sha256: d.currentSha256 ?? '',
    created_at: new Date(d.createdAt).toISOString(),
    updated_at: new Date(d.updatedAt).toISOString(),
    is_demo: d.isDemo,
  };
}

describeRoute({
  method: 'get',
  path: '/documents',
  tag: 'Dokumen',
  summary: 'Public documents (SOP, LKJIP, Renstra, RKA, APBDes …)',
  description: "Last changed first. 'dikecualikan' documents are never listed. `region` rolls up descendants.",
  query: DocumentsQuery,
  response: DocumentListJson,
});
describeRoute({
  method: 'get',
  path: '/documents/{id}',
  tag: 'Dokumen',
  summary: 'One public document with its versions',
  params: z.object({ id: z.string() }),
  response: DocumentDetailJson,
});

export function documentsApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/documents', async (c) => {
    const q = parseOrThrow(DocumentsQuery, queryObject(new URL(c.req.url)));
    let after: { updatedAt: number; id: string } | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.u !== 'number' || typeof cur.id !== 'string') throw badCursor();
      after = { updatedAt: cur.u, id: cur.id };
    }
    const regionCode = await apiRegion(c, q.region);
    const rows = await listDocumentsForApi(c.get('db'), {
      regionCode,
      category: q.category,
      year: q.year,
      since: q.since ? (parseSince(q.since) ?? undefined) : undefined,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const origin = originOf(c);
    const body: z.infer<typeof DocumentListJson> = {
      data: page.map((d) => documentJson(d, origin)),
      next_cursor: rows.length > q.limit && last ? encodeCursor({ u: last.updatedAt, id: last.id }) : null,
    };
    return jsonWithEtag(c, body);
  });

  app.get('/documents/:id', async (c) => {
    const id = DocumentIdParam.safeParse(c.req.param('id'));
    if (!id.success) throw notFound('Dokumen tidak ditemukan.');
    const d = await findPublicDocumentById(c.get('db'), id.data);
    if (!d) throw notFound('Dokumen tidak ditemukan atau tidak dibuka untuk publik.');
    const origin = originOf(c);
    const versions = await versionsOf(c.get('db'), d.id, d.currentVersion);
    const body: z.infer<typeof DocumentDetailJson> = {
      ...documentJson(d, origin),
      versions: versions.map((v) => ({
        version: v.version,
        mime: v.mime,
        size: v.size,
        sha256: v.sha256,
        uploaded_at: new Date(v.uploadedAt).toISOString(),
        download_url: `${origin}${downloadHref(d, v.version)}`,
      })),
    };
    return jsonWithEtag(c, body);
  });

  return app;
}
