import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs, type Browser } from '../helpers/auth';
import { setStage } from '../helpers/content';
import { get } from '../helpers/http';

// Kecamatan 64.08.04 Sangatta Utara: 1010 Teluk Lingga, 2001 Sangatta Utara, 2011 Singa Gembara, 2012 Swarga Bara.
// 64.08.02.2003 Muara Wahau belongs to another kecamatan.
const uid = () => crypto.randomUUID().slice(0, 8);
const newToken = () => crypto.randomUUID().replaceAll('-', '');
const VILLAGE_PAGES: Record<string, string> = {
  '64.08.04.1010': '/sangatta-utara/teluk-lingga',
  '64.08.04.2011': '/sangatta-utara/singa-gembara',
  '64.08.04.2012': '/sangatta-utara/swarga-bara',
};

function announce(b: Browser, fields: Record<string, string>, targets: string[] = [], token = newToken()) {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ kind: 'pengumuman', body_md: 'Isi pengumuman uji.', aksi: 'terbitkan', token, ...fields })) fd.append(k, v);
  for (const t of targets) fd.append('fanout_regions', t);
  return b.postMultipart('/admin/konten', fd);
}

async function copiesOf(title: string) {
  const rows = await env.DB.prepare('SELECT id, region_code, status FROM posts WHERE title = ? ORDER BY region_code').bind(title).all<{
    id: string;
    region_code: string;
    status: string;
  }>();
  return rows.results;
}

async function slugOf(id: string): Promise<string> {
  return (await env.DB.prepare('SELECT slug FROM posts WHERE id = ?').bind(id).first<{ slug: string }>())!.slug;
}

async function groupsOf(ids: string[]): Promise<Set<string>> {
  const groups = new Set<string>();
  for (const id of ids) {
    const row = await env.DB.prepare("SELECT json_extract(after_json, '$.group') AS g FROM audit_log WHERE entity_id = ? AND action = 'content.create'")
      .bind(id)
      .first<{ g: string }>();
    groups.add(row!.g);
  }
  return groups;
}

