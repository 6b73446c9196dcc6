// Lists with more rows than their pagination total counts (src/db/bounded-count.ts, bench/volume.md): a region with
// 1,030 public documents and 1,030 news items. The totals say "lebih dari 1.000" until the page reaches the bound, the
// next-page link stays right on both sides of it, and paging through the whole list shows every row exactly once in
// the list's order (the page's ids come from an index first, then its rows).
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNT_BOUND, hasNextPage, totalLabel } from '../../src/db/bounded-count';
import { loginAs, type Browser } from '../helpers/auth';
import { get } from '../helpers/http';

const DESA = '64.08.04.2012';
const DESA_PATH = '/sangatta-utara/swarga-bara';
const N = COUNT_BOUND + 30;
const DAY = 86_400_000;
const T0 = Date.now() - 400 * DAY;

const docIds = (html: string) => [...html.matchAll(/href="\/sangatta-utara\/swarga-bara\/dokumen\/(vl-d-\d+)"/g)].map((m) => m[1]!);
const postSlugs = (html: string) => [...html.matchAll(/href="\/sangatta-utara\/swarga-bara\/berita\/(vl-\d+)"/g)].map((m) => m[1]!);

let admin: Browser;
beforeAll(async () => {
  // Documents over eleven years (year and update time vary, some share an update time so the id breaks ties); one in
  // twenty `dikecualikan` and one in twenty-five a draft: neither is public.
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     INSERT INTO documents (id, region_code, title, category, year, description, info_category, responsible_unit, retention_period,
       current_version, current_mime, current_size, current_sha256, status, is_demo, created_at, updated_at)
     SELECT 'vl-d-' || printf('%05d', i), ?2, 'Dokumen volume ' || i, 'laporan', 2016 + (i % 11), '',
       CASE WHEN i % 20 = 0 THEN 'dikecualikan' ELSE 'berkala' END, 'Sekretariat', '5 tahun', 1, 'application/pdf', 900,
       lower(hex(randomblob(32))), CASE WHEN i % 25 = 0 THEN 'draft' ELSE 'terbit' END, 0, ?3 + (i / 3) * 60000, ?3 + (i / 3) * 60000
     FROM n`,
  )
    .bind(Math.ceil(N / 0.9), DESA, T0)
    .run();
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     INSERT INTO posts (id, region_code, kind, slug, title, summary, body_md, status, published_at, is_demo, created_at, updated_at)
     SELECT 'vl-p-' || printf('%05d', i), ?2, 'berita', 'vl-' || i, 'Kabar volume ' || i, 'Ringkasan ' || i, 'Isi.', 'terbit',
       ?3 + (i / 2) * 60000, 0, ?3, ?3
     FROM n`,
  )
    .bind(N, DESA, T0)
    .run();
  admin = await loginAs([['diskominfo', '64.08']]);
}, 60_000);

describe('bounded totals', () => {
  it('are exact below the bound and "lebih dari" above it; the next page exists exactly when a row follows', () => {
    expect(totalLabel({ count: 999, atLeast: false })).toBe('999');
    expect(totalLabel({ count: 1000, atLeast: true })).toBe('lebih dari 1.000');
    expect(hasNextPage({ count: 40, atLeast: false }, 2, 20)).toBe(false);
    expect(hasNextPage({ count: 41, atLeast: false }, 2, 20)).toBe(true);
    expect(hasNextPage({ count: 1000, atLeast: true }, 50, 20)).toBe(true);
  });
});

