// Places (tempat): admin CRUD with the out-of-region refusal, photos (images only, sniffed), scope (404 outside the
// operator's regions, 403 where the policy forbids), audit and page purge; the demo places lie inside their regions.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLACES } from '../../scripts/lib/demo-places.mjs';
import { pointInGeometry, pointWithinRegion } from '../../src/lib/geometry';
import { loginAs, type Browser } from '../helpers/auth';
import { get } from '../helpers/http';
import { FAR_POINT, insertPlace, regionGeo, SWARGA_BARA_POINT } from '../helpers/geo';

const DESA_CODE = '64.08.04.2012';
const DESA = '/sangatta-utara/swarga-bara';
const PNG_1X1: Uint8Array<ArrayBuffer> = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

function placeForm(fields: Record<string, string>, photo?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }): FormData {
  const form = new FormData();
  const defaults = {
    region_code: DESA_CODE,
    name: 'Balai Pertemuan Uji',
    category: 'kantor',
    lat: String(SWARGA_BARA_POINT.lat),
    lng: String(SWARGA_BARA_POINT.lng),
    address: '',
    opening_hours: '',
    contact: '',
    description: '',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...fields })) form.set(k, v);
  if (photo) form.set('photo', new File([photo.bytes as Uint8Array<ArrayBuffer>], photo.name, { type: photo.type }));
  return form;
}

async function placeRow(id: string) {
  return env.DB.prepare('SELECT * FROM places WHERE id = ?').bind(id).first<Record<string, unknown>>();
}
async function placeByName(name: string) {
  return env.DB.prepare('SELECT * FROM places WHERE name = ?')
    .bind(name)
    .first<{ id: string; photo_key: string | null; region_code: string; lat: number; lng: number }>();
}
async function auditOf(action: string, entityId: string) {
  return env.DB.prepare('SELECT * FROM audit_log WHERE action = ? AND entity_id = ?')
    .bind(action, entityId)
    .first<{ summary: string; before_json: string | null; after_json: string | null; region_code: string }>();
}

let operator: Browser;
beforeAll(async () => {
  await env.DB.prepare("UPDATE regions SET stage = 'pendampingan' WHERE code IN ('64.08.04.2012', '64.08.02.2003')").run();
  operator = await loginAs([['operator_desa', DESA_CODE]]);
});

describe('demo places', () => {
  it('lie inside their regions (well away from the edge) in existing categories', async () => {
    expect(DEMO_PLACES.length).toBeGreaterThanOrEqual(8);
    const categories = new Set((await env.DB.prepare('SELECT code FROM place_categories').all<{ code: string }>()).results.map((r) => r.code));
    for (const [id, region, category, , lat, lng] of DEMO_PLACES) {
      const { boundary } = await regionGeo(region);
      expect(pointInGeometry([lng, lat], boundary), id).toBe(true);
      expect(categories.has(category), id).toBe(true);
    }
    expect(new Set(DEMO_PLACES.map((p) => p[1]))).toEqual(new Set(['64.08.04.2012', '64.08.04']));
  });
});

