/** Views of the region's letter settings and catalogue, and of Diskominfo's template editor. Plain props. */
import type { FC } from 'hono/jsx';
import type { LetterSettingsRow, LetterTemplateRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor } from '../../lib/forms';
import { ErrorSummary, Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import type { CatalogueEntry } from './repo';

export interface SettingsProps {
  region: { code: string; label: string };
  choices: { code: string; label: string }[];
  settings: LetterSettingsRow;
  entries: CatalogueEntry[];
  csrf: string;
  errors?: FieldError[];
  notice?: string;
  isDiskominfo: boolean;
}

export const SettingsView: FC<SettingsProps> = (p) => {
  const e = (k: string) => errorFor(p.errors, k);
  const s = p.settings;
  const input = (id: string, label: string, value: string, hint?: string) => (
    <Field id={id} label={label} hint={hint} error={e(id)}>
      {(d) => <input id={id} name={id} value={value} maxlength={200} aria-describedby={d} />}
    </Field>
  );
  return (
    <div>
      <h1>Pengaturan layanan surat · {p.region.label}</h1>
      {p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary errors={p.errors ?? []} />
      {p.choices.length > 1 ? (
        <form method="get" action="/admin/layanan/pengaturan" class="filters">
          <label for="wilayah-pilih">Wilayah</label>
          <select id="wilayah-pilih" name="wilayah">
            {p.choices.map((c) => (
              <option value={c.code} selected={c.code === p.region.code}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="submit" class="button-secondary">
            Buka
          </button>
        </form>
      ) : null}
      {p.isDiskominfo ? (
        <p>
          <a href="/admin/layanan/templat">Templat surat kabupaten</a>
        </p>
      ) : null}
      <h2>Nomor, penandatangan dan kantor</h2>
      <form method="post" action="/admin/layanan/pengaturan" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="wilayah" value={p.region.code} />
        {input('short_code', 'Kode singkat wilayah', s.shortCode, 'Dipakai pada nomor surat, mis. DS-SB.')}
        {input(
          'number_pattern',
          'Pola nomor surat',
          s.numberPattern,
          'Penanda: {klasifikasi}, {nomor:3}, {kode}, {bulan} (Romawi), {bulan_angka}, {tahun}. Urutan nomor dimulai dari 1 setiap tahun.',
        )}
        {input('signatory_name', 'Nama penandatangan', s.signatoryName)}
        {input('signatory_position', 'Jabatan penandatangan', s.signatoryPosition, 'Mis. Kepala Desa Swarga Bara, atau Plt. Kepala Desa …')}
        {input('signatory_nip', 'NIP (bila ada)', s.signatoryNip)}
        {input('office_address', 'Alamat kantor', s.officeAddress)}
        {input('office_hours', 'Jam layanan', s.officeHours)}
        {input('office_phone', 'Telepon kantor', s.officePhone, 'Nomor kantor, bukan nomor pribadi.')}
        <button type="submit">Simpan pengaturan</button>
      </form>
      <h2>Jenis surat di wilayah ini</h2>
      <p class="hint">
        Templat dari Diskominfo berlaku untuk semua wilayah. Di sini Anda membuka atau menutup layanan dan menyesuaikan biaya, waktu dan cara penerimaan.
      </p>
      {p.entries.map((entry) => (
        <details class="action">
          <summary>
            {entry.content.title} <StatusTag tone={entry.enabled ? 'green' : 'grey'}>{entry.enabled ? 'Dibuka' : 'Ditutup'}</StatusTag>
          </summary>
          <form method="post" action="/admin/layanan/pengaturan/layanan" novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="wilayah" value={p.region.code} />
            <input type="hidden" name="template_id" value={entry.templateId} />
            <div class="checks">
              <label for={`enabled-${entry.templateId}`}>
                <input type="checkbox" id={`enabled-${entry.templateId}`} name="enabled" value="1" checked={entry.enabled} />
                Layanan dibuka
              </label>
            </div>
            <Field id={`cost-${entry.templateId}`} label="Biaya (Rupiah; kosong = sesuai templat)">
              {(d) => (
                <input
                  id={`cost-${entry.templateId}`}
                  name="cost"
                  inputmode="numeric"
                  value={entry.adjusted ? String(entry.costRupiah) : ''}
                  aria-describedby={d}
                />
              )}
            </Field>
            <Field id={`days-${entry.templateId}`} label="Waktu layanan (hari kerja; kosong = sesuai templat)">
              {(d) => (
                <input
                  id={`days-${entry.templateId}`}
                  name="days"
                  inputmode="numeric"
                  value={entry.adjusted ? String(entry.serviceDays) : ''}
                  aria-describedby={d}
                />
              )}
            </Field>
            <Field id={`delivery-${entry.templateId}`} label="Cara penerimaan">
              {(d) => (
                <select id={`delivery-${entry.templateId}`} name="delivery" aria-describedby={d}>
                  {[
                    ['keduanya', 'Ambil di kantor atau unduh'],
                    ['ambil', 'Hanya ambil di kantor'],
                    ['unduh', 'Hanya unduh PDF'],
                  ].map(([v, l]) => (
                    <option value={v} selected={entry.delivery === v}>
                      {l}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`note-${entry.templateId}`} label="Catatan untuk warga (tidak wajib)">
              {(d) => <input id={`note-${entry.templateId}`} name="note" value={entry.note} maxlength={500} aria-describedby={d} />}
            </Field>
            <button type="submit" class="button-secondary">
              Simpan
            </button>
          </form>
        </details>
      ))}
    </div>
  );
};

export const TemplatesView: FC<{ rows: LetterTemplateRow[] }> = ({ rows }) => (
  <div>
    <h1>Templat surat kabupaten</h1>
    <p>Setiap penyimpanan membuat versi baru. Surat yang sudah dibuat tetap memakai versi saat diajukan.</p>
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Jenis surat</th>
          <th scope="col">Kode</th>
          <th scope="col">Versi</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr>
            <td>
              <a href={`/admin/layanan/templat/${t.id}`}>{t.name}</a>
            </td>
            <td>{t.id}</td>
            <td>{t.currentVersion}</td>
            <td>
              <StatusTag tone={t.isActive ? 'green' : 'grey'}>{t.isActive ? 'Aktif' : 'Tidak aktif'}</StatusTag>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const TemplateEditView: FC<{ id: string; version: number; json: string; csrf: string; errors?: FieldError[]; notice?: string }> = (p) => (
  <div>
    <h1>
      Templat {p.id} · versi {p.version}
    </h1>
    {p.notice ? (
      <p class="success" role="status">
        {p.notice}
      </p>
    ) : null}
    <ErrorSummary errors={p.errors ?? []} />
    <form method="post" action={`/admin/layanan/templat/${p.id}`} novalidate>
      <CsrfField token={p.csrf} />
      <Field
        id="content"
        label="Isi templat (JSON)"
        hint="title, purpose, body (penanda {{nama}}, {{identitas}} sendirian dalam satu paragraf, dan kunci isian), closing, fields, requirements, classification, serviceDays, costRupiah, legalBasis, levels."
        error={errorFor(p.errors, 'content')}
      >
        {(d) => (
          <textarea id="content" name="content" rows={24} class="code" aria-describedby={d}>
            {p.json}
          </textarea>
        )}
      </Field>
      <button type="submit">Simpan sebagai versi baru</button>
    </form>
  </div>
);
