import type { FC } from 'hono/jsx';
import { FilterSelect, StageTag } from '../../admin/components';
import type { ManagementStage, RegionRow } from '../../db/schema';
import { MANAGEMENT_STAGES } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { regionTitle, STAGE_LABELS } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, ErrorSummary, Field, Pagination } from '../../views/components';
import { CsrfField } from '../../admin/render';
import type { ManagedRegion } from '../../admin/regions-repo';

type RegionsFilter = { kecamatan?: string; tahap?: ManagementStage; tingkat?: string; cari?: string; halaman: number };

function regionsHref(f: RegionsFilter, halaman: number): string {
  const p = new URLSearchParams();
  for (const k of ['kecamatan', 'tahap', 'tingkat', 'cari'] as const) if (f[k]) p.set(k, f[k]!);
  if (halaman > 1) p.set('halaman', String(halaman));
  const s = p.toString();
  return `/admin/wilayah${s ? `?${s}` : ''}`;
}

export const RegionsAdminView: FC<{
  csrf: string;
  regions: Array<ManagedRegion & { parentCode: string | null }>;
  total: number;
  pageSize: number;
  kecamatan: Array<{ code: string; name: string }>;
  filter: RegionsFilter;
  changed?: number;
  errors?: FieldError[];
  values?: FormValues;
}> = ({ csrf, regions, total, pageSize, kecamatan, filter, changed, errors, values }) => {
  const selected = new Set([values?.codes ?? []].flat());
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <h1>Wilayah dan tahap pengelolaan</h1>
      <p>
        Tahap menentukan siapa yang menerbitkan konten: <strong>Dikelola Diskominfo</strong> (hanya Diskominfo), <strong>Pendampingan</strong> (operator
        menulis, Diskominfo atau kecamatan meninjau), <strong>Mandiri</strong> (operator menerbitkan sendiri). Halaman publik tidak berubah.
      </p>
      {changed !== undefined ? (
        <p class="success" role="status">
          {changed} wilayah dipindahkan tahapnya.
        </p>
      ) : null}
      <form method="get" action="/admin/wilayah" class="filters">
        <div>
          <label for="f-cari">Cari nama atau kode</label>
          <input type="search" id="f-cari" name="cari" value={filter.cari ?? ''} maxlength={40} />
        </div>
        <FilterSelect
          id="f-kecamatan"
          name="kecamatan"
          label="Kecamatan"
          value={filter.kecamatan}
          options={kecamatan.map((k) => ({ value: k.code, label: k.name }))}
        />
        <FilterSelect
          id="f-tahap"
          name="tahap"
          label="Tahap"
          value={filter.tahap}
          options={MANAGEMENT_STAGES.map((st) => ({ value: st, label: STAGE_LABELS[st] }))}
        />
        <div>
          <label for="f-tingkat">Tingkat</label>
          <select id="f-tingkat" name="tingkat">
            <option value="">Semua</option>
            <option value="kecamatan" selected={filter.tingkat === 'kecamatan'}>
              Kecamatan
            </option>
            <option value="desa" selected={filter.tingkat === 'desa'}>
              Desa
            </option>
            <option value="kelurahan" selected={filter.tingkat === 'kelurahan'}>
              Kelurahan
            </option>
          </select>
        </div>
        <button type="submit" class="button-secondary">
          Saring
        </button>
      </form>
      <ErrorSummary errors={errors ?? []} />
      <form method="post" action="/admin/wilayah/tahap">
        <CsrfField token={csrf} />
        <fieldset class="checks" aria-describedby={errorFor(errors, 'codes') ? 'codes-error' : undefined}>
          <legend>
            Pilih wilayah ({total} wilayah{pages > 1 ? `, halaman ${Math.min(filter.halaman, pages)} dari ${pages}` : ''})
          </legend>
          {errorFor(errors, 'codes') ? (
            <p class="error-message" id="codes-error">
              {errorFor(errors, 'codes')}
            </p>
          ) : null}
          {regions.length === 0 ? (
            <EmptyState>
              <p>Tidak ada wilayah yang cocok dengan saringan.</p>
            </EmptyState>
          ) : (
            <table class="table compact">
              <thead>
                <tr>
                  <th scope="col">Wilayah</th>
                  <th scope="col">Kode</th>
                  <th scope="col">Tahap</th>
                  <th scope="col">Riwayat</th>
                </tr>
              </thead>
              <tbody>
                {regions.map((r) => (
                  <tr>
                    <td data-label="Wilayah">
                      <input
                        type="checkbox"
                        id={`r-${r.code}`}
                        name="codes"
                        value={r.code}
                        checked={selected.has(r.code)}
                        aria-label={`Pilih ${regionTitle(r)}`}
                      />{' '}
                      <label for={`r-${r.code}`}>{regionTitle(r)}</label>
                    </td>
                    <td data-label="Kode">{r.code}</td>
                    <td data-label="Tahap">
                      <StageTag stage={r.stage} />
                    </td>
                    <td data-label="Riwayat">
                      <a href={`/admin/wilayah/${r.code}`}>Riwayat tahap</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </fieldset>
        <Pagination
          label="Halaman wilayah"
          prev={filter.halaman > 1 ? regionsHref(filter, filter.halaman - 1) : undefined}
          next={filter.halaman < pages ? regionsHref(filter, filter.halaman + 1) : undefined}
        />
        <StageFields errors={errors} values={values} />
        <button type="submit">Pindahkan tahap</button>
      </form>
    </>
  );
};

const StageFields: FC<{ errors?: FieldError[]; values?: FormValues }> = ({ errors, values }) => (
  <>
    <Field id="stage" label="Tahap baru" error={errorFor(errors, 'stage')}>
      {(d) => (
        <select id="stage" name="stage" aria-describedby={d}>
          <option value="">Pilih tahap</option>
          {MANAGEMENT_STAGES.map((st) => (
            <option value={st} selected={valueOf(values, 'stage') === st}>
              {STAGE_LABELS[st]}
            </option>
          ))}
        </select>
      )}
    </Field>
    <Field id="reason" label="Alasan" hint="Contoh: operator desa sudah mengikuti pelatihan dan siap menulis berita." error={errorFor(errors, 'reason')}>
      {(d) => (
        <textarea id="reason" name="reason" rows={3} maxlength={500} aria-describedby={d}>
          {valueOf(values, 'reason')}
        </textarea>
      )}
    </Field>
  </>
);

export const RegionStageView: FC<{
  csrf: string;
  region: RegionRow;
  history: Array<{ id: string; from: string; to: string; reason: string; at: number; actorName: string | null }>;
}> = ({ csrf, region, history }) => (
  <>
    <h1>{regionTitle(region)}</h1>
    <p>
      Kode {region.code} · tahap sekarang: <StageTag stage={region.stage} /> · <a href={regionHref(region.path)}>lihat situs publik</a> ·{' '}
      <a href={`/admin/wilayah/${region.code}/batas`}>batas wilayah (peta)</a>
    </p>
    <h2>Pindahkan tahap</h2>
    <form method="post" action="/admin/wilayah/tahap">
      <CsrfField token={csrf} />
      <input type="hidden" name="codes" value={region.code} />
      <StageFields />
      <button type="submit">Pindahkan tahap</button>
    </form>
    <h2>Riwayat tahap</h2>
    {history.length === 0 ? (
      <EmptyState>
        <p>Belum pernah dipindahkan; sejak awal dikelola Diskominfo.</p>
      </EmptyState>
    ) : (
      <ol class="timeline">
        {history.map((h) => (
          <li>
            <strong>
              {STAGE_LABELS[h.from as ManagementStage] ?? h.from} → {STAGE_LABELS[h.to as ManagementStage] ?? h.to}
            </strong>{' '}
            · {formatDateTime(h.at)} · oleh {h.actorName ?? 'sistem'}
            <br />
            Alasan: {h.reason}
          </li>
        ))}
      </ol>
    )}
  </>
);
