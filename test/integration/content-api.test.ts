import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { fileOf, multipart, pdfBytes, setStage } from '../helpers/content';
import { get } from '../helpers/http';
import { insertPost } from '../helpers/seed';

interface PostJson {
  id: string;
  region_code: string;
  kind: string;
  slug: string;
  title: string;
  url: string;
  published_at: string | null;
  updated_at: string;
  is_demo: boolean;
}
interface ListJson<T> {
  data: T[];
  next_cursor: string | null;
}

const run = crypto.randomUUID().slice(0, 6);
const ids: Record<string, string> = {};

beforeAll(async () => {
  const t = Date.now();
  ids.desa = (await insertPost({ regionCode: '64.08.07.2001', title: `API desa ${run}`, kind: 'berita', publishedAt: t - 5000 })).id;
  ids.kec = (await insertPost({ regionCode: '64.08.07', title: `API kecamatan ${run}`, kind: 'pengumuman', publishedAt: t - 4000 })).id;
  ids.old = (await insertPost({ regionCode: '64.08.07', title: `API lama ${run}`, kind: 'berita', publishedAt: Date.UTC(2024, 5, 1) })).id;
  ids.draft = (await insertPost({ regionCode: '64.08.07', title: `API draf ${run}`, status: 'draft' })).id;
  ids.future = (await insertPost({ regionCode: '64.08.07', title: `API nanti ${run}`, publishedAt: t + 86_400_000 })).id;
  ids.other = (await insertPost({ regionCode: '64.08.05', title: `API lain ${run}`, publishedAt: t - 3000 })).id;
  for (let i = 0; i < 7; i++) await insertPost({ regionCode: '64.08.07.2002', title: `API halaman ${i} ${run}`, publishedAt: t - 10_000 - i });
});

async function json<T>(path: string): Promise<T> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('Content-Type')).toContain('application/json');
  return (await res.json()) as T;
}

