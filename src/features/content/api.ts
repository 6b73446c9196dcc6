import { z } from 'zod';
import { apiRegion, badCursor, ListParams, parseSince, yearWindow } from '../../api/list-params';
import { decodeCursor, encodeCursor, jsonWithEtag } from '../../api/respond';
import { pageOf } from '../../api/responses';
import { type ApiRouter, apiRoute, apiRouter } from '../../api/route';
import { POST_KINDS } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { renderMarkdown } from '../../lib/markdown';
import { originOf } from '../../lib/origin';
import { UNKNOWN_KEYS } from '../../lib/validation';
import { regionHref } from '../../regions/paths';
import { findPublishedPostById, listPostsForApi, type PublicPostRow } from './repo';
import { PostIdParam } from './schemas';
import { mediaJpegPath } from '../../media/manifest';
import { coverOf } from './views';

export const PostsQuery = z.strictObject(
  { ...ListParams, kind: z.enum(POST_KINDS, { message: 'kind harus berita, pengumuman, agenda atau halaman.' }).optional() },
  UNKNOWN_KEYS,
);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const PostJson = z
  .object({
    id: z.string(),
    region_code: z.string(),
    region_name: z.string(),
    kind: z.enum(POST_KINDS),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    url: z.string().describe('Public page of the post'),
    cover_url: z.string().nullable(),
    cover_alt: z.string().nullable(),
    published_at: z.string().nullable().describe('ISO 8601 UTC'),
    updated_at: z.string().describe('ISO 8601 UTC'),
    valid_until: z.string().nullable().describe('Announcements: end of validity (ISO 8601 UTC)'),
    event_starts_at: z.string().nullable().describe('Agenda: start of the event (ISO 8601 UTC)'),
    event_place: z.string().nullable(),
    is_demo: z.boolean().describe('Demo content of a local installation (shown with a "Contoh" tag)'),
  })
  .meta({
    id: 'Post',
    description: 'A published news item, announcement, agenda item or fixed page',
    example: {
      id: '01JA2B3C4D5E6F7G8H9J0K1M2N',
      region_code: '64.08.04.2012',
      region_name: 'Swarga Bara',
      kind: 'berita',
      slug: 'gotong-royong-bersih-desa',
      title: 'Gotong royong bersih desa',
      summary: 'Warga membersihkan saluran air menjelang musim hujan.',
      url: 'https://portal.example/sangatta-utara/swarga-bara/berita/gotong-royong-bersih-desa',
      cover_url: null,
      cover_alt: null,
      published_at: '2026-04-02T01:00:00.000Z',
      updated_at: '2026-04-02T01:00:00.000Z',
      valid_until: null,
      event_starts_at: null,
      event_place: null,
      is_demo: false,
    },
  });
export const PostDetailJson = PostJson.extend({
  valid_from: z.string().nullable(),
  body_markdown: z.string(),
  body_html: z.string().describe('Safe HTML rendered from body_markdown (no raw HTML, external links rel=noopener)'),
}).meta({ id: 'PostDetail' });
export const PostListJson = pageOf(PostJson);

function postJson(p: PublicPostRow, origin: string): z.infer<typeof PostJson> {
  return {
    id: p.id,
    region_code: p.regionCode,
    region_name: p.regionName,
    kind: p.kind,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    url: `${origin}${p.kind === 'halaman' ? regionHref(p.regionPath, 'tentang', p.slug) : regionHref(p.regionPath, 'berita', p.slug)}`,
    cover_url: coverOf(p) ? `${origin}${mediaJpegPath(coverOf(p)!, 'article')}` : null,
    cover_alt: coverOf(p) ? (p.coverAlt ?? '') : null,
    published_at: iso(p.publishedAt),
    updated_at: new Date(p.updatedAt).toISOString(),
    valid_until: iso(p.validUntil),
    event_starts_at: iso(p.eventStartsAt),
    event_place: p.eventPlace,
    is_demo: p.isDemo,
  };
}

const listPostsRoute = apiRoute({
  method: 'get',
  path: '/posts',
  operationId: 'listPosts',
  tag: 'Konten',
  summary: 'Published news, announcements, agenda and fixed pages',
  description: 'Newest first. Only published items whose publication time has passed. `region` rolls up descendants.',
  access: { public: true },
  request: { query: PostsQuery },
  responses: [{ status: 200, description: 'One page of posts', schema: PostListJson }],
  conditional: true,
  errors: [400, 404],
  errorNotes: { 400: 'The cursor is not one this API issued.', 404: 'No region has the `region` code.' },
});

const getPostRoute = apiRoute({
  method: 'get',
  path: '/posts/{id}',
  operationId: 'getPost',
  tag: 'Konten',
  summary: 'One published post with its body (Markdown and safe HTML)',
  access: { public: true },
  request: { params: z.object({ id: z.string().describe('Post id from the list') }) },
  responses: [{ status: 200, description: 'The post', schema: PostDetailJson }],
  conditional: true,
  errors: [404],
  errorNotes: { 404: 'No published post has this id (drafts and scheduled posts are not found either).' },
});

export function postsApi(): ApiRouter {
  const app = apiRouter();

  app.openapi(listPostsRoute, async (c) => {
    const q = c.req.valid('query');
    let after: { publishedAt: number; id: string } | undefined;
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      if (!cur || typeof cur.p !== 'number' || typeof cur.id !== 'string') throw badCursor();
      after = { publishedAt: cur.p, id: cur.id };
    }
    const regionCode = await apiRegion(c, q.region);
    const win = yearWindow(q.year);
    const rows = await listPostsForApi(c.get('db'), {
      regionCode,
      kind: q.kind,
      publishedFrom: win.from,
      publishedTo: win.to,
      since: q.since ? (parseSince(q.since) ?? undefined) : undefined,
      after,
      limit: q.limit + 1,
      now: Date.now(),
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const origin = originOf(c);
    const body: z.infer<typeof PostListJson> = {
      data: page.map((p) => postJson(p, origin)),
      next_cursor: rows.length > q.limit && last ? encodeCursor({ p: last.publishedAt ?? 0, id: last.id }) : null,
    };
    return jsonWithEtag(c, body);
  });

  app.openapi(getPostRoute, async (c) => {
    const id = PostIdParam.safeParse(c.req.valid('param').id);
    if (!id.success) throw notFound('Tulisan tidak ditemukan.');
    const p = await findPublishedPostById(c.get('db'), id.data, Date.now());
    if (!p) throw notFound('Tulisan tidak ditemukan atau belum diterbitkan.');
    const origin = originOf(c);
    const body: z.infer<typeof PostDetailJson> = {
      ...postJson(p, origin),
      valid_from: iso(p.validFrom),
      body_markdown: p.bodyMd,
      body_html: renderMarkdown(p.bodyMd, { siteOrigin: origin }),
    };
    return jsonWithEtag(c, body);
  });

  return app;
}