describe('a desa with more public documents than the bound', () => {
  it('pages through every public document once, in the list order, with a bounded total until the last pages', async () => {
    const expected = (
      await env.DB.prepare(
        `SELECT id FROM documents WHERE region_code = ? AND status = 'terbit' AND deleted_at IS NULL AND current_version > 0
           AND info_category <> 'dikecualikan' ORDER BY year DESC, updated_at DESC, id DESC`,
      )
        .bind(DESA)
        .all<{ id: string }>()
    ).results
      .map((r) => r.id)
      .filter((id) => id.startsWith('vl-d-'));
    const publicTotal = (await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM documents WHERE region_code = ? AND status = 'terbit' AND deleted_at IS NULL AND current_version > 0 AND info_category <> 'dikecualikan'`,
    )
      .bind(DESA)
      .first<{ n: number }>())!.n;
    expect(publicTotal).toBeGreaterThan(COUNT_BOUND + 20);

    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const res = await get(`${DESA_PATH}/dokumen?halaman=${page}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      if (page * 20 < COUNT_BOUND) expect(html).toContain('lebih dari 1.000 dokumen.');
      const hasNext = html.includes(`dokumen?halaman=${page + 1}`);
      seen.push(...docIds(html).filter((id) => id.startsWith('vl-d-')));
      if (!hasNext) {
        // The last page counts exactly.
        expect(html).toContain(`${publicTotal.toLocaleString('id-ID')} dokumen.`);
        break;
      }
      page += 1;
      expect(page).toBeLessThan(100);
    }
    expect(page).toBe(Math.ceil(publicTotal / 20));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
  }, 120_000);

  it('lists the years with public documents, newest first, and filters by one', async () => {
    const years = (
      await env.DB.prepare(
        `SELECT DISTINCT year FROM documents WHERE region_code = ? AND status = 'terbit' AND deleted_at IS NULL AND current_version > 0
           AND info_category <> 'dikecualikan' ORDER BY year DESC`,
      )
        .bind(DESA)
        .all<{ year: number }>()
    ).results.map((r) => r.year);
    const html = await (await get(`${DESA_PATH}/dokumen`)).text();
    const offered = [...html.matchAll(/<option value="(\d{4})"/g)].map((m) => Number(m[1]));
    expect(offered).toEqual(years);
    const one = await (await get(`${DESA_PATH}/dokumen?tahun=2019`)).text();
    const inYear = (await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM documents WHERE region_code = ? AND year = 2019 AND status = 'terbit' AND deleted_at IS NULL
           AND current_version > 0 AND info_category <> 'dikecualikan'`,
    )
      .bind(DESA)
      .first<{ n: number }>())!.n;
    expect(one).toContain(`${inYear} dokumen.`);
  }, 30_000);

  it('shows the officers a bounded total and a next page in the admin list', async () => {
    const html = await (await admin.get('/admin/dokumen')).text();
    expect(html).toContain('lebih dari 1.000 dokumen.');
    expect(html).toContain('halaman=2');
  }, 30_000);
});

describe('a desa with more news than the bound', () => {
  it('keeps the next-page link on both sides of the bound and shows every item once', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const html = await (await get(`${DESA_PATH}/berita?jenis=berita&halaman=${page}`)).text();
      seen.push(...postSlugs(html));
      if (!html.includes(`halaman=${page + 1}`)) break;
      expect(page).toBeLessThan(200);
    }
    const all = (
      await env.DB.prepare(
        `SELECT slug FROM posts WHERE region_code = ? AND kind = 'berita' AND status = 'terbit' AND published_at <= ? ORDER BY published_at DESC, id DESC`,
      )
        .bind(DESA, Date.now())
        .all<{ slug: string }>()
    ).results.map((r) => r.slug);
    expect(all.length).toBeGreaterThan(COUNT_BOUND);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.filter((s) => s.startsWith('vl-')));
  }, 180_000);

  it('shows the editors a bounded total in the admin list', async () => {
    const html = await (await admin.get('/admin/konten')).text();
    expect(html).toContain('lebih dari 1.000 tulisan.');
  }, 30_000);

  it('counts on the list page exactly the waiting posts the review queue shows', async () => {
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 7)
       INSERT INTO posts (id, region_code, kind, slug, title, summary, body_md, status, is_demo, created_at, updated_at)
       SELECT 'vl-w-' || i, CASE WHEN i % 2 = 0 THEN ?1 ELSE '64.08.05.2001' END, 'berita', 'vl-tunggu-' || i, 'Menunggu ' || i, '', 'Isi.',
         'menunggu_tinjauan', 0, ?2, ?2 + i
       FROM n`,
    )
      .bind(DESA, T0)
      .run();
    const queue = await (await admin.get('/admin/konten/tinjauan')).text();
    const shown = [...queue.matchAll(/href="\/admin\/konten\/([A-Za-z0-9-]+)"/g)].map((m) => m[1]!).filter((id) => id !== 'tinjauan');
    expect(shown.length).toBeGreaterThanOrEqual(7);
    const list = await (await admin.get('/admin/konten')).text();
    expect(list).toContain(`Tinjau (${shown.length} menunggu)`);
  }, 30_000);
});
