import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs, type Browser } from '../helpers/auth';
import { jpegFile } from '../helpers/complaints';
import { multipart, setStage } from '../helpers/content';
import { get } from '../helpers/http';

// One announcement, many regions, after creation (src/features/content/fan-out-group.ts): one edit changes every copy.
// Kecamatan 64.08.04 Sangatta Utara: 2011 Singa Gembara, 2012 Swarga Bara, 1010 Teluk Lingga (kelurahan).
const uid = () => crypto.randomUUID().slice(0, 8);
const PAGES: Record<string, string> = {
  '64.08.04.1010': '/sangatta-utara/teluk-lingga',
  '64.08.04.2011': '/sangatta-utara/singa-gembara',
  '64.08.04.2012': '/sangatta-utara/swarga-bara',
};

interface Copy {
  id: string;
  region_code: string;
  status: string;
  title: string;
  body_md: string;
  fan_out_group: string | null;
  cover_key: string | null;
  deleted_at: number | null;
}

async function announce(b: Browser, title: string, targets: string[]): Promise<Copy[]> {
  const fd = multipart({ kind: 'pengumuman', title, body_md: 'Isi pengumuman awal.', aksi: 'terbitkan', token: crypto.randomUUID().replaceAll('-', '') });
  for (const t of targets) fd.append('fanout_regions', t);
  const res = await b.postMultipart('/admin/konten', fd);
  expect(res.status, await res.clone().text()).toBe(303);
  return copiesOf(title);
}

async function copiesOf(title: string): Promise<Copy[]> {
  const rows = await env.DB.prepare('SELECT * FROM posts WHERE title = ? ORDER BY region_code').bind(title).all<Copy>();
  return rows.results;
}

const rowOf = (id: string) => env.DB.prepare('SELECT * FROM posts WHERE id = ?').bind(id).first<Copy>();

function edit(b: Browser, id: string, fields: Record<string, string>, files: Record<string, File> = {}) {
  return b.postMultipart(`/admin/konten/${id}`, multipart({ kind: 'pengumuman', aksi: 'simpan', ...fields }, files));
}

async function auditActions(id: string): Promise<string[]> {
  const rows = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_type = 'post' AND entity_id = ? ORDER BY rowid")
    .bind(id)
    .all<{ action: string }>();
  return rows.results.map((r) => r.action);
}

