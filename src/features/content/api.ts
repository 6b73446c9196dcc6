import { Hono } from 'hono';
import { z } from 'zod';
import { apiRegion, badCursor, ListParams, parseSince, yearWindow } from '../../api/list-params';
import { describeRoute } from '../../api/openapi';
import { decodeCursor, encodeCursor, jsonWithEtag } from '../../api/respond';
import { POST_KINDS } from '../../db/schema';
import type { AppEnv } from '../../env';
import { notFound } from '../../lib/errors';
import { renderMarkdown } from '../../lib/markdown';
import { originOf } from '../../lib/origin';
import { parseOrThrow, queryObject, UNKNOWN_KEYS } from '../../lib/validation';
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
    is_demo: z.boolean(),
  })
  .meta({ id: 'Post' });
export const PostDetailJson = PostJson.extend({
  valid_from: z.string().nullable(),
  body_markdown: z.string(),
  body_html: z.string().describe('Safe HTML rendered from body_markdown (no raw HTML, external links rel=noopener)'),
}).meta({ id: 'PostDetail' });
export const PostListJson = z.object({ data: z.array(PostJson), next_cursor: z.string().nullable() });

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

describeRoute({
  method: 'get',
  path: '/posts',
  tag: 'Konten',
  summary: 'Published news, announcements, agenda and fixed pages',
  description: 'Newest first. Only published items whose publication time has passed. `region` rolls up descendants.',
  query: PostsQuery,
  response: PostListJson,
});
describeRoute({
  method: 'get',
  path: '/posts/{id}',
  tag: 'Konten',
  summary: 'One published post with its body (Markdown and safe HTML)',
  params: z.object({ id: z.string() }),
  response: PostDetailJson,
});

export function postsApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/posts', async (c) => {
    const q = parseOrThrow(PostsQuery, queryObject(new URL(c.req.url)));
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

  app.get('/posts/:id', async (c) => {
    const id = PostIdParam.safeParse(c.req.param('id'));
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
