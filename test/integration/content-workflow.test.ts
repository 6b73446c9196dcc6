import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { createPostAs, postRow, setStage } from '../helpers/content';
import { get } from '../helpers/http';
import { insertPost } from '../helpers/seed';

// Regions: each describe uses its own villages so stages do not interfere.
// 64.08.04 Sangatta Utara: 2012 Swarga Bara, 2011 Singa Gembara, 1010 Teluk Lingga; 64.08.02.2003 Muara Wahau.

const uid = () => crypto.randomUUID().slice(0, 8);

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_type = 'post' AND entity_id = ? ORDER BY rowid")
    .bind(entityId)
    .all<{ action: string }>();
  return rows.results.map((r) => r.action);
}

describe('stage pendampingan: the village drafts, the kecamatan or Diskominfo reviews', () => {
  it('draft → submit → kecamatan approves → visible on the village page and rolled up, all audited', async () => {
    await setStage('64.08.04.2012', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const title = `Kerja bakti ${uid()} di Swarga Bara`;

    // Warm the caches first: approval must purge them.
    for (const p of ['/sangatta-utara/swarga-bara', '/sangatta-utara', '/']) await get(p);

    const id = await createPostAs(op, { region_code: '64.08.04.2012', title, summary: 'Ringkasan kerja bakti.' });
    expect((await postRow(id))!.status).toBe('draft');
    expect(await (await get('/sangatta-utara/swarga-bara')).text()).not.toContain(title);

    // The operator may not publish in pendampingan: 403 with the stage's reason, status unchanged.
    const publish = await op.post(`/admin/konten/${id}/terbitkan`, {});
    expect(publish.status).toBe(403);
    expect(await publish.text()).toContain('perlu ditinjau sebelum terbit');
    expect((await postRow(id))!.status).toBe('draft');

    expect((await op.post(`/admin/konten/${id}/kirim`, {})).status).toBe(303);
    expect((await postRow(id))!.status).toBe('menunggu_tinjauan');

    // A desa operator cannot review (not even its own post).
    expect((await op.post(`/admin/konten/${id}/setujui`, {})).status).toBe(403);
    expect((await postRow(id))!.status).toBe('menunggu_tinjauan');

    // The kecamatan sees it in its queue and approves it.
    const queue = await (await kec.get('/admin/konten/tinjauan')).text();
    expect(queue).toContain(title);
    const approve = await kec.post(`/admin/konten/${id}/setujui`, { note: 'Bagus, terbitkan.' });
    expect(approve.status).toBe(303);
    const row = await postRow(id);
    expect(row!.status).toBe('terbit');
    expect(row!.published_at).toBeLessThanOrEqual(Date.now());

    for (const p of ['/sangatta-utara/swarga-bara', '/sangatta-utara', '/']) {
      const res = await get(p);
      expect(res.headers.get('X-Cache'), p).toBe('MISS');
      expect(await res.text(), p).toContain(title);
    }
    const detail = await get(`/sangatta-utara/swarga-bara/berita/${row!.slug}`);
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain('og:title');
    expect(await auditActions(id)).toEqual(['content.create', 'content.submit', 'content.approve']);
    const fresh = await env.DB.prepare("SELECT code, last_content_update AS t FROM regions WHERE code IN ('64.08.04.2012', '64.08.04', '64.08')").all<{
      code: string;
      t: number;
    }>();
    for (const r of fresh.results) expect(Date.now() - r.t, r.code).toBeLessThan(60_000);
  });

  it('creating with aksi=terbitkan in pendampingan is refused and nothing is stored', async () => {
    await setStage('64.08.04.2012', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const title = `Langsung terbit ${uid()}`;
    const fd = new FormData();
    for (const [k, v] of Object.entries({ region_code: '64.08.04.2012', kind: 'berita', title, body_md: 'Isi.', aksi: 'terbitkan' })) fd.append(k, v);
    const res = await op.postMultipart('/admin/konten', fd);
    expect(res.status).toBe(403);
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM posts WHERE title = ?').bind(title).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it('reject needs a note; the author sees it on the dashboard, edits and resubmits; Diskominfo approves', async () => {
    await setStage('64.08.04.2011', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const dk = await loginAs([['diskominfo', '64.08']]);
    const id = await createPostAs(op, { region_code: '64.08.04.2011', title: `Pasar murah ${uid()}`, aksi: 'kirim' });
    expect((await postRow(id))!.status).toBe('menunggu_tinjauan');

    const home = await (await dk.get('/admin')).text();
    expect(home).toMatch(/\d+ tulisan menunggu tinjauan Anda/);

    const noNote = await dk.post(`/admin/konten/${id}/tolak`, { note: '' });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain('alasan pengembalian');
    expect((await postRow(id))!.status).toBe('menunggu_tinjauan');

    expect((await dk.post(`/admin/konten/${id}/tolak`, { note: 'Tambahkan tanggal dan lokasi pasar.' })).status).toBe(303);
    const rejected = await postRow(id);
    expect(rejected!.status).toBe('ditolak');
    expect(rejected!.review_note).toBe('Tambahkan tanggal dan lokasi pasar.');

    const opHome = await (await op.get('/admin')).text();
    expect(opHome).toContain('1 tulisan Anda dikembalikan peninjau');
    const page = await (await op.get(`/admin/konten/${id}`)).text();
    expect(page).toContain('Tambahkan tanggal dan lokasi pasar.');

    const fd = new FormData();
    for (const [k, v] of Object.entries({ kind: 'berita', title: `Pasar murah hari Sabtu ${uid()}`, body_md: 'Sabtu, di lapangan desa.', aksi: 'kirim' }))
      fd.append(k, v);
    expect((await op.postMultipart(`/admin/konten/${id}`, fd)).status).toBe(303);
    expect((await postRow(id))!.status).toBe('menunggu_tinjauan');
    expect((await dk.post(`/admin/konten/${id}/setujui`, {})).status).toBe(303);
    expect((await postRow(id))!.status).toBe('terbit');
    expect(await auditActions(id)).toEqual(['content.create', 'content.submit', 'content.reject', 'content.update', 'content.submit', 'content.approve']);
  });

  it('a kecamatan reviewer cannot edit a village post, and cannot review a village in mandiri', async () => {
    await setStage('64.08.04.1010', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.1010']]);
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const id = await createPostAs(op, { region_code: '64.08.04.1010', title: `Lomba kebersihan ${uid()}`, aksi: 'kirim' });
    const fd = new FormData();
    for (const [k, v] of Object.entries({ kind: 'berita', title: 'Diubah kecamatan', body_md: 'x' })) fd.append(k, v);
    expect((await kec.postMultipart(`/admin/konten/${id}`, fd)).status).toBe(403);
    await setStage('64.08.04.1010', 'mandiri');
    expect((await kec.post(`/admin/konten/${id}/setujui`, {})).status).toBe(403);
    expect((await postRow(id))!.status).toBe('menunggu_tinjauan');
  });
});

describe('stage mandiri and diskominfo', () => {
  it('mandiri: the operator publishes directly; unpublish removes it on the next request', async () => {
    await setStage('64.08.02.2003', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.02.2003']]);
    const title = `Panen raya ${uid()}`;
    await get('/muara-wahau/muara-wahau/berita');
    const id = await createPostAs(op, { region_code: '64.08.02.2003', title, aksi: 'terbitkan' });
    expect((await postRow(id))!.status).toBe('terbit');
    const list = await get('/muara-wahau/muara-wahau/berita');
    expect(list.headers.get('X-Cache')).toBe('MISS');
    expect(await list.text()).toContain(title);
    expect(await (await get('/muara-wahau')).text()).toContain(title);

    expect((await get('/muara-wahau')).headers.get('X-Cache')).toBe('HIT');
    expect((await op.post(`/admin/konten/${id}/tarik`, {})).status).toBe(303);
    expect((await postRow(id))!.status).toBe('draft');
    expect(await (await get('/muara-wahau')).text()).not.toContain(title);
    expect((await get(`/muara-wahau/muara-wahau/berita/${(await postRow(id))!.slug}`)).status).toBe(404);
  });

  it('editing a published post shows the change on the next request (purge)', async () => {
    await setStage('64.08.02.2003', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.02.2003']]);
    const id = await createPostAs(op, { region_code: '64.08.02.2003', title: `Jalan desa diperbaiki ${uid()}`, aksi: 'terbitkan' });
    const slug = (await postRow(id))!.slug;
    const url = `/muara-wahau/muara-wahau/berita/${slug}`;
    await get(url);
    expect((await get(url)).headers.get('X-Cache')).toBe('HIT');
    const fd = new FormData();
    const newTitle = `Jalan desa selesai diperbaiki ${uid()}`;
    for (const [k, v] of Object.entries({ kind: 'berita', title: newTitle, body_md: 'Perbaikan selesai.' })) fd.append(k, v);
    expect((await op.postMultipart(`/admin/konten/${id}`, fd)).status).toBe(303);
    const res = await get(url); // the slug (URL) stays stable
    expect(res.headers.get('X-Cache')).toBe('MISS');
    expect(await res.text()).toContain(newTitle);
  });

  it('stage diskominfo: the local operator drafts and submits but never publishes; Diskominfo publishes directly', async () => {
    await setStage('64.08.05', 'diskominfo');
    const op = await loginAs([['operator_kecamatan', '64.08.05']]);
    expect((await op.get('/admin/konten/baru')).status).toBe(200);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ region_code: '64.08.05', kind: 'berita', title: 'Tidak boleh langsung terbit', body_md: 'x', aksi: 'terbitkan' }))
      fd.append(k, v);
    expect((await op.postMultipart('/admin/konten', fd)).status).toBe(403);
    const submitted = await createPostAs(op, { region_code: '64.08.05', title: `Usulan kecamatan ${uid()}`, aksi: 'kirim' });
    expect((await postRow(submitted))!.status).toBe('menunggu_tinjauan');
    expect(await (await get('/sangkulirang')).text()).not.toContain('Usulan kecamatan');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Sangkulirang bersih ${uid()}`;
    const id = await createPostAs(dk, { region_code: '64.08.05', title, aksi: 'terbitkan' });
    expect((await postRow(id))!.status).toBe('terbit');
    expect(await (await get('/sangkulirang')).text()).toContain(title);
  });
});

describe('region scope', () => {
  it("another village's post answers 404 to a desa operator, for reading, editing and every action", async () => {
    await setStage('64.08.04.2011', 'mandiri');
    await setStage('64.08.04.2012', 'mandiri');
    const other = await insertPost({ regionCode: '64.08.04.2011', title: `Milik Singa Gembara ${uid()}`, status: 'draft' });
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await op.get(`/admin/konten/${other.id}`)).status).toBe(404);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ kind: 'berita', title: 'Dibajak', body_md: 'x' })) fd.append(k, v);
    expect((await op.postMultipart(`/admin/konten/${other.id}`, fd)).status).toBe(404);
    for (const a of ['kirim', 'setujui', 'tolak', 'terbitkan', 'tarik', 'hapus']) {
      expect((await op.post(`/admin/konten/${other.id}/${a}`, { note: 'catatan uji' })).status, a).toBe(404);
    }
    const list = await (await op.get('/admin/konten')).text();
    expect(list).not.toContain('Milik Singa Gembara');
    // Creating in another region is refused the same way.
    const create = new FormData();
    for (const [k, v] of Object.entries({ region_code: '64.08.04.2011', kind: 'berita', title: 'Menulis di desa lain', body_md: 'x' })) create.append(k, v);
    expect((await op.postMultipart('/admin/konten', create)).status).toBe(404);
    expect((await op.get('/admin/konten/tidak-ada-id')).status).toBe(404);
    expect((await op.get('/admin/konten/%3Cscript%3E')).status).toBe(404);
  });

  it('roles without content rights see no content menu and get 404', async () => {
    const ppid = await loginAs([['ppid', '64.08.04']]);
    expect((await ppid.get('/admin/konten')).status).toBe(404);
    expect(await (await ppid.get('/admin')).text()).not.toContain('href="/admin/konten"');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const nav = await (await dk.get('/admin')).text();
    expect(nav).toContain('href="/admin/konten"');
    expect(nav).toContain('href="/admin/dokumen"');
  });
});

describe('forms', () => {
  it('re-renders 422 with the typed values and Indonesian messages; agenda needs time and place', async () => {
    await setStage('64.08.04.2012', 'pendampingan');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      region_code: '64.08.04.2012',
      kind: 'agenda',
      title: 'Rapat <b>RT</b>',
      body_md: '',
      publish_at: '2026-02-30T10:00',
    }))
      fd.append(k, v);
    const res = await op.postMultipart('/admin/konten', fd);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Isi tulisan tidak boleh kosong.');
    expect(html).toContain('Isi waktu acara untuk agenda.');
    expect(html).toContain('Isi tempat acara untuk agenda.');
    expect(html).toContain('Waktu terbit tidak valid');
    expect(html).toContain('value="Rapat &lt;b&gt;RT&lt;/b&gt;"');
    expect(html).not.toContain('<b>RT</b>');
  });

  it('fixed pages: one per slug and region, shown under /tentang and never under /berita', async () => {
    await setStage('64.08.04.2012', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const id = await createPostAs(op, {
      region_code: '64.08.04.2012',
      kind: 'halaman',
      page_slug: 'maklumat-pelayanan',
      title: 'Maklumat pelayanan desa',
      body_md: 'Kami siap melayani.',
      aksi: 'terbitkan',
    });
    expect((await postRow(id))!.slug).toBe('maklumat-pelayanan');
    const page = await get('/sangatta-utara/swarga-bara/tentang/maklumat-pelayanan');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kami siap melayani.');
    expect(await (await get('/sangatta-utara/swarga-bara/tentang')).text()).toContain('href="/sangatta-utara/swarga-bara/tentang/maklumat-pelayanan"');
    expect((await get('/sangatta-utara/swarga-bara/berita/maklumat-pelayanan')).status).toBe(404);
    expect((await get('/sangatta-utara/swarga-bara/tentang/bukan-halaman')).status).toBe(404);
    // A second page with the same slug is a conflict shown on the form.
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      region_code: '64.08.04.2012',
      kind: 'halaman',
      page_slug: 'maklumat-pelayanan',
      title: 'Maklumat kedua',
      body_md: 'x',
    }))
      fd.append(k, v);
    const dup = await op.postMultipart('/admin/konten', fd);
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('sudah ada');
    // A news post titled like a fixed page never takes its slug.
    const news = await createPostAs(op, { region_code: '64.08.04.2012', title: 'Kontak' + ' '.repeat(3) + 'darurat', aksi: 'simpan' });
    expect((await postRow(news))!.slug).toBe('kontak-darurat');
    const news2 = await createPostAs(op, { region_code: '64.08.04.2012', title: 'Profil!', body_md: 'x' });
    expect((await postRow(news2))!.slug).toBe('profil-2');
    const news3 = await createPostAs(op, { region_code: '64.08.04.2012', title: 'PROFIL', body_md: 'x' });
    expect((await postRow(news3))!.slug).toBe('profil-3');
  });
});