describe('a shared announcement stays one announcement', () => {
  it('an edit by Diskominfo changes every copy in one step, purges each village page and is audited per copy', { timeout: 90_000 }, async () => {
    for (const code of Object.keys(PAGES)) await setStage(code, 'diskominfo');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Pemadaman bergilir ${uid()}`;
    const copies = await announce(dk, title, Object.keys(PAGES));
    expect(copies.length).toBe(3);
    expect(new Set(copies.map((c) => c.fan_out_group)).size).toBe(1);
    expect(copies[0]!.fan_out_group).not.toBeNull();

    const editor = await (await dk.get(`/admin/konten/${copies[1]!.id}`)).text();
    expect(editor).toContain('Pengumuman ini tampil di 3 wilayah — perubahan berlaku untuk semua');
    expect(editor).toContain('Teluk Lingga');
    expect(editor).toContain('Swarga Bara');
    for (const p of Object.values(PAGES)) expect(await (await get(p)).text(), p).toContain(title); // caches warm

    const newTitle = `${title} (jadwal baru)`;
    const res = await edit(dk, copies[1]!.id, { title: newTitle, body_md: 'Jadwal pemadaman diubah menjadi Sabtu.' });
    expect(res.status).toBe(303);
    const after = await copiesOf(newTitle);
    expect(after.map((c) => c.region_code)).toEqual(Object.keys(PAGES).sort());
    expect(after.every((c) => c.status === 'terbit' && c.body_md === 'Jadwal pemadaman diubah menjadi Sabtu.')).toBe(true);
    for (const c of after) expect(await auditActions(c.id)).toEqual(['content.create', 'content.publish', 'content.update']);
    for (const p of Object.values(PAGES)) {
      const page = await get(p);
      expect(page.headers.get('X-Cache'), p).toBe('MISS');
      expect(await page.text(), p).toContain(newTitle);
    }
  });

  it('a new cover set on one copy shows on every copy', { timeout: 90_000 }, async () => {
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Vaksin keliling ${uid()}`;
    const copies = await announce(dk, title, ['64.08.04.2011', '64.08.04.2012']);
    const res = await edit(dk, copies[0]!.id, { title, body_md: 'Isi.', cover_alt: 'Petugas vaksin' }, { cover: jpegFile('vaksin.jpg', 800, 600) });
    expect(res.status, await res.clone().text()).toBe(303);
    const after = await copiesOf(title);
    expect(after[0]!.cover_key).not.toBeNull();
    expect(after[1]!.cover_key).toBe(after[0]!.cover_key);
    // Removing it from one copy removes it everywhere; the shared files go once nobody shows them.
    expect((await edit(dk, copies[1]!.id, { title, body_md: 'Isi.', remove_cover: '1' })).status).toBe(303);
    expect((await copiesOf(title)).every((c) => c.cover_key === null)).toBe(true);
    const left = await env.FILES.list({ prefix: after[0]!.cover_key! });
    expect(left.objects.length).toBe(0);
  });

  it("review stages hold: an officer who may not publish in a region sends that region's live copy back to review", { timeout: 90_000 }, async () => {
    await setStage('64.08.04.2011', 'pendampingan');
    await setStage('64.08.04.2012', 'mandiri');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Lomba desa ${uid()}`;
    const copies = await announce(dk, title, ['64.08.04.2011', '64.08.04.2012']);
    expect(copies.every((c) => c.status === 'terbit')).toBe(true);
    // The kecamatan operator reaches both villages but publishes in neither: both copies go to review, off the site.
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const editor = await (await kec.get(`/admin/konten/${copies[0]!.id}`)).text();
    expect(editor).toContain('perubahan berlaku untuk semua');
    expect(editor).toContain('dikirim ulang ke peninjau');
    const newTitle = `${title} diperbarui`;
    expect((await edit(kec, copies[0]!.id, { title: newTitle, body_md: 'Isi baru.' })).status).toBe(303);
    const after = await copiesOf(newTitle);
    expect(after.map((c) => c.status)).toEqual(['menunggu_tinjauan', 'menunggu_tinjauan']);
    expect(await auditActions(after[1]!.id)).toEqual(['content.create', 'content.publish', 'content.update', 'content.submit']);
    expect(await (await get(PAGES['64.08.04.2012']!)).text()).not.toContain(newTitle);
    // Diskominfo approves one region at a time: review stays per region.
    expect((await dk.post(`/admin/konten/${after[0]!.id}/setujui`, {})).status).toBe(303);
    expect((await rowOf(after[0]!.id))!.status).toBe('terbit');
    expect((await rowOf(after[1]!.id))!.status).toBe('menunggu_tinjauan');
  });

  it('a village operator cannot change the other copies; it detaches its own copy first (audited)', { timeout: 90_000 }, async () => {
    await setStage('64.08.04.2011', 'mandiri');
    await setStage('64.08.04.2012', 'mandiri');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Kerja bakti ${uid()}`;
    const copies = await announce(dk, title, ['64.08.04.2011', '64.08.04.2012']);
    const mine = copies.find((c) => c.region_code === '64.08.04.2012')!;
    const desa = await loginAs([['operator_desa', '64.08.04.2012']]);
    const editor = await (await desa.get(`/admin/konten/${mine.id}`)).text();
    expect(editor).toContain('Anda hanya berwenang atas sebagian');
    expect(editor).toContain('Lepaskan dari pengumuman bersama');
    const refused = await edit(desa, mine.id, { title: `${title} versi desa`, body_md: 'Isi desa.' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Lepaskan dari pengumuman bersama');
    expect((await copiesOf(title)).length).toBe(2); // nothing changed anywhere
    // Another kecamatan's operator does not even see the copy.
    const other = await loginAs([['operator_desa', '64.08.02.2003']]);
    expect((await other.get(`/admin/konten/${mine.id}`)).status).toBe(404);
    expect((await other.post(`/admin/konten/${mine.id}/lepaskan`, {})).status).toBe(404);

    expect(await (await desa.get(`/admin/konten/${mine.id}/lepaskan`)).text()).toContain('Lepaskan “');
    expect((await desa.post(`/admin/konten/${mine.id}/lepaskan`, {})).status).toBe(303);
    expect((await rowOf(mine.id))!.fan_out_group).toBeNull();
    expect(await auditActions(mine.id)).toContain('content.detach');
    expect((await edit(desa, mine.id, { title: `${title} versi desa`, body_md: 'Isi desa.' })).status).toBe(303);
    expect((await rowOf(mine.id))!.title).toBe(`${title} versi desa`);
    // The regency's next edit no longer touches the detached copy.
    const theirs = copies.find((c) => c.region_code === '64.08.04.2011')!;
    expect((await edit(dk, theirs.id, { title: `${title} final`, body_md: 'Isi final.' })).status).toBe(303);
    expect((await rowOf(theirs.id))!.title).toBe(`${title} final`);
    expect((await rowOf(mine.id))!.title).toBe(`${title} versi desa`);
  });

  it('delete asks first and removes every copy; one restore brings them all back as drafts', { timeout: 90_000 }, async () => {
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Pasar murah ${uid()}`;
    const copies = await announce(dk, title, Object.keys(PAGES));
    for (const p of Object.values(PAGES)) expect(await (await get(p)).text()).toContain(title);
    const confirm = await (await dk.get(`/admin/konten/${copies[0]!.id}/hapus`)).text();
    expect(confirm).toContain('dari 3 wilayah?');
    expect(confirm).toContain('Ya, hapus dari 3 wilayah');
    const res = await dk.post(`/admin/konten/${copies[0]!.id}/hapus`, {});
    expect(res.status).toBe(303);
    const gone = await copiesOf(title);
    expect(gone.every((c) => c.deleted_at !== null && c.status === 'draft' && c.fan_out_group === copies[0]!.fan_out_group)).toBe(true);
    for (const c of gone) expect(await auditActions(c.id)).toEqual(['content.create', 'content.publish', 'content.unpublish', 'content.delete']);
    for (const p of Object.values(PAGES)) expect(await (await get(p)).text(), p).not.toContain(title);

    expect((await dk.post(`/admin/konten/${copies[2]!.id}/pulihkan`, {})).status).toBe(303);
    const back = await copiesOf(title);
    expect(back.every((c) => c.deleted_at === null && c.status === 'draft')).toBe(true);
    // Published again with one press: every copy.
    expect((await edit(dk, back[0]!.id, { title, body_md: 'Isi.', aksi: 'terbitkan' })).status).toBe(303);
    expect((await copiesOf(title)).every((c) => c.status === 'terbit')).toBe(true);
  });

  it('a village operator deleting its copy deletes only that copy and detaches it', { timeout: 90_000 }, async () => {
    await setStage('64.08.04.2012', 'mandiri');
    const dk = await loginAs([['diskominfo', '64.08']]);
    const title = `Imunisasi ${uid()}`;
    const copies = await announce(dk, title, ['64.08.04.2011', '64.08.04.2012']);
    const mine = copies.find((c) => c.region_code === '64.08.04.2012')!;
    const desa = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await desa.post(`/admin/konten/${mine.id}/tarik`, {})).status).toBe(303);
    expect(await (await desa.get(`/admin/konten/${mine.id}/hapus`)).text()).toContain('dari wilayah ini saja?');
    expect((await desa.post(`/admin/konten/${mine.id}/hapus`, {})).status).toBe(303);
    const after = await copiesOf(title);
    const theirs = after.find((c) => c.region_code === '64.08.04.2011')!;
    expect(theirs.deleted_at).toBeNull();
    expect(theirs.status).toBe('terbit');
    const deleted = after.find((c) => c.id === mine.id)!;
    expect(deleted.deleted_at).not.toBeNull();
    expect(deleted.fan_out_group).toBeNull();
  });
});
