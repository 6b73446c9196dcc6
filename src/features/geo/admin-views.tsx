// Admin pages of the geo feature: places (tempat) list, form and delete confirmation; region boundary upload.
import type { FC } from 'hono/jsx';
import type { RegionRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, ErrorSummary, Field, Pagination, StatusTag } from '../../views/components';
import type { RegionOption } from '../../admin/components';
import { CsrfField } from '../../admin/render';
import { ConfirmLink, UndoNotice } from '../../admin/confirm';
import { PublishPanel, PublishStatusTag, SaveButtons } from '../../publishing/panel';
import type { PublishAction, PublishRights } from '../../publishing/workflow';
import { PLACE_LIMITS } from './places-schemas';
import type { PlaceView } from './places-repo';
import type { RegionShape } from './repo';
import { mediaHref } from './peta-views';
import { RegionSvgMap } from './views';
import { REGENCY } from '../../config';

/** Coordinates as typed in the form: 4 decimals, decimal comma. */
const typed = (deg: number): string => deg.toFixed(4).replace('.', ',');
const [MIN_LNG, MIN_LAT, MAX_LNG, MAX_LAT] = REGENCY.bbox;
const LAT_RANGE = `${typed(MIN_LAT)} dan ${typed(MAX_LAT)}`;

const PLACE_FIELD_IDS: Record<string, string> = {
  region_code: 'f-region',
  name: 'f-name',
  category: 'f-category',
  lat: 'f-lat',
  lng: 'f-lng',
  address: 'f-address',
  opening_hours: 'f-hours',
  contact: 'f-contact',
  description: 'f-description',
  photo: 'f-photo',
};

