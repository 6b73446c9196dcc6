import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { createPostAs, fileOf, multipart, pdfBytes, postRow, setStage } from '../helpers/content';
import { get } from '../helpers/http';
import { insertPlace } from '../helpers/geo';

/** Confirmation before deleting, soft delete into a trash, undo and restore (as a draft) for posts, documents, places. */
const DESA = '64.08.04.2012';
const OTHER_DESA = '64.08.05.2001';
const uid = () => crypto.randomUUID().slice(0, 8);

describe('posts: confirm, trash, undo', () => {
  it('asks first (own page, or the panel alone for htmx), moves to the trash, offers undo and restores as a draft', { timeout: 60_000 }, async () => {
    await setStage(DESA, 'pendampingan');
    const op = await loginAs([['operator_desa', DESA]]);
    const title = `Kerja bakti ${uid()}`;
    const id = await createPostAs(op, { region_code: DESA, title, aksi: 'kirim' });
    expect((await postRow(id))?.status).toBe('menunggu_tinjauan');

    // The editor offers a link that asks first, never a one-click delete button.
    const editor = await (await op.get(`/admin/konten/${id}`)).text();
    expect(editor).toContain(`href="/admin/konten/${id}/hapus"`);
    expect(editor).toContain(`hx-get="/admin/konten/${id}/hapus"`);
    expect(editor).not.toMatch(new RegExp(`<form[^>]+action="/admin/konten/${id}/hapus"`));

    const page = await op.get(`/admin/konten/${id}/hapus`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1 id="confirm-question">');
    expect(html).toContain('Ya, hapus tulisan');
    expect(html).toContain(`action="/admin/konten/${id}/hapus"`);
    const fragment = await (await op.get(`/admin/konten/${id}/hapus`, { 'HX-Request': 'true' })).text();
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain('<h2 id="confirm-question">');

    const del = await op.post(`/admin/konten/${id}/hapus`, {});
    expect(del.status).toBe(303);
    expect(del.headers.get('Location')).toBe(`/admin/konten?ok=dihapus&urungkan=${id}`);
    const row = await env.DB.prepare('SELECT status, deleted_at, deleted_by FROM posts WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ status: 'draft', deleted_by: op.userId });
    expect(row?.deleted_at).not.toBeNull();

    // Gone from the editor, the list and the reviewer's queue; the list shows the undo button.
    expect((await op.get(`/admin/konten/${id}`)).status).toBe(404);
    const list = await (await op.get(del.headers.get('Location')!)).text();
    expect(list).not.toContain(`/admin/konten/${id}"`);
    expect(list).toContain(`action="/admin/konten/${id}/pulihkan"`);
    expect(list).toContain('Urungkan');
    const reviewer = await loginAs([['diskominfo', '64.08']]);
    expect(await (await reviewer.get('/admin/konten/tinjauan')).text()).not.toContain(title);

    // The trash lists it; restoring brings it back as a draft, audited.
    const trash = await (await op.get('/admin/konten/sampah')).text();
    expect(trash).toContain(title);
    const restored = await op.post(`/admin/konten/${id}/pulihkan`, {});
    expect(restored.status).toBe(303);
    expect(await postRow(id)).toMatchObject({ status: 'draft', title });
    expect(await (await op.get('/admin/konten/sampah')).text()).not.toContain(title);
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_id = ? AND action IN ('content.delete','content.restore') ORDER BY id")
      .bind(id)
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(['content.delete', 'content.restore']);
    // A second restore is not possible (it is no longer in the trash).
    expect((await op.post(`/admin/konten/${id}/pulihkan`, {})).status).toBe(404);
  });

  it('another region’s operator can neither see the confirmation nor restore (404); a published post must be unpublished first', async () => {
    await setStage(DESA, 'mandiri');
    const op = await loginAs([['operator_desa', DESA]]);
    const other = await loginAs([['operator_desa', OTHER_DESA]]);
    const id = await createPostAs(op, { region_code: DESA, title: `Terbit ${uid()}`, aksi: 'terbitkan' });
    expect((await other.get(`/admin/konten/${id}/hapus`)).status).toBe(404);
    expect((await op.post(`/admin/konten/${id}/hapus`, {})).status).toBe(409);
    expect((await op.post(`/admin/konten/${id}/tarik`, {})).status).toBe(303);
    expect((await op.post(`/admin/konten/${id}/hapus`, {})).status).toBe(303);
    expect((await other.post(`/admin/konten/${id}/pulihkan`, {})).status).toBe(404);
    expect(await (await other.get('/admin/konten/sampah')).text()).not.toContain(id);
    expect((await op.post(`/admin/konten/${id}/pulihkan`, {})).status).toBe(303);
  });
});

describe('documents and places: trash and restore', () => {
  it('a deleted published document leaves the site, waits in the trash and comes back as a draft with its versions', { timeout: 60_000 }, async () => {
    await setStage(DESA, 'mandiri');
    const op = await loginAs([['operator_desa', DESA]]);
    const title = `SOP ${uid()}`;
    const up = await op.postMultipart(
      '/admin/dokumen',
      multipart(
        {
          region_code: DESA,
          title,
          category: 'sop',
          year: '2026',
          description: 'Uji.',
          info_category: 'setiap_saat',
          responsible_unit: 'Sekretaris Desa',
          retention_period: '5 tahun',
          aksi: 'terbitkan',
        },
        { file: fileOf(pdfBytes('x'), 'x.pdf') },
      ),
    );
    const id = /^\/admin\/dokumen\/([0-9A-Z]{26})\?/.exec(up.headers.get('Location') ?? '')![1]!;
    const confirm = await (await op.get(`/admin/dokumen/${id}/hapus`)).text();
    expect(confirm).toContain('hilang dari situs publik');
    const del = await op.post(`/admin/dokumen/${id}/hapus`, {});
    expect(del.headers.get('Location')).toBe(`/admin/dokumen?ok=dihapus&urungkan=${id}`);
    expect(await (await op.get(del.headers.get('Location')!)).text()).toContain(`/admin/dokumen/${id}/pulihkan`);
    expect((await get(`/sangatta-utara/swarga-bara/dokumen/${id}`)).status).toBe(404);
    expect(await (await op.get('/admin/dokumen/sampah')).text()).toContain(title);
    expect((await op.post(`/admin/dokumen/${id}/pulihkan`, {})).status).toBe(303);
    const row = await env.DB.prepare('SELECT status, deleted_at, current_version FROM documents WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ status: 'draft', deleted_at: null, current_version: 1 });
    // Restored as a draft: not public until published again.
    expect((await get(`/sangatta-utara/swarga-bara/dokumen/${id}`)).status).toBe(404);
  });

  it('a deleted place leaves the map and can be restored as a draft; the trash of another region does not show it', async () => {
    const { id } = await insertPlace({ regionCode: DESA, name: `Posyandu ${uid()}`, lat: 0.579, lng: 117.488, category: 'pasar' });
    const admin = await loginAs([['diskominfo', '64.08']]);
    const other = await loginAs([['operator_desa', OTHER_DESA]]);
    expect((await admin.post(`/admin/tempat/${id}/hapus`, {})).status).toBe(303);
    expect(await (await other.get('/admin/tempat/sampah')).text()).not.toContain(id);
    expect((await other.post(`/admin/tempat/${id}/pulihkan`, {})).status).toBe(404);
    expect(await (await admin.get('/admin/tempat/sampah')).text()).toContain(`/admin/tempat/${id}/pulihkan`);
    expect((await admin.post(`/admin/tempat/${id}/pulihkan`, {})).status).toBe(303);
    const row = await env.DB.prepare('SELECT status, deleted_at FROM places WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ status: 'draft', deleted_at: null });
  });
});