describe('GET /api/v1/posts', () => {
  it('lists only published, due posts of the region subtree, newest first, in snake_case', async () => {
    const body = await json<ListJson<PostJson>>('/api/v1/posts?region=64.08.07&limit=100');
    const got = body.data.map((p) => p.id);
    expect(got).toContain(ids.desa);
    expect(got).toContain(ids.kec);
    expect(got).toContain(ids.old);
    expect(got).not.toContain(ids.draft);
    expect(got).not.toContain(ids.future);
    expect(got).not.toContain(ids.other);
    const times = body.data.map((p) => Date.parse(p.published_at!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const one = body.data.find((p) => p.id === ids.desa)!;
    expect(Object.keys(one)).toEqual(expect.arrayContaining(['region_code', 'region_name', 'published_at', 'updated_at', 'cover_url', 'is_demo']));
    expect(one.url).toMatch(/^https:\/\/portal\.test\/[a-z-]+\/[a-z-]+\/berita\/uji-/);
  });

  it('filters by kind, year and since', async () => {
    const ann = await json<ListJson<PostJson>>('/api/v1/posts?region=64.08.07&kind=pengumuman');
    expect(ann.data.map((p) => p.id)).toEqual([ids.kec]);
    const y2024 = await json<ListJson<PostJson>>('/api/v1/posts?region=64.08.07&year=2024');
    expect(y2024.data.map((p) => p.id)).toEqual([ids.old]);
    const since = new Date(Date.now() - 60_000).toISOString();
    const recent = await json<ListJson<PostJson>>(`/api/v1/posts?region=64.08.07&since=${encodeURIComponent(since)}&limit=100`);
    expect(recent.data.every((p) => Date.parse(p.updated_at) >= Date.parse(since))).toBe(true);
    const none = await json<ListJson<PostJson>>('/api/v1/posts?region=64.08.07&since=2100-01-01');
    expect(none.data).toEqual([]);
  });

  it('pages with an opaque cursor without gaps or duplicates, and answers 304 to a matching ETag', async () => {
    const all = await json<ListJson<PostJson>>('/api/v1/posts?region=64.08.07&limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ListJson<PostJson> = await json(`/api/v1/posts?region=64.08.07&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((p) => p.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all.data.map((p) => p.id));
    const first = await get('/api/v1/posts?region=64.08.07&limit=3');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect((await get('/api/v1/posts?region=64.08.07&limit=3', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('answers bad input with problem+json (400/404/422), never 500', async () => {
    for (const [path, status] of [
      ['/api/v1/posts?kind=rahasia', 422],
      ['/api/v1/posts?limit=0', 422],
      ['/api/v1/posts?limit=1000', 422],
      ['/api/v1/posts?since=kemarin', 422],
      ['/api/v1/posts?year=20x5', 422],
      ['/api/v1/posts?region=99', 404],
      ['/api/v1/posts?region=bukan-kode', 422],
      ['/api/v1/posts?cursor=%7B%7D', 400],
      ['/api/v1/posts?status=draft', 422],
      [`/api/v1/posts/${ids.draft}`, 404],
      [`/api/v1/posts/${ids.future}`, 404],
      ['/api/v1/posts/%3Cscript%3E', 404],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('Content-Type'), path).toContain('application/problem+json');
    }
  });

  it('returns one published post with its body', async () => {
    const p = await json<PostJson & { body_markdown: string; body_html: string }>(`/api/v1/posts/${ids.desa}`);
    expect(p.id).toBe(ids.desa);
    expect(typeof p.body_html).toBe('string');
  });
});

describe('GET /api/v1/documents', () => {
  it('lists public documents with filters and cursor; dikecualikan never appears', async () => {
    await setStage('64.08.07.2001', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.07.2001']]);
    const up = async (title: string, extra: Record<string, string>) => {
      const res = await op.postMultipart(
        '/admin/dokumen',
        multipart(
          { region_code: '64.08.07.2001', title, category: 'sop', year: '2026', info_category: 'berkala', aksi: 'terbitkan', ...extra },
          { file: fileOf(pdfBytes(title), 'f.pdf') },
        ),
      );
      expect(
        res.status,
        await res
          .clone()
          .text()
          .then((t) => t.slice(0, 300)),
      ).toBe(303);
      return /\/admin\/dokumen\/([0-9A-Z]{26})/.exec(res.headers.get('Location')!)![1]!;
    };
    const sop = await up(`SOP API ${run}`, {});
    const renja = await up(`APBDes API ${run}`, { category: 'apbdes', year: '2024' });
    const secret = await up(`Rahasia API ${run}`, {
      info_category: 'dikecualikan',
      exemption_legal_basis: 'UU 14/2008 Pasal 17 huruf h',
      consequence_test_summary: 'Membuka dokumen ini merugikan privasi warga.',
    });

    const all =
      await json<
        ListJson<{ id: string; category: string; year: number; info_category: string; download_url: string; sha256: string; size: number; mime: string }>
      >('/api/v1/documents?region=64.08.07');
    const got = all.data.map((d) => d.id);
    expect(got).toEqual(expect.arrayContaining([sop, renja]));
    expect(got).not.toContain(secret);
    const d = all.data.find((x) => x.id === sop)!;
    expect(d.mime).toBe('application/pdf');
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    const path = (await env.DB.prepare("SELECT path FROM regions WHERE code = '64.08.07.2001'").first<{ path: string }>())!.path;
    expect(d.download_url).toBe(`https://portal.test/${path}/dokumen/${sop}/unduh`);
    expect((await json<ListJson<{ id: string }>>('/api/v1/documents?region=64.08.07&category=apbdes')).data.map((x) => x.id)).toEqual([renja]);
    expect((await json<ListJson<{ id: string }>>('/api/v1/documents?region=64.08.07&year=2026')).data.map((x) => x.id)).toEqual([sop]);
    const p1 = await json<ListJson<{ id: string }>>('/api/v1/documents?region=64.08.07&limit=1');
    expect(p1.next_cursor).not.toBeNull();
    const p2 = await json<ListJson<{ id: string }>>(`/api/v1/documents?region=64.08.07&limit=1&cursor=${p1.next_cursor}`);
    expect(p2.data[0]!.id).not.toBe(p1.data[0]!.id);
    const detail = await json<{ id: string; versions: Array<{ version: number; download_url: string }> }>(`/api/v1/documents/${sop}`);
    expect(detail.versions.map((v) => v.version)).toEqual([1]);
    expect((await get(`/api/v1/documents/${secret}`)).status).toBe(404);
    expect((await get('/api/v1/documents?category=rahasia')).status).toBe(422);
    expect((await get('/api/v1/documents/bukan-id')).status).toBe(404);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of ['/posts', '/posts/{id}', '/documents', '/documents/{id}']) expect(doc.paths[p], p).toBeDefined();
  });
});
