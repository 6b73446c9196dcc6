import type { FC } from 'hono/jsx';
import { CHECKLIST_LEVELS, DOCUMENT_CATEGORIES, type ChecklistItemRow, type MonitoringSettingsRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { LEVEL_LABELS } from '../../regions/labels';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { FIXED_PAGES, fixedPageLabel } from '../../regions/fixed-pages';
import type { recentDeliveries } from './digest';
import { categoriesOf } from './settings';

const KIND_LABELS = { dokumen: 'Dokumen', halaman: 'Halaman tetap', profil_ppid: 'Profil PPID' } as const;
const YEAR_LABELS = { ini: 'Tahun ini', lalu: 'Tahun lalu', semua: 'Tahun berapa pun' } as const;

export function settingsValues(s: MonitoringSettingsRow): FormValues {
  return {
    enabled: s.enabled ? '1' : '',
    kabupaten_fresh_days: String(s.kabupatenFreshDays),
    kabupaten_stale_days: String(s.kabupatenStaleDays),
    kecamatan_fresh_days: String(s.kecamatanFreshDays),
    kecamatan_stale_days: String(s.kecamatanStaleDays),
    desa_fresh_days: String(s.desaFreshDays),
    desa_stale_days: String(s.desaStaleDays),
    readiness_days: String(s.readinessDays),
    escalate_after_days: String(s.escalateAfterDays),
    digest_enabled: s.digestEnabled ? '1' : '',
    webhook_url: s.webhookUrl ?? '',
  };
}

const NumberField: FC<{ id: string; label: string; hint?: string; values: FormValues; errors?: FieldError[] }> = ({ id, label, hint, values, errors }) => (
  <Field id={id} label={label} hint={hint} error={errorFor(errors, id)}>
    {(d) => (
      <input id={id} name={id} type="number" inputmode="numeric" min={1} max={730} value={valueOf(values, id)} aria-describedby={d} class="input-short" />
    )}
  </Field>
);

function itemSummary(i: ChecklistItemRow): string {
  if (i.kind === 'halaman') return `Halaman tetap "${fixedPageLabel(i.pageSlug ?? '')}" terbit`;
  if (i.kind === 'profil_ppid') return 'Profil PPID terisi';
  const year =
    i.yearOffset === 0
      ? 'tahun ini'
      : i.yearOffset === -1
        ? 'tahun lalu'
        : i.yearOffset === null
          ? 'tahun berapa pun'
          : `tahun ${i.yearOffset > 0 ? '+' : ''}${i.yearOffset}`;
  const words = i.titleContains ? `, judul memuat "${i.titleContains}"` : '';
  return `Dokumen kategori ${categoriesOf(i).join(' atau ')}, ${year}${words}`;
}

export const SettingsView: FC<{
  csrf: string;
  values: FormValues;
  errors?: FieldError[];
  items: ChecklistItemRow[];
  itemValues?: FormValues;
  itemErrors?: FieldError[];
  deliveries: Awaited<ReturnType<typeof recentDeliveries>>;
  saved?: string;
}> = (p) => (
  <>
    <h1>Pengaturan pemantauan</h1>
    {p.saved ? (
      <p class="success" role="status">
        {p.saved}
      </p>
    ) : null}
    <ErrorSummary errors={p.errors ?? []} />
    <form method="post" action="/admin/pemantauan/pengaturan">
      <CsrfField token={p.csrf} />
      <div class="checks">
        <input type="checkbox" id="enabled" name="enabled" value="1" checked={valueOf(p.values, 'enabled') === '1'} />
        <label for="enabled">Pemindaian terjadwal aktif</label>
      </div>
      <fieldset>
        <legend>Batas kesegaran konten (hari sejak konten terakhir terbit)</legend>
        <p class="hint">
          Segar bila tidak lebih dari batas segar; usang bila lebih dari batas usang; di antaranya "perlu pembaruan". Kelurahan memakai batas desa.
        </p>
        <NumberField id="kabupaten_fresh_days" label="Kabupaten: segar sampai" values={p.values} errors={p.errors} />
        <NumberField id="kabupaten_stale_days" label="Kabupaten: usang setelah" values={p.values} errors={p.errors} />
        <NumberField id="kecamatan_fresh_days" label="Kecamatan: segar sampai" values={p.values} errors={p.errors} />
        <NumberField id="kecamatan_stale_days" label="Kecamatan: usang setelah" values={p.values} errors={p.errors} />
        <NumberField id="desa_fresh_days" label="Desa/kelurahan: segar sampai" values={p.values} errors={p.errors} />
        <NumberField id="desa_stale_days" label="Desa/kelurahan: usang setelah" values={p.values} errors={p.errors} />
      </fieldset>
      <NumberField
        id="readiness_days"
        label="Masa kesiapan (hari)"
        hint="Berapa lama konten harus selalu segar dan permohonan tepat waktu sebelum wilayah disarankan pindah ke tahap mandiri."
        values={p.values}
        errors={p.errors}
      />
      <NumberField
        id="escalate_after_days"
        label="Teruskan ke Diskominfo setelah (hari kerja lewat batas waktu)"
        hint="Lewat batas waktu langsung ditandai ke kecamatan; setelah sekian hari kerja juga ke Diskominfo."
        values={p.values}
        errors={p.errors}
      />
      <fieldset>
        <legend>Ringkasan harian</legend>
        <div class="checks">
          <input type="checkbox" id="digest_enabled" name="digest_enabled" value="1" checked={valueOf(p.values, 'digest_enabled') === '1'} />
          <label for="digest_enabled">Kirim ringkasan harian ke webhook</label>
        </div>
        <Field
          id="webhook_url"
          label="Alamat webhook"
          hint="https://… dari gateway email atau WhatsApp. Ringkasan dikirim sebagai JSON (POST) sekali sehari dengan header Idempotency-Key."
          error={errorFor(p.errors, 'webhook_url')}
        >
          {(d) => <input id="webhook_url" name="webhook_url" type="url" maxlength={500} value={valueOf(p.values, 'webhook_url')} aria-describedby={d} />}
        </Field>
      </fieldset>
      <button type="submit">Simpan pengaturan</button>
    </form>

    <h2 id="daftar-wajib">Daftar wajib per tingkat</h2>
    <p class="hint">Tahun dihitung dalam WITA saat pemindaian. Item nonaktif tidak lagi ditandai; tanda yang ada selesai pada pemindaian berikutnya.</p>
    <ChecklistTable csrf={p.csrf} items={p.items} />
    <ChecklistForm csrf={p.csrf} values={p.itemValues ?? {}} errors={p.itemErrors} />

    <h2>Pengiriman ringkasan terakhir</h2>
    {p.deliveries.length === 0 ? (
      <EmptyState>
        <p>Belum ada ringkasan yang dikirim.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Tanggal</th>
            <th scope="col">Tujuan</th>
            <th scope="col">Status</th>
            <th scope="col">Percobaan</th>
          </tr>
        </thead>
        <tbody>
          {p.deliveries.map((d) => (
            <tr>
              <td data-label="Tanggal">{d.date}</td>
              <td data-label="Tujuan">{d.host}</td>
              <td data-label="Status">
                <StatusTag tone={d.status === 'terkirim' ? 'green' : d.status === 'gagal' ? 'red' : 'yellow'}>
                  {d.status === 'terkirim' ? 'Terkirim' : d.status === 'gagal' ? 'Gagal' : 'Tertunda'}
                </StatusTag>
                {d.deliveredAt ? ` ${formatDateTime(d.deliveredAt)}` : ''}
              </td>
              <td data-label="Percobaan">
                {d.attempts}
                {d.lastError ? <div class="hint">{d.lastError}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);

const ChecklistTable: FC<{ csrf: string; items: ChecklistItemRow[] }> = ({ csrf, items }) => (
  <table class="table">
    <thead>
      <tr>
        <th scope="col">Tingkat</th>
        <th scope="col">Item</th>
        <th scope="col">Syarat</th>
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody>
      {items.map((i) => (
        <tr>
          <td data-label="Tingkat">{LEVEL_LABELS[i.level]}</td>
          <td data-label="Item">{i.label}</td>
          <td data-label="Syarat">
            {itemSummary(i)}
            {i.fromYear || i.untilYear ? ` (berlaku ${i.fromYear ?? '…'}–${i.untilYear ?? '…'})` : ''}
          </td>
          <td data-label="Status">
            <form method="post" action={`/admin/pemantauan/ceklis/${i.id}/status`} class="inline">
              <CsrfField token={csrf} />
              <input type="hidden" name="active" value={i.isActive ? '0' : '1'} />
              <StatusTag tone={i.isActive ? 'green' : 'grey'}>{i.isActive ? 'Aktif' : 'Nonaktif'}</StatusTag>{' '}
              <button type="submit" class="link-button" aria-label={`${i.isActive ? 'Nonaktifkan' : 'Aktifkan'} ${i.label} (${LEVEL_LABELS[i.level]})`}>
                {i.isActive ? 'Nonaktifkan' : 'Aktifkan'}
              </button>
            </form>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

const ChecklistForm: FC<{ csrf: string; values: FormValues; errors?: FieldError[] }> = ({ csrf, values, errors }) => {
  const cats = new Set([values.categories ?? []].flat());
  return (
    <form method="post" action="/admin/pemantauan/ceklis" aria-labelledby="tambah-item">
      <h3 id="tambah-item">Tambah item wajib</h3>
      <CsrfField token={csrf} />
      <ErrorSummary errors={errors ?? []} />
      <Field id="level" label="Tingkat wilayah" error={errorFor(errors, 'level')}>
        {(d) => (
          <select id="level" name="level" aria-describedby={d}>
            {CHECKLIST_LEVELS.map((l) => (
              <option value={l} selected={valueOf(values, 'level') === l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="kind" label="Jenis" error={errorFor(errors, 'kind')}>
        {(d) => (
          <select id="kind" name="kind" aria-describedby={d}>
            {(Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>).map((k) => (
              <option value={k} selected={valueOf(values, 'kind') === k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="label" label="Nama item" hint="Contoh: Laporan realisasi APBDes tahun lalu" error={errorFor(errors, 'label')}>
        {(d) => <input id="label" name="label" type="text" maxlength={120} value={valueOf(values, 'label')} aria-describedby={d} />}
      </Field>
      <fieldset id="categories" aria-describedby={errorFor(errors, 'categories') ? 'categories-error' : undefined}>
        <legend>Kategori dokumen (untuk jenis dokumen)</legend>
        {errorFor(errors, 'categories') ? (
          <p class="error-message" id="categories-error">
            {errorFor(errors, 'categories')}
          </p>
        ) : null}
        {DOCUMENT_CATEGORIES.map((c) => (
          <div class="checks">
            <input type="checkbox" id={`cat-${c}`} name="categories" value={c} checked={cats.has(c)} />
            <label for={`cat-${c}`}>{c}</label>
          </div>
        ))}
      </fieldset>
      <Field id="year" label="Tahun dokumen" error={errorFor(errors, 'year')}>
        {(d) => (
          <select id="year" name="year" aria-describedby={d}>
            {(Object.keys(YEAR_LABELS) as Array<keyof typeof YEAR_LABELS>).map((y) => (
              <option value={y} selected={(valueOf(values, 'year') || 'semua') === y}>
                {YEAR_LABELS[y]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="title_contains"
        label="Judul memuat (opsional)"
        hint='Contoh: "realisasi"; huruf besar/kecil tidak dibedakan.'
        error={errorFor(errors, 'title_contains')}
      >
        {(d) => <input id="title_contains" name="title_contains" type="text" maxlength={60} value={valueOf(values, 'title_contains')} aria-describedby={d} />}
      </Field>
      <Field id="page_slug" label="Halaman tetap (untuk jenis halaman)" error={errorFor(errors, 'page_slug')}>
        {(d) => (
          <select id="page_slug" name="page_slug" aria-describedby={d}>
            <option value="">—</option>
            {FIXED_PAGES.map((pg) => (
              <option value={pg.slug} selected={valueOf(values, 'page_slug') === pg.slug}>
                {pg.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="from_year" label="Berlaku mulai tahun (opsional)" error={errorFor(errors, 'from_year')}>
        {(d) => (
          <input
            id="from_year"
            name="from_year"
            type="number"
            inputmode="numeric"
            min={2000}
            max={2100}
            value={valueOf(values, 'from_year')}
            aria-describedby={d}
            class="input-short"
          />
        )}
      </Field>
      <Field id="until_year" label="Berlaku sampai tahun (opsional)" error={errorFor(errors, 'until_year')}>
        {(d) => (
          <input
            id="until_year"
            name="until_year"
            type="number"
            inputmode="numeric"
            min={2000}
            max={2100}
            value={valueOf(values, 'until_year')}
            aria-describedby={d}
            class="input-short"
          />
        )}
      </Field>
      <button type="submit">Tambah item</button>
    </form>
  );
};
