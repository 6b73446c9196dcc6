import type { FC } from 'hono/jsx';
import type { CitizenChannel } from '../../messaging/citizen-notice';
import { NotifyOptInFields } from '../../messaging/opt-in-view';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatWeekdayDate } from '../../lib/time';
import type { RegionContext } from '../../regions/context';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { ErrorSummary, Field } from '../../views/components';
import { DELIVERY_LABELS, IDENTITY_TYPE_LABELS, OBTAIN_LABELS, REQUESTER_TYPE_LABELS } from './labels';

const FIELD_IDS: Record<string, string> = {
  requester_type: 'requester_type-perorangan',
  identity_type: 'identity_type-ktp',
  obtain_method: 'obtain_method-melihat',
  delivery_method: 'delivery_method',
};

/** Radio group as a fieldset with a legend; the error sits above the options. */
const Radios: FC<{ name: string; legend: string; hint?: string; options: Record<string, string>; values?: FormValues; errors?: FieldError[] }> = ({
  name,
  legend,
  hint,
  options,
  values,
  errors,
}) => {
  const error = errorFor(errors, name);
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={error ? 'field field-error checks' : 'field checks'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${name}-error`}>
          <span class="visually-hidden">Kesalahan: </span>
          {error}
        </p>
      ) : null}
      {Object.entries(options).map(([value, label]) => (
        <label for={`${name}-${value}`}>
          <input type="radio" id={`${name}-${value}`} name={name} value={value} checked={valueOf(values, name) === value} />
          {label}
        </label>
      ))}
    </fieldset>
  );
};

const TextField: FC<{
  id: string;
  label: string;
  hint?: string;
  values?: FormValues;
  errors?: FieldError[];
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  textarea?: boolean;
  maxlength?: number;
  /** Kept out of the draft on the phone (phones are shared; the identity number is typed again after a reload). */
  noDraft?: boolean;
}> = (p) => (
  <Field id={p.id} label={p.label} hint={p.hint} error={errorFor(p.errors, p.id)}>
    {(d) =>
      p.textarea ? (
        <textarea id={p.id} name={p.id} aria-describedby={d} maxlength={p.maxlength} rows={5}>
          {valueOf(p.values, p.id)}
        </textarea>
      ) : (
        <input
          type={p.type ?? 'text'}
          id={p.id}
          name={p.id}
          value={valueOf(p.values, p.id)}
          aria-describedby={d}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode as 'numeric' | undefined}
          maxlength={p.maxlength}
          spellcheck={p.type === 'email' ? false : undefined}
          data-no-draft={p.noDraft ? '' : undefined}
        />
      )
    }
  </Field>
);

export const RequestFormView: FC<{
  ctx: RegionContext;
  token: string;
  values?: FormValues;
  errors?: FieldError[];
  notifyChannels: readonly CitizenChannel[];
}> = ({ ctx, token, values, errors, notifyChannels }) => {
  const action = regionHref(ctx.region.path, 'ppid', 'permohonan');
  const v = values ?? { requester_type: 'perorangan', identity_type: 'ktp', obtain_method: 'melihat' };
  return (
    <>
      <h1>Permohonan informasi publik</h1>
      <p>
        Ditujukan kepada PPID {regionTitle(ctx.region)}. Jawaban paling lambat <strong>10 hari kerja</strong> setelah permohonan diterima. Nomor identitas Anda
        disimpan terenkripsi dan tidak pernah ditampilkan kepada umum.
      </p>
      <ErrorSummary errors={errors ?? []} fieldIds={FIELD_IDS} />
      <form method="post" action={action} novalidate data-send="permohonan">
        <input type="hidden" name="token" value={token} />
        <h2>Data pemohon</h2>
        <Radios name="requester_type" legend="Jenis pemohon" options={REQUESTER_TYPE_LABELS} values={v} errors={errors} />
        <TextField
          id="name"
          label="Nama lengkap"
          hint="Untuk badan hukum atau kelompok: nama lembaga dan nama wakilnya."
          values={v}
          errors={errors}
          autocomplete="name"
          maxlength={100}
        />
        <TextField id="address" label="Alamat" values={v} errors={errors} autocomplete="street-address" maxlength={300} />
        <TextField id="occupation" label="Pekerjaan" values={v} errors={errors} autocomplete="organization-title" maxlength={100} />
        <TextField
          id="phone"
          label="Nomor telepon/WhatsApp"
          hint="Isi telepon atau email (atau keduanya)."
          type="tel"
          values={v}
          errors={errors}
          autocomplete="tel"
          maxlength={30}
        />
        <TextField id="email" label="Email" type="email" values={v} errors={errors} autocomplete="email" maxlength={200} />
        <Radios name="identity_type" legend="Jenis identitas" options={IDENTITY_TYPE_LABELS} values={v} errors={errors} />
        <TextField
          id="identity_number"
          label="Nomor identitas"
          hint="NIK 16 angka sesuai KTP, atau nomor akta/pengesahan badan hukum. Disimpan terenkripsi; petugas hanya melihat 4 angka terakhir."
          values={v}
          errors={errors}
          autocomplete="off"
          noDraft
          inputmode={valueOf(v, 'identity_type') === 'akta' ? undefined : 'numeric'}
          maxlength={60}
        />
        <h2>Informasi yang diminta</h2>
        <TextField
          id="information"
          label="Rincian informasi yang dibutuhkan"
          hint="Sebutkan sejelas mungkin, mis. judul dokumen, tahun, kegiatan."
          textarea
          values={v}
          errors={errors}
          maxlength={2000}
        />
        <TextField id="purpose" label="Tujuan penggunaan informasi" textarea values={v} errors={errors} maxlength={1000} />
        <Radios name="obtain_method" legend="Cara memperoleh informasi" options={OBTAIN_LABELS} values={v} errors={errors} />
        <Field id="delivery_method" label="Cara mendapatkan salinan" hint="Wajib bila Anda meminta salinan." error={errorFor(errors, 'delivery_method')}>
          {(d) => (
            <select id="delivery_method" name="delivery_method" aria-describedby={d}>
              <option value="">— Tidak meminta salinan —</option>
              {Object.entries(DELIVERY_LABELS).map(([k, label]) => (
                <option value={k} selected={valueOf(v, 'delivery_method') === k}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NotifyOptInFields offered={notifyChannels} values={v} errors={errors} />
        <button type="submit">Kirim permohonan</button>
      </form>
    </>
  );
};

export const ConfirmationView: FC<{ ctx: RegionContext; number: string; code: string; registeredAt: number; dueAt: number; replay: boolean }> = ({
  ctx,
  number,
  code,
  registeredAt,
  dueAt,
  replay,
}) => {
  const track = regionHref(ctx.region.path, 'ppid', 'lacak');
  return (
    <div data-confirmation>
      <div class="panel" role="status">
        <h1>Permohonan terkirim</h1>
        <p>Nomor registrasi Anda</p>
        <p class="ref">{number}</p>
      </div>
      {replay ? <p class="notice">Permohonan ini sudah kami terima sebelumnya; tidak ada permohonan ganda yang dibuat.</p> : null}
      <h2>Simpan kode rahasia Anda</h2>
      <p>Kode ini diperlukan untuk melihat jawaban, mengunduh dokumen dan mengajukan keberatan. Kode hanya ditampilkan di sini.</p>
      <p class="secret">{code}</p>
      <p class="hint">Catat atau ambil tangkapan layar halaman ini. Jangan bagikan kode kepada orang lain.</p>
      <h2>Apa yang terjadi selanjutnya</h2>
      <ol>
        <li>Permohonan diterima pada {formatWeekdayDate(registeredAt)}.</li>
        <li>
          PPID {regionTitle(ctx.region)} wajib menjawab paling lambat <strong>{formatWeekdayDate(dueAt)}</strong> (10 hari kerja). Jangka waktu dapat
          diperpanjang paling lama 7 hari kerja dengan pemberitahuan tertulis.
        </li>
        <li>Bila tidak dijawab atau Anda tidak puas dengan jawabannya, Anda dapat mengajukan keberatan dalam 30 hari kerja.</li>
      </ol>
      <p>
        <a href={`${track}?nomor=${encodeURIComponent(number)}`}>Lacak permohonan {number}</a>
      </p>
    </div>
  );
};
