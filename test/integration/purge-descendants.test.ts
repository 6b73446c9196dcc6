import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { drainPendingPurges, purgeRegionPages } from '../../src/cache/purge';
import { createDb } from '../../src/db/client';
import { loginAs } from '../helpers/auth';
import { createPostAs, setStage } from '../helpers/content';
import { get } from '../helpers/http';
import { insertPost } from '../helpers/seed';

// 64.08.04 Sangatta Utara: villages Swarga Bara (2012) and Singa Gembara (2011) have no posts of their own here, so
// their pages show the kecamatan's news ("Dari Kecamatan Sangatta Utara"). 64.08.02 Muara Wahau is another kecamatan.
const VILLAGES = ['/sangatta-utara/swarga-bara', '/sangatta-utara/singa-gembara', '/sangatta-utara/swarga-bara/berita'];
const ELSEWHERE = '/muara-wahau';
const uid = () => crypto.randomUUID().slice(0, 8);
const deps = () => ({ db: createDb(env.DB), env });

async function warm(paths: string[]) {
  for (const p of paths) await get(p);
  for (const p of paths) expect((await get(p)).headers.get('X-Cache'), p).toBe('HIT');
}

describe('a change shown on descendant pages purges them too', () => {
  it('a kecamatan publishes and edits news: the village pages showing it "from the parent" are fresh at once', { timeout: 30_000 }, async () => {
    await setStage('64.08.04', 'mandiri');
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    await warm([...VILLAGES, ELSEWHERE]);

    const title = `Vaksinasi kecamatan ${uid()}`;
    const id = await createPostAs(kec, { region_code: '64.08.04', title, summary: 'Jadwal vaksinasi.', aksi: 'terbitkan' });
    for (const p of VILLAGES) {
      const res = await get(p);
      expect(res.headers.get('X-Cache'), p).toBe('MISS');
      const html = await res.text();
      expect(html, p).toContain('Dari Kecamatan Sangatta Utara');
      expect(html, p).toContain(title);
    }
    // Another kecamatan's pages do not show it and keep their cache entry.
    expect((await get(ELSEWHERE)).headers.get('X-Cache')).toBe('HIT');

    // Editing the published post (updatePost) refreshes the villages again.
    await warm(VILLAGES);
    const renamed = `${title} diubah`;
    const fd = new FormData();
    for (const [k, v] of Object.entries({ region_code: '64.08.04', kind: 'berita', title: renamed, summary: 'Jadwal vaksinasi.', body_md: 'Isi.' }))
      fd.append(k, v);
    expect((await kec.postMultipart(`/admin/konten/${id}`, fd)).status).toBe(303);
    for (const p of VILLAGES) expect(await (await get(p)).text(), p).toContain(renamed);
  });

  it('a kecamatan’s fixed page (shown on its own site only) leaves the village entries cached', { timeout: 30_000 }, async () => {
    await setStage('64.08.04', 'mandiri');
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    await warm(['/sangatta-utara', ...VILLAGES]);
    await createPostAs(kec, { region_code: '64.08.04', kind: 'halaman', page_slug: 'visi-misi', title: 'Visi dan misi', aksi: 'terbitkan' });
    expect((await get('/sangatta-utara')).headers.get('X-Cache')).toBe('MISS');
    for (const p of VILLAGES) expect((await get(p)).headers.get('X-Cache'), p).toBe('HIT');
  });

  it('the regency’s news reaches every village; a village change never purges its siblings', async () => {
    await warm([...VILLAGES, ELSEWHERE]);
    const ownTitle = `Kabar desa ${uid()}`;
    await insertPost({ regionCode: '64.08.04.2012', title: ownTitle, purge: false });
    await purgeRegionPages(deps(), '64.08.04.2012', null, { shownBelow: true }); // a village has no descendants
    expect((await get('/sangatta-utara/singa-gembara')).headers.get('X-Cache')).toBe('HIT');
    expect(await (await get('/sangatta-utara/swarga-bara')).text()).toContain(ownTitle);

    await warm([...VILLAGES, ELSEWHERE]);
    const regencyTitle = `Kabar kabupaten ${uid()}`;
    await insertPost({ regionCode: '64.08', title: regencyTitle, purge: false });
    await purgeRegionPages(deps(), '64.08', null, { shownBelow: true });
    for (const p of ['/sangatta-utara/singa-gembara', ELSEWHERE]) {
      const res = await get(p);
      expect(res.headers.get('X-Cache'), p).toBe('MISS');
      expect(await res.text(), p).toContain(regencyTitle);
    }
  });

  it('a deferred purge is drained with the descendants', async () => {
    await warm(VILLAGES);
    await env.DB.prepare(
      "INSERT INTO pending_purges (region_code, first_failed_at, last_failed_at, attempts, last_error) VALUES ('64.08.04', 1, 1, 1, 'KV down')",
    ).run();
    expect((await drainPendingPurges(deps())).purged).toBeGreaterThanOrEqual(1);
    for (const p of VILLAGES) expect((await get(p)).headers.get('X-Cache'), p).toBe('MISS');
  });
});
