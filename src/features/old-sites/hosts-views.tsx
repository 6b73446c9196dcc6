import type { FC } from 'hono/jsx';
import { CsrfField } from '../../admin/render';
import type { RegionLevel } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, type FormValues, valueOf } from '../../lib/forms';
import { formatDate } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, ErrorSummary, Field } from '../../views/components';

export interface HostRow {
  host: string;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  regionPath: string;
  note: string;
  createdAt: number;
}

export interface RegionChoice {
  code: string;
  name: string;
  level: RegionLevel;
}

/** A select of every region (kabupaten, kecamatan, desa/kelurahan) by code. */
export const RegionSelect: FC<{ id: string; name: string; regions: RegionChoice[]; value: string; describedBy?: string }> = (p) => (
  <select id={p.id} name={p.name} aria-describedby={p.describedBy}>
    <option value="">Pilih wilayah</option>
    {p.regions.map((r) => (
      <option value={r.code} selected={p.value === r.code}>
        {r.code} · {regionTitle(r)}
      </option>
    ))}
  </select>
);

export const HostsView: FC<{
  csrf: string;
  hosts: HostRow[];
  regions: RegionChoice[];
  canonical: string;
  notice?: string;
  errors?: FieldError[];
  values?: FormValues;
}> = ({ csrf, hosts, regions, canonical, notice, errors, values }) => (
  <>
    <h1>Situs lama: nama host</h1>
    <p>
      Alamat situs lama desa dan kecamatan (mis. <code>swargabara.desa.id</code> atau <code>sangattautara.kutaitimurkab.go.id</code>) dialihkan ke halaman
      wilayahnya di {canonical ? <code>{canonical}</code> : 'alamat utama portal'}. Tautan lama yang sudah diimpor menuju halaman barunya; tautan lain menuju
      beranda wilayah dengan penjelasan dan pencarian.
    </p>
    {canonical ? null : (
      <p class="callout" role="status">
        APP_ORIGIN belum diisi di wrangler.toml: tanpa alamat utama, nama host di bawah belum dialihkan.
      </p>
    )}
    <p>
      Nama host baru juga perlu diarahkan ke portal di Cloudflare (domain kustom, rute, atau custom hostname) — lihat README bagian “Nama host situs lama”.{' '}
      <a href="/admin/impor">Impor konten situs lama</a>
    </p>
    {notice ? (
      <p class="success" role="status">
        {notice}
      </p>
    ) : null}
    {hosts.length === 0 ? (
      <EmptyState>
        <p>Belum ada nama host situs lama.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <caption class="visually-hidden">Nama host situs lama</caption>
        <thead>
          <tr>
            <th scope="col">Nama host</th>
            <th scope="col">Wilayah</th>
            <th scope="col">Catatan</th>
            <th scope="col">Ditambahkan</th>
            <th scope="col">Tindakan</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((h) => (
            <tr>
              <td data-label="Nama host">
                <code>{h.host}</code>
              </td>
              <td data-label="Wilayah">
                <a href={regionHref(h.regionPath)}>{regionTitle({ level: h.regionLevel, name: h.regionName })}</a>
              </td>
              <td data-label="Catatan">{h.note}</td>
              <td data-label="Ditambahkan">{formatDate(h.createdAt)}</td>
              <td data-label="Tindakan">
                <form method="post" action="/admin/situs-lama/hapus" class="inline">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="host" value={h.host} />
                  <button type="submit" class="button-secondary">
                    Hapus <span class="visually-hidden">{h.host}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2 id="tambah">Tambah nama host</h2>
    <ErrorSummary errors={errors ?? []} fieldIds={{ host: 'host', region_code: 'host-region', note: 'host-note' }} />
    <form method="post" action="/admin/situs-lama" aria-labelledby="tambah">
      <CsrfField token={csrf} />
      <Field id="host" label="Nama host" hint="Tanpa http:// dan tanpa garis miring, mis. swargabara.desa.id" error={errorFor(errors, 'host')}>
        {(d) => <input id="host" name="host" type="text" inputmode="url" autocomplete="off" value={valueOf(values, 'host')} aria-describedby={d} />}
      </Field>
      <Field id="host-region" label="Wilayah" error={errorFor(errors, 'region_code')}>
        {(d) => <RegionSelect id="host-region" name="region_code" regions={regions} value={valueOf(values, 'region_code')} describedBy={d} />}
      </Field>
      <Field id="host-note" label="Catatan (tidak wajib)" hint="Mis. situs OpenSID lama" error={errorFor(errors, 'note')}>
        {(d) => <input id="host-note" name="note" type="text" maxlength={200} value={valueOf(values, 'note')} aria-describedby={d} />}
      </Field>
      <button type="submit">Tambah nama host</button>
    </form>
  </>
);
