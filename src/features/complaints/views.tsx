import type { FC } from 'hono/jsx';
import type { CitizenChannel } from '../../messaging/citizen-notice';
import { NotifyOptInFields } from '../../messaging/opt-in-view';
import { COMPLAINT_CLASSIFICATIONS, type ComplaintCategoryRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatWeekdayDate } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { RegionSummary } from '../../regions/repo';
import { ErrorSummary, Field } from '../../views/components';
import { CLASSIFICATION_HINTS, CLASSIFICATION_LABELS } from './labels';
import { AUTOCLOSE_DAYS, FOLLOWUP_DAYS, VERIFY_DAYS } from './status-machine';
import { formatCode } from './ticket';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './uploads';

/** The page content swapped by htmx (form ⇄ confirmation) keeps this id. */
export const CONTENT_ID = 'pengaduan-isi';

const FIELD_IDS: Record<string, string> = { classification: 'classification-pengaduan', token: 'title', _: 'title', lat: 'place', lng: 'place' };

export interface FormProps {
  regionPath: string;
  regionLabel: string;
  regionCode: string;
  categories: ComplaintCategoryRow[];
  regions: RegionSummary[];
  token: string;
  values?: FormValues;
  errors?: FieldError[];
  /** Status-message channels this portal offers (empty: the form says so). */
  notifyChannels: readonly CitizenChannel[];
}

