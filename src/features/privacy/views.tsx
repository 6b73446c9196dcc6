import type { FC } from 'hono/jsx';
import { CsrfField } from '../../admin/render';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { ErrorSummary, Field } from '../../views/components';

export interface RetentionRow {
  label: string;
  kind: string;
  days: number;
  basis: string;
}

export const PrivacyView: FC<{ csrf: string; retention: RetentionRow[]; errors?: FieldError[]; values?: FormValues; done?: string }> = ({
  csrf,
  retention,
  errors,
  values,
  done,
}) => (
  <>
    <h1>Data pribadi</h1>
    {done ? (
      <p class="success" role="status">
        {done}
      </p>
    ) : null}
    <h2>Hapus data pribadi atas permintaan</h2>
    <p>
      Menghapus identitas warga (nama, kontak, alamat, NIK/KK, nomor identitas, kode pribadi, lokasi persis, berkas persyaratan) dari satu pengaduan, permohonan
      informasi atau permohonan surat. Catatannya, status, tanggal dan angka statistik tetap ada. Penghapusan dicatat di log audit dan tidak dapat dibatalkan.
    </p>
    <ErrorSummary errors={errors ?? []} fieldIds={{ nomor: 'e-nomor', alasan: 'e-alasan', konfirmasi: 'e-konfirmasi' }} />
    <form method="post" action="/admin/data-pribadi/hapus" novalidate>
      <CsrfField token={csrf} />
      <Field id="e-nomor" label="Nomor" hint="Mis. ADU-7K3Q-9XPD, PPID-7K3Q-9XPD atau SRT-7K3Q-9XPD." error={errorFor(errors, 'nomor')}>
        {(d) => <input id="e-nomor" name="nomor" type="text" value={valueOf(values, 'nomor')} maxlength={40} autocomplete="off" aria-describedby={d} />}
      </Field>
      <Field
        id="e-alasan"
        label="Dasar penghapusan"
        hint="Mis. nomor surat permintaan pemilik data. Jangan menulis data pribadi di sini."
        error={errorFor(errors, 'alasan')}
      >
        {(d) => <input id="e-alasan" name="alasan" type="text" value={valueOf(values, 'alasan')} maxlength={300} autocomplete="off" aria-describedby={d} />}
      </Field>
      <Field id="e-konfirmasi" label="Konfirmasi" error={errorFor(errors, 'konfirmasi')}>
        {(d) => (
          <label>
            <input id="e-konfirmasi" name="konfirmasi" type="checkbox" value="1" aria-describedby={d} /> Saya mengerti penghapusan ini tidak dapat dibatalkan.
          </label>
        )}
      </Field>
      <button type="submit" class="button-danger">
        Hapus data pribadi
      </button>
    </form>
    <h2>Masa retensi</h2>
    <p>Setelah catatan selesai dan tidak berubah selama masa ini, tugas harian menghapus identitas di dalamnya.</p>
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Catatan</th>
          <th scope="col">Masa retensi</th>
          <th scope="col">Dasar hukum</th>
        </tr>
      </thead>
      <tbody>
        {retention.map((r) => (
          <tr>
            <td data-label="Catatan">{r.label}</td>
            <td data-label="Masa retensi">{r.days} hari</td>
            <td data-label="Dasar hukum">{r.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
);