describe('admin: create a place', () => {
  it('shows the form with the operator’s region preset, the map picker hook and maplibre', async () => {
    const res = await operator.get('/admin/tempat/baru');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain(`<option value="${DESA_CODE}" selected="">Desa Swarga Bara (${DESA_CODE})</option>`);
    expect(html).not.toContain('64.08.02.2003');
    expect(html).toContain('id="peta-pilih"');
    expect(html).toContain('data-pilih-lat="f-lat"');
    expect(html).toMatch(/<script src="\/vendor\/maplibre-gl\.js/);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<label for="f-lat">Lintang (latitude)</label>');
  });

  it('creates a place inside the boundary: audited, on the map page at once (cache purged)', async () => {
    for (const path of [`${DESA}/peta`, '/sangatta-utara/peta', '/sangatta-utara']) {
      await (await get(path)).text();
      expect((await get(path)).headers.get('X-Cache'), path).toBe('HIT');
    }
    // Pendampingan: the village submits, the place is not public until a reviewer approves it.
    const direct = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Langsung Terbit', aksi: 'terbitkan' }));
    expect(direct.status).toBe(403);
    expect(await placeByName('Langsung Terbit')).toBeNull();
    const res = await operator.postMultipart(
      '/admin/tempat',
      placeForm({ name: 'Balai Warga <b>Uji</b>', contact: '0812-RAHASIA', address: 'Jl. Uji 7', lat: '0,5880', lng: '117,4850', aksi: 'kirim' }),
    );
    expect(res.status).toBe(303);
    const row = await placeByName('Balai Warga <b>Uji</b>');
    expect(res.headers.get('Location')).toBe(`/admin/tempat/${row!.id}?ok=dikirim`);
    for (const path of [`${DESA}/peta`, '/sangatta-utara/peta', '/api/v1/places?region=64.08.04.2012&limit=1000']) {
      expect(await (await get(path)).text(), path).not.toContain('Balai Warga');
    }
    const reviewer = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect(await (await reviewer.get('/admin')).text()).toContain('tempat menunggu tinjauan Anda');
    expect((await reviewer.post(`/admin/tempat/${row!.id}/setujui`, {})).status).toBe(303);
    expect(row).toMatchObject({ region_code: DESA_CODE, lat: 0.588, lng: 117.485 });
    const audit = await auditOf('place.create', row!.id);
    expect(audit?.summary).toContain('Desa Swarga Bara');
    expect(audit?.region_code).toBe(DESA_CODE);
    expect(`${audit?.after_json}${audit?.summary}`).not.toContain('RAHASIA'); // contact details stay out of the log
    const page = await get(`${DESA}/peta`);
    expect(page.headers.get('X-Cache')).toBe('MISS');
    const html = await page.text();
    expect(html).toContain('Balai Warga &lt;b&gt;Uji&lt;/b&gt;');
    for (const path of ['/sangatta-utara/peta', '/sangatta-utara']) {
      const parent = await get(path); // the kecamatan map rolls up its villages' places
      expect(parent.headers.get('X-Cache'), path).toBe('MISS');
      expect(await parent.text(), path).toContain('Balai Warga &lt;b&gt;Uji&lt;/b&gt;');
    }
    expect((await placeRow(row!.id))?.status).toBe('terbit');
    expect(await auditOf('place.approve', row!.id)).not.toBeNull();
    const list = await (await operator.get('/admin/tempat')).text();
    expect(list).toContain(`href="/admin/tempat/${row!.id}"`);
  });

  it('refuses a point outside the region with a clear Indonesian message and keeps the typed values', async () => {
    const res = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Salah Tempat', lat: String(FAR_POINT.lat), lng: String(FAR_POINT.lng) }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/Titik 1,05, 116,85 berada di luar batas Desa Swarga Bara \(sekitar [\d,]+ km dari batas wilayah\)/);
    expect(html).toContain('href="#f-lat"');
    expect(html).toContain('value="Salah Tempat"');
    expect(html).toContain('value="116.85"');
    expect(await placeByName('Salah Tempat')).toBeNull();
  });

  it('accepts a point just outside the simplified boundary (200 m tolerance) but not 1 km out', async () => {
    const { boundary } = await regionGeo(DESA_CODE);
    const ring = boundary.type === 'Polygon' ? boundary.coordinates[0]! : boundary.coordinates[0]![0]!;
    const [lng0, lat0] = ring[0]!;
    const dLat = 1 / 111_320;
    let near: [number, number] | null = null;
    let far: [number, number] | null = null;
    for (const [dx, dy] of [
      [0, 1],
      [0, -1],
      [1, 0],
      [-1, 0],
    ] as const) {
      const n: [number, number] = [lng0 + dx * 100 * dLat, lat0 + dy * 100 * dLat];
      const f: [number, number] = [lng0 + dx * 1000 * dLat, lat0 + dy * 1000 * dLat];
      if (!near && !pointInGeometry(n, boundary)) near = n;
      if (!far && !pointWithinRegion(f, boundary, 200)) far = f;
    }
    expect(near && far).toBeTruthy();
    const ok = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Di Tepi Batas', lat: String(near![1]), lng: String(near![0]) }));
    expect(ok.status).toBe(303);
    const refused = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Jauh Di Luar', lat: String(far![1]), lng: String(far![0]) }));
    expect(refused.status).toBe(422);
  });

  it('validates the fields in Indonesian (empty, unknown category, bad numbers, too long)', async () => {
    const res = await operator.postMultipart('/admin/tempat', placeForm({ name: '', category: 'bandara', lat: 'abc', lng: '', description: 'x'.repeat(1001) }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Nama tempat wajib diisi');
    expect(html).toContain('Lintang harus angka antara -90 dan 90.');
    expect(html).toContain('Bujur harus angka antara -180 dan 180.');
    expect(html).toContain('Keterangan maksimal 1000 karakter.');
    const cat = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Kategori Aneh', category: 'bandara' }));
    expect(cat.status).toBe(422);
    expect(await cat.text()).toContain('Pilih kategori tempat dari daftar.');
    const outOfRange = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Tertukar', lat: '117.48', lng: '0.58' }));
    expect(outOfRange.status).toBe(422);
  });
});

describe('admin: photos', () => {
  it('stores an image under public/places/ (served by /media/) and refuses non-images by their bytes', async () => {
    const ok = await operator.postMultipart('/admin/tempat', placeForm({ name: 'Tempat Berfoto' }, { bytes: PNG_1X1, name: 'foto.png', type: 'image/png' }));
    expect(ok.status).toBe(303);
    const row = await placeByName('Tempat Berfoto');
    expect(row?.photo_key).toMatch(/^public\/places\/[A-Za-z0-9]{24}$/); // the pipeline's base
    const media = await get(`/media/${row!.photo_key}/article`, { Accept: 'image/webp,*/*' });
    expect(media.status).toBe(200);
    expect(media.headers.get('Content-Type')).toBe('image/webp');
    expect((await get(`/media/${row!.photo_key}/original.png`)).status).toBe(404); // originals are never served

    const fake = await operator.postMultipart(
      '/admin/tempat',
      placeForm({ name: 'Foto Palsu' }, { bytes: new TextEncoder().encode('<script>alert(1)</script>'), name: 'foto.jpg', type: 'image/jpeg' }),
    );
    expect(fake.status).toBe(415);
    expect(await fake.text()).toContain('Jenis berkas tidak didukung');
    const svg = await operator.postMultipart(
      '/admin/tempat',
      placeForm({ name: 'Foto SVG' }, { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), name: 'x.svg', type: 'image/svg+xml' }),
    );
    expect(svg.status).toBe(415);
    expect(await placeByName('Foto Palsu')).toBeNull();

    // Removing the photo on edit deletes the R2 object.
    const edit = await operator.postMultipart(`/admin/tempat/${row!.id}`, placeForm({ name: 'Tempat Berfoto', remove_photo: '1' }));
    expect(edit.status).toBe(303);
    expect((await placeRow(row!.id))?.photo_key).toBeNull();
    expect(await env.FILES.head(row!.photo_key!)).toBeNull();
  });
});

describe('admin: edit and delete', () => {
  it('edits a place (audited with before/after) and deletes it after confirmation', async () => {
    const { id } = await insertPlace({ regionCode: DESA_CODE, name: 'Pasar Lama Uji', lat: 0.579, lng: 117.488, category: 'pasar' });
    // A published place changes only through someone who may publish (the village is in pendampingan).
    expect(
      (await operator.postMultipart(`/admin/tempat/${id}`, placeForm({ name: 'Diubah Tanpa Tinjauan', category: 'pasar', lat: '0.579', lng: '117.488' })))
        .status,
    ).toBe(403);
    expect((await operator.post(`/admin/tempat/${id}/hapus`, {})).status).toBe(403);
    const admin = await loginAs([['diskominfo', '64.08']]);
    const form = await (await admin.get(`/admin/tempat/${id}`)).text();
    expect(form).toContain('value="Pasar Lama Uji"');
    expect(form).toContain('value="0.579"');
    const res = await admin.postMultipart(`/admin/tempat/${id}`, placeForm({ name: 'Pasar Baru Uji', category: 'pasar', lat: '0.579', lng: '117.488' }));
    expect(res.status).toBe(303);
    expect((await placeRow(id))?.name).toBe('Pasar Baru Uji');
    const audit = await auditOf('place.update', id);
    expect(JSON.parse(audit!.before_json!).name).toBe('Pasar Lama Uji');
    expect(JSON.parse(audit!.after_json!).name).toBe('Pasar Baru Uji');

    const moved = await admin.postMultipart(
      `/admin/tempat/${id}`,
      placeForm({ name: 'Pasar Baru Uji', lat: String(FAR_POINT.lat), lng: String(FAR_POINT.lng) }),
    );
    expect(moved.status).toBe(422);
    expect((await placeRow(id))?.lat).toBe(0.579);

    const confirm = await admin.get(`/admin/tempat/${id}/hapus`);
    expect(await confirm.text()).toContain('Hapus Pasar Baru Uji?');
    const del = await admin.post(`/admin/tempat/${id}/hapus`, {});
    expect(del.status).toBe(303);
    // Soft delete: the row stays in the trash, set back to a draft.
    expect(await placeRow(id)).toMatchObject({ status: 'draft' });
    expect((await placeRow(id))?.deleted_at).not.toBeNull();
    expect((await auditOf('place.delete', id))?.summary).toContain('dihapus');
    expect(await (await get(`${DESA}/peta`)).text()).not.toContain('Pasar Baru Uji');
  });
});

describe('admin: scope and policy', () => {
  it('another region’s place answers 404 to a village operator (view, edit, delete, create there)', async () => {
    const { id } = await insertPlace({ regionCode: '64.08.02.2003', name: 'Kantor Desa Muara Wahau Uji', lat: 1.05, lng: 116.85 });
    expect((await operator.get(`/admin/tempat/${id}`)).status).toBe(404);
    expect((await operator.get(`/admin/tempat/${id}/hapus`)).status).toBe(404);
    expect((await operator.postMultipart(`/admin/tempat/${id}`, placeForm({ name: 'Dibajak' }))).status).toBe(404);
    expect((await operator.post(`/admin/tempat/${id}/hapus`, {})).status).toBe(404);
    expect(await placeRow(id)).not.toBeNull();
    const create = await operator.postMultipart(
      '/admin/tempat',
      placeForm({ region_code: '64.08.02.2003', name: 'Bukan Wilayahku', lat: '1.05', lng: '116.85' }),
    );
    expect(create.status).toBe(404);
    expect(await (await operator.get('/admin/tempat')).text()).not.toContain('Kantor Desa Muara Wahau Uji');
    expect((await operator.get('/admin/tempat/..%2F..%2Fadmin')).status).toBe(404);
  });

  it('403 where the policy forbids; no menu and 404 for roles without places; Diskominfo everywhere', async () => {
    const { id } = await insertPlace({ regionCode: DESA_CODE, name: 'Milik Desa', lat: 0.5854, lng: 117.4807 });
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const review = await kec.get(`/admin/tempat/${id}`); // the kecamatan operator reviews, never edits a village
    expect(review.status).toBe(200);
    expect(await review.text()).not.toContain('name="aksi"');
    expect((await kec.postMultipart(`/admin/tempat/${id}`, placeForm({ name: 'Diubah Kecamatan' }))).status).toBe(403);
    const ppid = await loginAs([['ppid', '64.08.04']]);
    expect((await ppid.get('/admin/tempat')).status).toBe(404);
    expect(await (await ppid.get('/admin')).text()).not.toContain('href="/admin/tempat"');
    // Stage diskominfo: the village prepares and submits; only Diskominfo publishes.
    const diskominfoStage = await loginAs([['operator_desa', '64.08.04.2011']]);
    expect((await diskominfoStage.get('/admin/tempat/baru')).status).toBe(200);
    const refused = await diskominfoStage.postMultipart(
      '/admin/tempat',
      placeForm({ region_code: '64.08.04.2011', name: 'Belum Boleh', lat: '0.557861', lng: '117.604476', aksi: 'terbitkan' }),
    );
    expect(refused.status).toBe(403);
    const submitted = await diskominfoStage.postMultipart(
      '/admin/tempat',
      placeForm({ region_code: '64.08.04.2011', name: 'Usulan Desa', lat: '0.557861', lng: '117.604476', aksi: 'kirim' }),
    );
    expect(submitted.status).toBe(303);
    expect((await placeByName('Usulan Desa')) as unknown as { status: string }).toMatchObject({ status: 'menunggu_tinjauan' });
    const dk = await loginAs([['diskominfo', '64.08']]);
    expect(await (await dk.get('/admin')).text()).toContain('href="/admin/tempat"');
    const ok = await dk.postMultipart(
      '/admin/tempat',
      placeForm({ region_code: '64.08.04.2011', name: 'Oleh Diskominfo', lat: '0.557861', lng: '117.604476', aksi: 'terbitkan' }),
    );
    expect(ok.status).toBe(303);
    expect((await placeByName('Oleh Diskominfo')) as unknown as { status: string }).toMatchObject({ status: 'terbit' });
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await operator.post('/admin/tempat', { name: 'Tanpa CSRF' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await placeByName('Tanpa CSRF')).toBeNull();
  });
});