/** All regions grouped by kecamatan (one select, works without JavaScript). */
const RegionSelect: FC<{ regions: RegionSummary[]; value: string; describedBy?: string }> = ({ regions, value, describedBy }) => {
  const kecamatan = regions.filter((r) => r.level === 'kecamatan').sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const root = regions.find((r) => r.level === 'kabupaten');
  return (
    <select id="region_code" name="region_code" aria-describedby={describedBy}>
      {root ? (
        <option value={root.code} selected={value === root.code}>
          {regionTitle(root)} (tingkat kabupaten)
        </option>
      ) : null}
      {kecamatan.map((k) => (
        <optgroup label={regionTitle(k)}>
          <option value={k.code} selected={value === k.code}>
            {regionTitle(k)} (tingkat kecamatan)
          </option>
          {regions
            .filter((r) => r.parentCode === k.code)
            .sort((a, b) => a.name.localeCompare(b.name, 'id'))
            .map((r) => (
              <option value={r.code} selected={value === r.code}>
                {regionTitle(r)}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
};

const Check: FC<{ name: string; label: string; hint: string; checked: boolean }> = ({ name, label, hint, checked }) => (
  <div class="checks">
    <label for={name}>
      <input type="checkbox" id={name} name={name} value="1" checked={checked} aria-describedby={`${name}-hint`} />
      {label}
    </label>
    <p class="hint" id={`${name}-hint`}>
      {hint}
    </p>
  </div>
);

export const ComplaintFormView: FC<FormProps> = (p) => {
  const v = (k: string) => valueOf(p.values, k);
  const e = (k: string) => errorFor(p.errors, k);
  const action = regionHref(p.regionPath, 'pengaduan');
  const classification = v('classification') || 'pengaduan';
  return (
    <div id={CONTENT_ID}>
      <h1>Sampaikan pengaduan atau aspirasi</h1>
      <p>
        Laporan diterima oleh petugas {p.regionLabel} dan diverifikasi paling lambat {VERIFY_DAYS} hari kerja. Anda akan mendapat nomor pelacakan dan kode
        pribadi untuk mengikuti prosesnya.
      </p>
      <p class="hint">
        Sudah punya nomor? <a href={regionHref(p.regionPath, 'pengaduan', 'lacak')}>Lacak laporan</a>. Lihat juga{' '}
        <a href={regionHref(p.regionPath, 'pengaduan', 'daftar')}>daftar dan angka pengaduan</a>.
      </p>
      <ErrorSummary errors={p.errors ?? []} fieldIds={FIELD_IDS} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate data-send="laporan" class="complaint-form">
        <div data-form-error role="alert"></div>
        <input type="hidden" name="token" value={p.token} />
        <fieldset class={e('classification') ? 'field-error' : undefined} aria-describedby={e('classification') ? 'classification-error' : undefined}>
          <legend>Jenis laporan</legend>
          {e('classification') ? (
            <p class="error-message" id="classification-error">
              <span class="visually-hidden">Kesalahan: </span>
              {e('classification')}
            </p>
          ) : null}
          <div class="checks">
            {COMPLAINT_CLASSIFICATIONS.map((c) => (
              <label for={`classification-${c}`}>
                <input
                  type="radio"
                  id={`classification-${c}`}
                  name="classification"
                  value={c}
                  checked={classification === c}
                  aria-describedby={`classification-${c}-hint`}
                />
                <span>
                  {CLASSIFICATION_LABELS[c]}
                  <span class="hint block" id={`classification-${c}-hint`}>
                    {CLASSIFICATION_HINTS[c]}
                    {c === 'permintaan_informasi' ? (
                      <>
                        {' '}
                        <a href={regionHref(p.regionPath, 'ppid')}>Ajukan ke PPID</a>.
                      </>
                    ) : null}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="category" label="Kategori" error={e('category')}>
          {(d) => (
            <select id="category" name="category" aria-describedby={d}>
              <option value="">Pilih kategori</option>
              {p.categories.map((c) => (
                <option value={c.id} selected={v('category') === c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="title" label="Judul laporan" hint="Singkat dan jelas, mis. “Jembatan di RT 05 rusak”." error={e('title')}>
          {(d) => <input type="text" id="title" name="title" value={v('title')} maxlength={150} aria-describedby={d} />}
        </Field>
        <Field id="description" label="Isi laporan" hint="Ceritakan apa yang terjadi, di mana, sejak kapan. Minimal 20 huruf." error={e('description')}>
          {(d) => (
            <textarea id="description" name="description" rows={6} maxlength={5000} aria-describedby={d}>
              {v('description')}
            </textarea>
          )}
        </Field>
        <Field id="region_code" label="Wilayah" hint="Desa, kelurahan atau kecamatan tempat masalah terjadi." error={e('region_code')}>
          {(d) => <RegionSelect regions={p.regions} value={v('region_code') || p.regionCode} describedBy={d} />}
        </Field>
        <fieldset>
          <legend>Lokasi di peta / deskripsi tempat (tidak wajib)</legend>
          <Field
            id="place"
            label="Di mana tepatnya?"
            hint="Ceritakan dengan kata-kata, mis. “depan SDN 001, Jl. Poros Sangatta, dekat jembatan”."
            error={e('place')}
          >
            {(d) => <input type="text" id="place" name="place" value={v('place')} maxlength={200} aria-describedby={d} />}
          </Field>
          <p class="hint" id="coords-hint">
            Bila laporan tidak rahasia, peta umum menampilkan lokasi yang dibulatkan (sekitar 200 meter) agar rumah Anda tidak dikenali; petugas melihat titik
            persisnya.
          </p>
          {/* Shown by pengaduan.js only where the phone can tell its position; the point goes in hidden fields. */}
          <button type="button" class="button-secondary" data-geolocate hidden>
            Gunakan lokasi saya
          </button>
          <p class="hint" data-geolocate-status role="status">
            {v('lat') && v('lng') ? 'Lokasi dari HP sudah terisi.' : ''}
          </p>
          {e('lat') || e('lng') ? (
            <p class="error-message" id="lat-error">
              <span class="visually-hidden">Kesalahan: </span>
              {e('lat') ?? e('lng')}
            </p>
          ) : null}
          <input type="hidden" id="lat" name="lat" value={v('lat')} />
          <input type="hidden" id="lng" name="lng" value={v('lng')} />
          <Check
            name="exact_location"
            label="Tampilkan titik persis di peta umum"
            hint="Hanya bila lokasi ini bukan rumah atau lahan Anda. Tidak berlaku untuk laporan anonim."
            checked={v('exact_location') === '1'}
          />
        </fieldset>
        <Field
          id="photos"
          label="Foto (tidak wajib)"
          hint={
            `Paling banyak ${MAX_PHOTOS} foto JPG, PNG atau WebP, masing-masing paling besar ${MAX_PHOTO_BYTES / 1024 / 1024} MB. ` +
            'Di HP dengan JavaScript foto diperkecil dulu (±200 KB, beberapa detik). Tanpa itu foto terkirim utuh: foto kamera 3–5 MB ' +
            'butuh ±2 menit per foto di sinyal lemah — pilih satu foto saja bila sinyal buruk. ' +
            'Foto hanya dilihat petugas dan Anda, tidak pernah ditampilkan untuk umum.'
          }
          error={e('photos')}
        >
          {(d) => (
            <>
              <input type="file" id="photos" name="photos" multiple accept="image/jpeg,image/png,image/webp" data-downscale="1024" aria-describedby={d} />
              <p class="hint" id="photos-status" role="status"></p>
            </>
          )}
        </Field>
        <fieldset>
          <legend>Privasi</legend>
          <Check
            name="anonymous"
            label="Kirim sebagai anonim"
            hint="Nama dan kontak Anda tidak ditampilkan kepada petugas maupun umum. Anda tetap dapat mengikuti laporan dengan nomor dan kode pribadi."
            checked={v('anonymous') === '1'}
          />
          <Check
            name="confidential"
            label="Rahasiakan laporan"
            hint="Isi laporan tidak ditampilkan untuk umum; hanya petugas yang berwenang yang dapat membacanya."
            checked={v('confidential') === '1'}
          />
        </fieldset>
        <fieldset>
          <legend>Kontak Anda</legend>
          <p class="hint">Wajib diisi kecuali Anda memilih anonim: nama, dan nomor HP atau email. Tidak pernah ditampilkan untuk umum.</p>
          <Check
            name="identity_consent"
            label="Saya setuju nama dan kontak saya diteruskan ke SP4N-LAPOR"
            hint="Bila laporan perlu diteruskan ke sistem pengaduan nasional (SP4N-LAPOR). Tanpa persetujuan, atau bila Anda memilih anonim, laporan diteruskan tanpa identitas Anda."
            checked={v('identity_consent') === '1'}
          />
          <Field id="name" label="Nama" error={e('name')}>
            {(d) => <input type="text" id="name" name="name" value={v('name')} maxlength={100} autocomplete="name" aria-describedby={d} />}
          </Field>
          <Field id="phone" label="Nomor HP" hint="Mis. 0812 3456 7890." error={e('phone')}>
            {(d) => <input type="tel" id="phone" name="phone" value={v('phone')} maxlength={20} autocomplete="tel" aria-describedby={d} />}
          </Field>
          <Field id="email" label="Email" error={e('email')}>
            {(d) => <input type="email" id="email" name="email" value={v('email')} maxlength={200} autocomplete="email" aria-describedby={d} />}
          </Field>
          <Check
            name="contact_me"
            label="Simpan kontak saya walau anonim"
            hint="Hanya untuk laporan anonim: tanpa centang ini nama dan kontak yang Anda isi tidak disimpan sama sekali. Kontak tidak pernah ditampilkan kepada petugas."
            checked={v('contact_me') === '1'}
          />
        </fieldset>
        <NotifyOptInFields offered={p.notifyChannels} values={p.values} errors={p.errors} anonymousNote />
        <button type="submit">Kirim laporan</button>
      </form>
    </div>
  );
};

export interface ConfirmationProps {
  ticket: string;
  code: string;
  trackUrl: string;
  /** POST target of the tracking page: the private code goes in the body, never in a link. */
  trackAction: string;
  regionLabel: string;
  verifyDueAt: number;
  confidential: boolean;
  anonymous: boolean;
}

/** GOV.UK-style confirmation: number in a green panel, the private code once, then what happens next with dates. */
export const ConfirmationView: FC<ConfirmationProps> = (p) => (
  <div id={CONTENT_ID} data-confirmation>
    <div class="panel">
      <h1 tabindex={-1} data-autofocus>
        Laporan terkirim
      </h1>
      <p>Nomor pelacakan Anda</p>
      <p class="ref">{p.ticket}</p>
    </div>
    <h2 id="kode-pribadi-judul">Simpan kode pribadi Anda</h2>
    <p class="secret" id="kode-pribadi">
      {formatCode(p.code)}
    </p>
    <p>
      Catat atau simpan tangkapan layar nomor dan kode ini. Kode pribadi hanya ditampilkan di halaman ini dan tidak dapat dikirim ulang. Dengan nomor dan kode
      ini Anda dapat melihat seluruh proses, menambah informasi, dan menilai penanganannya.
    </p>
    <form method="post" action={p.trackAction} class="inline-form">
      <input type="hidden" name="nomor" value={p.ticket} />
      <input type="hidden" name="kode" value={p.code} />
      <button type="submit" class="button-secondary">
        Buka laporan saya
      </button>
    </form>
    <h2>Apa yang terjadi selanjutnya</h2>
    <ol>
      <li>
        Petugas {p.regionLabel} memverifikasi laporan Anda paling lambat <strong>{formatWeekdayDate(p.verifyDueAt)}</strong>.
      </li>
      <li>Laporan yang sudah diverifikasi didisposisikan ke unit yang menangani; tindak lanjut paling lambat {FOLLOWUP_DAYS} hari kerja setelah disposisi.</li>
      <li>Anda dapat menanggapi jawaban petugas. Bila tidak ada tanggapan dalam {AUTOCLOSE_DAYS} hari kerja, laporan dinyatakan selesai.</li>
    </ol>
    <p>
      {p.anonymous ? 'Laporan dikirim sebagai anonim: identitas Anda tidak ditampilkan kepada petugas. ' : ''}
      {p.confidential ? 'Laporan ini dirahasiakan dan tidak tampil untuk umum.' : 'Isi laporan tampil di daftar pengaduan setelah diverifikasi.'}
    </p>
    <p>
      <a href={p.trackUrl}>Lacak dengan nomor {p.ticket}</a>
    </p>
  </div>
);
