import { z } from 'zod';
import { apiRegion, badCursor, ListParams, parseSince } from '../../api/list-params';
import { decodeCursor, encodeCursor, jsonWithEtag } from '../../api/respond';
import { pageOf } from '../../api/responses';
import { type ApiRouter, apiRoute, apiRouter } from '../../api/route';
import { DOCUMENT_CATEGORIES, INFO_CATEGORIES } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { originOf } from '../../lib/origin';
import { UNKNOWN_KEYS } from '../../lib/validation';
import { CATEGORY_LABELS } from './labels';
import { findPublicDocumentById, listDocumentsForApi, versionsOf, type PublicDocumentRow } from './repo';
import { DocumentIdParam } from './schemas';
import { documentHref, downloadHref } from './views';

export const DocumentsQuery = z.strictObject(
  { ...ListParams, category: z.enum(DOCUMENT_CATEGORIES, { message: `category harus salah satu dari: ${DOCUMENT_CATEGORIES.join(', ')}.` }).optional() },
  UNKNOWN_KEYS,
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
  .meta({
    id: 'Document',
    description: 'A public document; its current version',
    example: {
      id: '01JA2B3C4D5E6F7G8H9J0K1M2N',
      region_code: '64.08.04',
      region_name: 'Sangatta Utara',
      title: 'LKJIP Kecamatan Sangatta Utara 2025',
      category: 'lkjip',
      category_label: 'LKJIP',
      year: 2025,
      description: 'Laporan kinerja instansi pemerintah tahun 2025.',
      info_category: 'berkala',
      responsible_unit: 'Sekretariat Kecamatan',
      retention_period: '5 tahun',
      url: 'https://portal.example/sangatta-utara/dokumen/01JA2B3C4D5E6F7G8H9J0K1M2N',
      download_url: 'https://portal.example/sangatta-utara/dokumen/01JA2B3C4D5E6F7G8H9J0K1M2N/unduh',
      version: 1,
      mime: 'application/pdf',
      size: 482113,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      created_at: '2026-02-10T02:00:00.000Z',
      updated_at: '2026-02-10T02:00:00.000Z',
      is_demo: false,
    },
  });
export const DocumentVersionJson = z
  .object({ version: z.number().int(), mime: z.string(), size: z.number().int(), sha256: z.string(), uploaded_at: z.string(), download_url: z.string() })
  .meta({ id: 'DocumentVersion' });
export const DocumentDetailJson = DocumentJson.extend({ versions: z.array(DocumentVersionJson).describe('Newest first') }).meta({ id: 'DocumentDetail' });
export const DocumentListJson = pageOf(DocumentJson);

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

const listDocumentsRoute = apiRoute({
  method: 'get',
  path: '/documents',
  operationId: 'listDocuments',
  tag: 'Dokumen',
  summary: 'Public documents (SOP, LKJIP, Renstra, RKA, APBDes …)',
  description: "Last changed first. 'dikecualikan' documents are never listed. `region` rolls up descendants.",
  access: { public: true },
  request: { query: DocumentsQuery },
  responses: [{ status: 200, description: 'One page of documents', schema: DocumentListJson }],
  conditional: true,
  errors: [400, 404],
  errorNotes: { 400: 'The cursor is not one this API issued.', 404: 'No region has the `region` code.' },
});

const getDocumentRoute = apiRoute({
  method: 'get',
  path: '/documents/{id}',
  operationId: 'getDocument',
  tag: 'Dokumen',
  summary: 'One public document with its versions',
  access: { public: true },
  request: { params: z.object({ id: z.string().describe('Document id from the list') }) },
  responses: [{ status: 200, description: 'The document', schema: DocumentDetailJson }],
  conditional: true,
  errors: [404],
  errorNotes: { 404: "No public document has this id ('dikecualikan' and unpublished documents are not found either)." },
});

export function documentsApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(listDocumentsRoute, async (c) => {
    const q = c.req.valid('query');
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

  app.openapi(getDocumentRoute, async (c) => {
    const id = DocumentIdParam.safeParse(c.req.valid('param').id);
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
