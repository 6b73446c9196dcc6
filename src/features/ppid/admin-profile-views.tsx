import type { FC } from 'hono/jsx';
import type { PpidInfoItemRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { regionTitle } from '../../regions/labels';
import { EmptyState, ErrorSummary, Field } from '../../views/components';
import type { RegionOption } from '../../admin/components';
import { CsrfField } from '../../admin/render';
import { AdminTabs } from './admin-views';
import { DIP_CATEGORY_LABELS, DIP_CATEGORY_SHORT } from './labels';

/** GET picker of the region being edited (only regions the officer handles). */
export const RegionPicker: FC<{ action: string; regions: RegionOption[]; current: string; extra?: Record<string, string> }> = ({
  action,
  regions,
  current,
  extra,
}) => (
  <form class="filters" method="get" action={action}>
    {Object.entries(extra ?? {}).map(([k, v]) => (
      <input type="hidden" name={k} value={v} />
    ))}
    <label for="wilayah">Wilayah</label>
    <select id="wilayah" name="wilayah">
      {regions.map((r) => (
        <option value={r.code} selected={r.code === current}>
          {r.level === 'desa' || r.level === 'kelurahan' ? '\u00a0\u00a0' : ''}
          {regionTitle(r)}
        </option>
      ))}
    </select>
    <button type="submit">Pilih</button>
  </form>
);

const Text: FC<{ id: string; label: string; hint?: string; values?: FormValues; errors?: FieldError[]; area?: boolean; max: number; type?: string }> = (p) => (
  <Field id={p.id} label={p.label} hint={p.hint} error={errorFor(p.errors, p.id)}>
    {(d) =>
      p.area ? (
        <textarea id={p.id} name={p.id} aria-describedby={d} maxlength={p.max}>
          {valueOf(p.values, p.id)}
        </textarea>
      ) : (
        <input type={p.type ?? 'text'} id={p.id} name={p.id} value={valueOf(p.values, p.id)} aria-describedby={d} maxlength={p.max} />
      )
    }
  </Field>
);

export const ProfileEditView: FC<{
  region: RegionOption;
  regions: RegionOption[];
  csrf: string;
  values: FormValues;
  errors?: FieldError[];
  saved?: boolean;
}> = (p) => (
  <>
    <h1>Profil PPID {regionTitle(p.region)}</h1>
    <AdminTabs current="profil" />
    <RegionPicker action="/admin/ppid/profil" regions={p.regions} current={p.region.code} />
    {p.saved ? (
      <p class="success" role="status">
        Profil tersimpan dan halaman PPID publik sudah diperbarui.
      </p>
    ) : null}
    <ErrorSummary errors={p.errors ?? []} />
    <form method="post" action={`/admin/ppid/profil?wilayah=${p.region.code}`} novalidate>
      <CsrfField token={p.csrf} />
      <Text id="officer_name" label="PPID (nama atau jabatan)" values={p.values} errors={p.errors} max={150} />
      <Text id="officer_position" label="Jabatan/unit" values={p.values} errors={p.errors} max={150} />
      <Text
        id="superior_name"
        label="Atasan PPID"
        hint="Pejabat yang menanggapi keberatan, mis. Camat Sangatta Utara."
        values={p.values}
        errors={p.errors}
        max={150}
      />
      <Text id="address" label="Alamat layanan" values={p.values} errors={p.errors} max={300} />
      <Text id="phone" label="Telepon kantor" hint="Nomor kantor, bukan nomor pribadi petugas." type="tel" values={p.values} errors={p.errors} max={40} />
      <Text id="email" label="Email layanan" type="email" values={p.values} errors={p.errors} max={200} />
      <Text id="office_hours" label="Jam layanan" hint="Mis. Senin–Jumat 08.00–15.00 WITA" values={p.values} errors={p.errors} max={200} />
      <Text id="maklumat" label="Maklumat pelayanan (Markdown)" area values={p.values} errors={p.errors} max={4000} />
      <Text id="service_standard" label="Standar waktu layanan (Markdown)" area values={p.values} errors={p.errors} max={4000} />
      <Text id="cost" label="Biaya" hint="Mis. Tanpa biaya; penggandaan salinan cetak ditanggung pemohon." values={p.values} errors={p.errors} max={500} />
      <button type="submit">Simpan profil</button>
    </form>
  </>
);

export const DipItemsView: FC<{
  region: RegionOption;
  regions: RegionOption[];
  items: PpidInfoItemRow[];
  csrf: string;
  values?: FormValues;
  errors?: FieldError[];
  notice?: string;
}> = (p) => (
  <>
    <h1>Daftar informasi publik {regionTitle(p.region)}</h1>
    <AdminTabs current="dip" />
    <RegionPicker action="/admin/ppid/dip" regions={p.regions} current={p.region.code} />
    <p class="hint">
      Dokumen yang diunggah lewat menu Dokumen otomatis masuk ke daftar sesuai kategori informasinya. Di sini Anda menambah informasi yang tidak berbentuk
      berkas (mis. papan pengumuman, buku register) dan informasi yang dikecualikan.
    </p>
    {p.notice ? (
      <p class="success" role="status">
        {p.notice}
      </p>
    ) : null}
    {p.items.length === 0 ? (
      <EmptyState>
        <p>Belum ada informasi tambahan.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Informasi</th>
            <th scope="col">Kategori</th>
            <th scope="col">Tindakan</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((i) => (
            <tr>
              <td data-label="Informasi">{i.title}</td>
              <td data-label="Kategori">{DIP_CATEGORY_SHORT[i.infoCategory]}</td>
              <td data-label="Tindakan">
                <form method="post" action={`/admin/ppid/dip/${i.id}/hapus`} class="inline">
                  <CsrfField token={p.csrf} />
                  <button type="submit" class="button-danger" aria-label={`Hapus ${i.title} dari daftar`}>
                    Hapus dari daftar
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2>Tambah informasi</h2>
    <ErrorSummary errors={p.errors ?? []} />
    <form method="post" action={`/admin/ppid/dip?wilayah=${p.region.code}`} novalidate>
      <CsrfField token={p.csrf} />
      <Text id="title" label="Judul informasi" values={p.values} errors={p.errors} max={200} />
      <Field id="info_category" label="Kategori" error={errorFor(p.errors, 'info_category')}>
        {(d) => (
          <select id="info_category" name="info_category" aria-describedby={d}>
            {Object.entries(DIP_CATEGORY_LABELS).map(([k, label]) => (
              <option value={k} selected={valueOf(p.values, 'info_category') === k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Text id="summary" label="Ringkasan isi" area values={p.values} errors={p.errors} max={1000} />
      <Text id="responsible_unit" label="Penanggung jawab" values={p.values} errors={p.errors} max={150} />
      <Text id="year" label="Tahun" type="number" values={p.values} errors={p.errors} max={4} />
      <Text id="format" label="Bentuk informasi" hint="Mis. Cetak, Elektronik, Cetak dan elektronik." values={p.values} errors={p.errors} max={100} />
      <Text id="retention" label="Jangka waktu penyimpanan" values={p.values} errors={p.errors} max={100} />
      <Text id="url" label="Tautan (opsional)" hint="Halaman portal (diawali /) atau alamat https://." values={p.values} errors={p.errors} max={300} />
      <Text id="legal_basis" label="Dasar hukum pengecualian (khusus dikecualikan)" values={p.values} errors={p.errors} max={500} />
      <Text id="consequence_test" label="Ringkasan uji konsekuensi (khusus dikecualikan)" area values={p.values} errors={p.errors} max={2000} />
      <button type="submit">Tambahkan</button>
    </form>
  </>
);