export const PlacesAdminView: FC<{
  rows: PlaceView[];
  total: number;
  page: number;
  pageSize: number;
  regions: RegionOption[];
  filter: { wilayah?: string; q?: string };
  notice?: string;
  undo?: { csrf: string; restoreAction: string };
}> = ({ rows, total, page, pageSize, regions, filter, notice, undo }) => {
  const query = { ...(filter.wilayah ? { wilayah: filter.wilayah } : {}), ...(filter.q ? { q: filter.q } : {}) };
  const params = (p: number) => `/admin/tempat?${new URLSearchParams({ ...query, halaman: String(p) })}`;
  return (
    <>
      <h1>Tempat di peta</h1>
      {notice && undo ? (
        <UndoNotice csrf={undo.csrf} message={notice} restoreAction={undo.restoreAction} />
      ) : notice ? (
        <p class="success" role="status">
          {notice}
        </p>
      ) : null}
      <p>Kantor, sekolah, fasilitas kesehatan, tempat ibadah, pasar, wisata dan infrastruktur yang tampil di peta wilayah.</p>
      <p>
        <a class="button" href={`/admin/tempat/baru${filter.wilayah ? `?wilayah=${filter.wilayah}` : ''}`}>
          Tambah tempat
        </a>{' '}
        <a class="button button-secondary" href="/admin/tempat/sampah">
          Sampah
        </a>
      </p>
      <form method="get" action="/admin/tempat" class="filters" role="search">
        <div>
          <label for="t-wilayah">Wilayah</label>
          <select id="t-wilayah" name="wilayah">
            <option value="">Semua wilayah saya</option>
            {regions.map((r) => (
              <option value={r.code} selected={filter.wilayah === r.code}>
                {regionTitle(r)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="t-q">Nama tempat</label>
          <input id="t-q" name="q" type="search" value={filter.q ?? ''} maxlength={100} />
        </div>
        <button type="submit" class="button-secondary">
          Tampilkan
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>
          <p>Belum ada tempat yang cocok.</p>
        </EmptyState>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{total} tempat</caption>
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Kategori</th>
              <th scope="col">Wilayah</th>
              <th scope="col">Diubah</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <td data-label="Nama">
                  <a href={`/admin/tempat/${p.id}`}>{p.name}</a> {p.isDemo ? <StatusTag tone="yellow">Contoh</StatusTag> : null}{' '}
                  {p.status !== 'terbit' ? <PublishStatusTag status={p.status} /> : null}
                </td>
                <td data-label="Kategori">{p.categoryLabel}</td>
                <td data-label="Wilayah">{regionTitle({ level: p.regionLevel, name: p.regionName })}</td>
                <td data-label="Diubah">{formatDateTime(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination prev={page > 1 ? params(page - 1) : undefined} next={page * pageSize < total ? params(page + 1) : undefined} />
    </>
  );
};

export const PlaceFormView: FC<{
  csrf: string;
  action: string;
  place?: PlaceView;
  regions: RegionOption[];
  categories: Array<{ code: string; label: string }>;
  values: FormValues;
  errors?: FieldError[];
  /** Rights on the place's region (edit) or on every offered region (create). */
  rights: PublishRights;
  actions?: PublishAction[];
  notice?: string;
}> = ({ csrf, action, place, regions, categories, values, errors, rights, actions, notice }) => {
  const v = (k: string) => valueOf(values, k);
  const e = (k: string) => errorFor(errors, k);
  const live = place?.status === 'terbit';
  const mayEdit = !place || (live ? rights.publish : rights.draft || rights.publish);
  return (
    <>
      <h1>{place ? `Ubah ${place.name}` : 'Tambah tempat'}</h1>
      {notice ? (
        <p class="success" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors ?? []} fieldIds={PLACE_FIELD_IDS} />
      {place ? (
        <PublishPanel
          csrf={csrf}
          base={`/admin/tempat/${place.id}`}
          noun="tempat"
          status={place.status}
          reviewNote={place.reviewNote}
          actions={(actions ?? []).filter((a) => a !== 'save' && a !== 'delete')}
          publicHref={`${regionHref(place.regionPath, 'peta')}#tempat-${place.id}`}
          errors={errors}
          values={values}
        />
      ) : null}
      {!mayEdit ? (
        <p class="hint">Tempat yang sudah terbit hanya dapat diubah oleh yang berhak menerbitkan. Minta peninjau menariknya bila perlu diperbaiki.</p>
      ) : null}
      {mayEdit ? (
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <CsrfField token={csrf} />
          <Field id="f-region" label="Wilayah" error={e('region_code')}>
            {(d) => (
              <select id="f-region" name="region_code" aria-describedby={d}>
                <option value="">Pilih wilayah</option>
                {regions.map((r) => (
                  <option value={r.code} selected={v('region_code') === r.code}>
                    {regionTitle(r)} ({r.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="f-name" label="Nama tempat" hint="Contoh: Kantor Desa Swarga Bara, SDN 001 Sangatta Utara" error={e('name')}>
            {(d) => <input id="f-name" name="name" type="text" value={v('name')} maxlength={PLACE_LIMITS.name} aria-describedby={d} />}
          </Field>
          <Field id="f-category" label="Kategori" error={e('category')}>
            {(d) => (
              <select id="f-category" name="category" aria-describedby={d}>
                <option value="">Pilih kategori</option>
                {categories.map((c) => (
                  <option value={c.code} selected={v('category') === c.code}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset>
            <legend>Titik lokasi</legend>
            <p class="hint" id="titik-hint">
              Ketik koordinat (misalnya dari Google Maps: tekan lama titiknya lalu salin angkanya) atau ketuk peta di bawah. Titik harus berada di dalam batas
              wilayah yang dipilih.
            </p>
            <div
              id="peta-pilih"
              class="peta-pilih"
              data-wilayah-template="/api/v1/geo/regions/{kode}"
              data-pilih-wilayah="f-region"
              data-pilih-lat="f-lat"
              data-pilih-lng="f-lng"
              hidden
            ></div>
            <Field
              id="f-lat"
              label="Lintang (latitude)"
              hint={`Angka pertama, contoh ${typed((MIN_LAT + MAX_LAT) / 2)} (${REGENCY.name} berada di antara lintang ${LAT_RANGE})`}
              error={e('lat')}
            >
              {(d) => <input id="f-lat" name="lat" type="text" inputmode="decimal" value={v('lat')} maxlength={20} aria-describedby={d} />}
            </Field>
            <Field id="f-lng" label="Bujur (longitude)" hint={`Angka kedua, contoh ${typed((MIN_LNG + MAX_LNG) / 2)}`} error={e('lng')}>
              {(d) => <input id="f-lng" name="lng" type="text" inputmode="decimal" value={v('lng')} maxlength={20} aria-describedby={d} />}
            </Field>
          </fieldset>
          <Field id="f-address" label="Alamat (opsional)" error={e('address')}>
            {(d) => <input id="f-address" name="address" type="text" value={v('address')} maxlength={PLACE_LIMITS.address} aria-describedby={d} />}
          </Field>
          <Field id="f-hours" label="Jam buka (opsional)" hint="Contoh: Senin–Jumat 08.00–16.00 WITA" error={e('opening_hours')}>
            {(d) => (
              <input id="f-hours" name="opening_hours" type="text" value={v('opening_hours')} maxlength={PLACE_LIMITS.openingHours} aria-describedby={d} />
            )}
          </Field>
          <Field id="f-contact" label="Kontak kantor (opsional)" hint="Telepon atau surel kantor/lembaga, bukan nomor pribadi" error={e('contact')}>
            {(d) => <input id="f-contact" name="contact" type="text" value={v('contact')} maxlength={PLACE_LIMITS.contact} aria-describedby={d} />}
          </Field>
          <Field id="f-description" label="Keterangan (opsional)" error={e('description')}>
            {(d) => (
              <textarea id="f-description" name="description" rows={4} maxlength={PLACE_LIMITS.description} aria-describedby={d}>
                {v('description')}
              </textarea>
            )}
          </Field>
          {place?.photoKey ? (
            <div class="field">
              <img src={mediaHref(place.photoKey)} alt={`Foto ${place.name}`} width="320" height="200" loading="lazy" class="article-cover" />
              <div class="checks">
                <label>
                  <input type="checkbox" name="remove_photo" value="1" id="f-remove-photo" /> Hapus foto ini
                </label>
              </div>
            </div>
          ) : null}
          <Field id="f-photo" label={place?.photoKey ? 'Ganti foto (opsional)' : 'Foto (opsional)'} hint="JPG, PNG atau WebP, maksimal 5 MB" error={e('photo')}>
            {(d) => <input id="f-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={d} />}
          </Field>
          {!place && !rights.publish ? (
            <p class="hint">Di wilayah yang belum mandiri, tempat tampil di peta setelah disetujui Diskominfo atau kecamatan.</p>
          ) : null}
          <SaveButtons live={live} canPublish={rights.publish} canDraft={rights.draft} waiting={place?.status === 'menunggu_tinjauan'} noun="tempat" />
        </form>
      ) : null}
      {(place && (actions ?? []).includes('delete')) || (live && rights.publish) ? (
        <p>
          <ConfirmLink href={`/admin/tempat/${place!.id}/hapus`} label="Hapus tempat ini…" />
        </p>
      ) : null}
    </>
  );
};

export const BoundaryView: FC<{
  csrf: string;
  region: RegionRow;
  shapes: { self?: RegionShape; children: RegionShape[] };
  positions: number;
  history: Array<{ id: string; positions: number; replacedAt: number; note: string }>;
  errors?: FieldError[];
  values?: FormValues;
  result?: { positionsUploaded: number; positionsStored: number; placesOutside: number; restored?: boolean };
}> = ({ csrf, region, shapes, positions, history, errors, values, result }) => (
  <>
    <h1>Batas {regionTitle(region)}</h1>
    {result ? (
      <div class="success" role="status">
        <p>
          {result.restored
            ? `Batas lama dipulihkan (${result.positionsStored.toLocaleString('id-ID')} titik).`
            : `Batas wilayah diganti: ${result.positionsUploaded.toLocaleString('id-ID')} titik diunggah, ` +
              `${result.positionsStored.toLocaleString('id-ID')} titik disimpan setelah penyederhanaan.`}{' '}
          Halaman wilayah ini dan wilayah induknya sudah diperbarui.
        </p>
        {result.placesOutside > 0 ? (
          <p>
            Perhatian: {result.placesOutside} tempat kini berada di luar batas baru. Periksa di{' '}
            <a href={`/admin/tempat?wilayah=${region.code}`}>daftar tempat</a>.
          </p>
        ) : null}
      </div>
    ) : null}
    <ErrorSummary errors={errors ?? []} fieldIds={{ geojson: 'b-geojson', file: 'b-file' }} />
    <p>
      Kode {region.code} · {positions.toLocaleString('id-ID')} titik batas saat ini · <a href={regionHref(region.path, 'peta')}>lihat peta publik</a>
    </p>
    {shapes.self ? <RegionSvgMap self={shapes.self} children={shapes.children} id="batas-sekarang" /> : null}
    <h2>Ganti batas wilayah</h2>
    <p>
      Unggah berkas GeoJSON (Polygon atau MultiPolygon, koordinat WGS84 bujur-lintang) berisi satu fitur. Koordinat harus berada di dalam kotak batas kabupaten;
      cincin poligon harus tertutup. Batas lama disimpan dan dapat dipulihkan.
    </p>
    <form method="post" action={`/admin/wilayah/${region.code}/batas`} enctype="multipart/form-data">
      <CsrfField token={csrf} />
      <Field id="b-file" label="Berkas GeoJSON" hint=".geojson atau .json, maksimal 5 MB" error={errorFor(errors, 'file')}>
        {(d) => <input id="b-file" name="file" type="file" accept=".geojson,.json,application/geo+json,application/json" aria-describedby={d} />}
      </Field>
      <Field id="b-geojson" label="Atau tempel teks GeoJSON" error={errorFor(errors, 'geojson')}>
        {(d) => (
          <textarea id="b-geojson" name="geojson" rows={6} aria-describedby={d}>
            {valueOf(values, 'geojson').slice(0, 200_000)}
          </textarea>
        )}
      </Field>
      <Field id="b-note" label="Keterangan perubahan" hint="Contoh: Batas hasil penegasan Permendagri No. …" error={errorFor(errors, 'note')}>
        {(d) => <input id="b-note" name="note" type="text" value={valueOf(values, 'note')} maxlength={200} aria-describedby={d} />}
      </Field>
      <button type="submit">Ganti batas</button>
    </form>
    <h2>Riwayat batas</h2>
    {history.length === 0 ? (
      <EmptyState>
        <p>Belum pernah diganti; batas berasal dari data awal.</p>
      </EmptyState>
    ) : (
      <ol class="timeline">
        {history.map((h) => (
          <li>
            Diganti {formatDateTime(h.replacedAt)} · batas lama {h.positions.toLocaleString('id-ID')} titik{h.note ? ` · ${h.note}` : ''}
            <form method="post" action={`/admin/wilayah/${region.code}/batas/pulihkan`} class="inline">
              <CsrfField token={csrf} />
              <input type="hidden" name="history_id" value={h.id} />{' '}
              <button type="submit" class="link-button">
                Pulihkan batas lama ini
              </button>
            </form>
          </li>
        ))}
      </ol>
    )}
  </>
);