describe('one announcement, many regions', () => {
  it('Diskominfo publishes to 3 villages: one copy each, on each village page, one group, audited', { timeout: 60_000 }, async () => {
    for (const code of Object.keys(VILLAGE_PAGES)) await setStage(code, 'diskominfo');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const form = await (await dk.get('/admin/konten/baru?jenis=pengumuman')).text();
    expect(form).toContain('Terbitkan juga di wilayah lain');
    expect(form).toContain('name="fanout_regions"');
    for (const p of Object.values(VILLAGE_PAGES)) await get(p); // warm the caches: publishing must purge them

    const title = `Pemadaman listrik ${uid()} se-kecamatan`;
    const res = await announce(dk, { title }, Object.keys(VILLAGE_PAGES));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/konten?ok=disebar');
    const copies = await copiesOf(title);
    expect(copies.map((c) => c.region_code)).toEqual(Object.keys(VILLAGE_PAGES).sort());
    expect(copies.every((c) => c.status === 'terbit')).toBe(true);
    expect((await groupsOf(copies.map((c) => c.id))).size).toBe(1);
    for (const c of copies) {
      const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_type = 'post' AND entity_id = ? ORDER BY rowid")
        .bind(c.id)
        .all<{ action: string }>();
      expect(audit.results.map((r) => r.action)).toEqual(['content.create', 'content.publish']);
    }
    // Each village page lists its OWN copy (not just a sibling's, which nearby-posts may show).
    for (const c of copies) {
      const page = VILLAGE_PAGES[c.region_code]!;
      const res = await get(page);
      expect(res.headers.get('X-Cache'), page).toBe('MISS');
      expect(await res.text(), page).toContain(`href="${page}/berita/${await slugOf(c.id)}"`);
    }
    expect(await copiesOf(title).then((cs) => cs.some((c) => c.region_code === '64.08.04.2001'))).toBe(false);
  });

  it("a kecamatan operator targeting another kecamatan's village is refused and nothing is stored", { timeout: 60_000 }, async () => {
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const title = `Pengumuman lintas kecamatan ${uid()}`;
    const res = await announce(kec, { title }, ['64.08.04.2011', '64.08.02.2003']);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('di luar jangkauan Anda');
    expect(await copiesOf(title)).toEqual([]);
    const other = await announce(kec, { title, fanout_kecamatan: '64.08.02' });
    expect(other.status).toBe(422);
    expect(await copiesOf(title)).toEqual([]);
    // Only announcements fan out.
    const news = await announce(kec, { title, kind: 'berita' }, ['64.08.04.2011']);
    expect(news.status).toBe(422);
    expect(await copiesOf(title)).toEqual([]);
  });

  it("each copy follows its region's stage: a kecamatan operator's announcement waits for review", { timeout: 60_000 }, async () => {
    await setStage('64.08.04.1010', 'diskominfo');
    await setStage('64.08.04.2001', 'pendampingan');
    await setStage('64.08.04.2011', 'pendampingan');
    await setStage('64.08.04.2012', 'mandiri');
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const title = `Posyandu serentak ${uid()}`;
    const res = await announce(kec, { title, fanout_kecamatan: '64.08.04' });
    expect(res.status).toBe(303);
    const copies = await copiesOf(title);
    expect(copies.map((c) => c.region_code)).toEqual(['64.08.04.1010', '64.08.04.2001', '64.08.04.2011', '64.08.04.2012']);
    // The kecamatan operator publishes nowhere directly: every copy is submitted to its region's reviewer.
    expect(copies.every((c) => c.status === 'menunggu_tinjauan')).toBe(true);
    for (const p of Object.values(VILLAGE_PAGES)) expect(await (await get(p)).text(), p).not.toContain(title); // nothing live yet
    // It reviews the pendampingan villages (its queue), not the Diskominfo-stage kelurahan.
    const queue = await (await kec.get('/admin/konten/tinjauan')).text();
    expect(queue).toContain(title);
    const pendampingan = copies.find((c) => c.region_code === '64.08.04.2011')!;
    expect((await kec.post(`/admin/konten/${pendampingan.id}/setujui`, {})).status).toBe(303);
    const kelurahan = copies.find((c) => c.region_code === '64.08.04.1010')!;
    expect((await kec.post(`/admin/konten/${kelurahan.id}/setujui`, {})).status).toBe(403);
    // The mandiri village's own operator publishes its copy.
    const desa = await loginAs([['operator_desa', '64.08.04.2012']]);
    const mandiri = copies.find((c) => c.region_code === '64.08.04.2012')!;
    expect((await desa.post(`/admin/konten/${mandiri.id}/terbitkan`, {})).status).toBe(303);
    const after = await copiesOf(title);
    expect(Object.fromEntries(after.map((c) => [c.region_code, c.status]))).toEqual({
      '64.08.04.1010': 'menunggu_tinjauan',
      '64.08.04.2001': 'menunggu_tinjauan',
      '64.08.04.2011': 'terbit',
      '64.08.04.2012': 'terbit',
    });
    expect(await (await get('/sangatta-utara/singa-gembara')).text()).toContain(`href="/sangatta-utara/singa-gembara/berita/${await slugOf(pendampingan.id)}"`);
    expect(await (await get('/sangatta-utara/teluk-lingga')).text()).not.toContain(`href="/sangatta-utara/teluk-lingga/berita/${await slugOf(kelurahan.id)}"`);
  });

  it('a double submit with the same form token creates the copies once', { timeout: 60_000 }, async () => {
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Vaksinasi ${uid()} dua kali kirim`;
    const token = newToken();
    const targets = ['64.08.04.2011', '64.08.04.2012'];
    const [a, b] = await Promise.all([announce(dk, { title }, targets, token), announce(dk, { title }, targets, token)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const again = await announce(dk, { title }, targets, token);
    expect(again.status).toBe(303);
    expect((await copiesOf(title)).length).toBe(2);
    // The same token with a different announcement is a conflict, not a silent success.
    const reused = await announce(dk, { title: `${title} lain` }, targets, token);
    expect(reused.status).toBe(409);
    expect(await copiesOf(`${title} lain`)).toEqual([]);
  });
});
