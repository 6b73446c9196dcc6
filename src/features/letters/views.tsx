/**
 * Public letter pages: the region's catalogue with its service figures, one service with its request form (works
 * without JavaScript; the downscaler only makes photos smaller), and the confirmation. Plain props.
 */
import type { Child, FC } from 'hono/jsx';
import type { CitizenChannel } from '../../messaging/citizen-notice';
import { NotifyOptInFields } from '../../messaging/opt-in-view';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatRupiah } from '../../lib/money';
import { formatWeekdayDate } from '../../lib/time';
import { regionHref } from '../../regions/paths';
import { EmptyState, ErrorSummary, Field } from '../../views/components';
import { displayCode } from './codes';
import type { LetterFigures } from './deadlines';
import type { CatalogueEntry } from './repo';
import type { FieldDef } from './template';
import { MAX_FILE_BYTES } from './uploads';

export const CONTENT_ID = 'layanan-isi';
const DELIVERY_WORDS = { ambil: 'Ambil di kantor', unduh: 'Unduh PDF', keduanya: 'Ambil di kantor atau unduh PDF' } as const;

export interface OfficeInfo {
  address: string;
  hours: string;
  phone: string;
}

const Office: FC<{ office: OfficeInfo; regionLabel: string }> = ({ office, regionLabel }) => (
  <p class="hint">
    Kantor {regionLabel}
    {office.address ? `: ${office.address}` : ''}. Jam layanan: {office.hours || 'hari kerja'}
    {office.phone ? `. Telepon kantor: ${office.phone}` : ''}.
  </p>
);

export const CatalogueView: FC<{
  regionPath: string;
  regionLabel: string;
  entries: CatalogueEntry[];
  figures: LetterFigures;
  office: OfficeInfo | null;
  servesLetters: boolean;
  /** The office to contact (src/views/office-card.tsx): never a dead end, even with no letter open online. */
  contact?: Child;
}> = (p) => (
  <div id={CONTENT_ID}>
    <h1>Layanan surat {p.regionLabel}</h1>
    <p>Ajukan surat keterangan atau surat pengantar dari ponsel tanpa perlu akun. Anda mendapat nomor permohonan dan kode pribadi untuk mengikuti prosesnya.</p>
    <p>
      <a href={regionHref(p.regionPath, 'layanan', 'lacak')}>Lacak permohonan</a> · <a href="/verifikasi">Periksa keaslian surat</a>
    </p>
    {!p.servesLetters ? (
      <EmptyState>
        <p>
          Surat keterangan dan surat pengantar dilayani oleh desa, kelurahan dan kecamatan. Buka halaman desa/kelurahan Anda lalu pilih Layanan, atau cari
          wilayah Anda di <a href="/wilayah">daftar wilayah</a>.
        </p>
      </EmptyState>
    ) : p.entries.length === 0 ? (
      <EmptyState>
        <p>Belum ada layanan surat yang dibuka di wilayah ini. Datang ke kantor pada jam layanan atau hubungi kantor untuk keterangan.</p>
        {p.office ? <Office office={p.office} regionLabel={p.regionLabel} /> : null}
      </EmptyState>
    ) : (
      <ul class="cards">
        {p.entries.map((e) => (
          <li class="card">
            <h2>
              <a href={regionHref(p.regionPath, 'layanan', e.templateId)}>{e.content.title}</a>
            </h2>
            <p>{e.content.purpose}</p>
            <p class="meta">
              {e.serviceDays} hari kerja · {e.costRupiah === 0 ? 'Gratis (Rp 0)' : formatRupiah(e.costRupiah)} · {DELIVERY_WORDS[e.delivery]}
            </p>
          </li>
        ))}
      </ul>
    )}
    <h2>Angka layanan</h2>
    <dl class="figures">
      <div>
        <dt>Permohonan</dt>
        <dd>{p.figures.received}</dd>
      </div>
      <div>
        <dt>Sedang diproses</dt>
        <dd>{p.figures.inProgress}</dd>
      </div>
      <div>
        <dt>Selesai</dt>
        <dd>{p.figures.finished}</dd>
      </div>
      <div>
        <dt>Lewat tenggat</dt>
        <dd>{p.figures.overdue}</dd>
      </div>
      <div>
        <dt>Tepat waktu</dt>
        <dd>{p.figures.onTimePercent === null ? '–' : `${p.figures.onTimePercent}%`}</dd>
      </div>
    </dl>
    {p.contact}
  </div>
);

const LetterField: FC<{ f: FieldDef; value: string; error?: string }> = ({ f, value, error }) => {
  const id = `f_${f.key}`;
  return (
    <Field id={id} label={`${f.label}${f.required ? '' : ' (tidak wajib)'}`} hint={f.hint} error={error}>
      {(d) =>
        f.type === 'paragraf' ? (
          <textarea id={id} name={id} rows={3} maxlength={f.max ?? 2000} aria-describedby={d}>
            {value}
          </textarea>
        ) : f.type === 'pilihan' ? (
          <select id={id} name={id} aria-describedby={d}>
            <option value="">Pilih</option>
            {(f.options ?? []).map((o) => (
              <option value={o} selected={value === o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            name={id}
            type={f.type === 'tanggal' ? 'date' : 'text'}
            inputmode={f.type === 'angka' ? 'numeric' : undefined}
            value={value}
            maxlength={f.max ?? 200}
            aria-describedby={d}
          />
        )
      }
    </Field>
  );
};

export interface RequestFormProps {
  action: string;
  entry: CatalogueEntry;
  regionCode: string;
  /** Public form: per-render idempotency token. Counter (walk-in) form: none. */
  token?: string;
  values?: FormValues;
  errors?: FieldError[];
  submitLabel: string;
  csrf?: string;
  /** Public form: the status-message channels this portal offers (the opt-in is shown, honestly empty when none). */
  notifyChannels?: readonly CitizenChannel[];
}

/** Identity, the letter's own fields, uploads and delivery: one schema behind it (schemas.ts + the template). */
export const RequestForm: FC<RequestFormProps> = (p) => {
  const v = (k: string) => valueOf(p.values, k);
  const e = (k: string) => errorFor(p.errors, k);
  const t = p.entry.content;
  const deliveries = p.entry.delivery === 'keduanya' ? (['unduh', 'ambil'] as const) : [p.entry.delivery];
  const text = (id: string, label: string, o: { hint?: string; max?: number; type?: string; mode?: 'numeric' | 'tel'; auto?: string } = {}) => (
    <Field id={id} label={label} hint={o.hint} error={e(id)}>
      {(d) => (
        <input id={id} name={id} type={o.type ?? 'text'} inputmode={o.mode} autocomplete={o.auto} value={v(id)} maxlength={o.max ?? 100} aria-describedby={d} />
      )}
    </Field>
  );
  return (
    <>
      <ErrorSummary errors={p.errors ?? []} fieldIds={{ token: 'name', _: 'name', req: 'name', service: 'name' }} />
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate class="letter-form">
        {p.token ? <input type="hidden" name="token" value={p.token} /> : null}
        {p.csrf ? <input type="hidden" name="_csrf" value={p.csrf} /> : null}
        <input type="hidden" name="region_code" value={p.regionCode} />
        <input type="hidden" name="service" value={p.entry.templateId} />
        <fieldset>
          <legend>Data diri sesuai KTP</legend>
          {text('name', 'Nama lengkap', { auto: 'name' })}
          {text('nik', 'NIK', { hint: '16 angka pada KTP. Disimpan terenkripsi dan tidak pernah ditampilkan utuh.', mode: 'numeric', max: 24 })}
          {text('kk', 'Nomor Kartu Keluarga (KK)', { hint: '16 angka pada Kartu Keluarga.', mode: 'numeric', max: 24 })}
          {text('birth_place', 'Tempat lahir', { max: 60 })}
          <Field id="birth_date" label="Tanggal lahir" error={e('birth_date')}>
            {(d) => <input id="birth_date" name="birth_date" type="date" value={v('birth_date')} aria-describedby={d} />}
          </Field>
          <Field id="gender" label="Jenis kelamin" error={e('gender')}>
            {(d) => (
              <select id="gender" name="gender" aria-describedby={d}>
                <option value="">Pilih</option>
                <option value="L" selected={v('gender') === 'L'}>
                  Laki-laki
                </option>
                <option value="P" selected={v('gender') === 'P'}>
                  Perempuan
                </option>
              </select>
            )}
          </Field>
          {text('occupation', 'Pekerjaan (tidak wajib)', { max: 60 })}
          {text('address', 'Alamat', { hint: 'Jalan, gang dan nomor rumah.', max: 200, auto: 'street-address' })}
          <div class="coords">
            {text('rt', 'RT', { mode: 'numeric', max: 3 })}
            {text('rw', 'RW', { mode: 'numeric', max: 3 })}
          </div>
          {text('phone', 'Nomor HP atau WhatsApp', {
            hint: 'Untuk dihubungi petugas bila ada yang kurang. Tidak pernah ditampilkan untuk umum.',
            type: 'tel',
            max: 20,
            auto: 'tel',
          })}
        </fieldset>
        {t.fields.length ? (
          <fieldset>
            <legend>Isian {t.title}</legend>
            {t.fields.map((f) => (
              <LetterField f={f} value={v(`f_${f.key}`)} error={e(`f_${f.key}`)} />
            ))}
          </fieldset>
        ) : null}
        {t.requirements.some((r) => r.upload) ? (
          <fieldset>
            <legend>Persyaratan</legend>
            <p class="hint">
              Foto atau PDF, masing-masing paling besar {MAX_FILE_BYTES / 1024 / 1024} MB. Foto diperkecil otomatis di ponsel Anda. Hanya petugas dan Anda yang
              dapat melihatnya.
            </p>
            {t.requirements
              .filter((r) => r.upload)
              .map((r) => (
                <Field id={`req_${r.key}`} label={`${r.label}${r.required ? '' : ' (tidak wajib)'}`} error={e(`req_${r.key}`)}>
                  {(d) => (
                    <>
                      <input
                        type="file"
                        id={`req_${r.key}`}
                        name={`req_${r.key}`}
                        accept="image/jpeg,image/png,image/webp,application/pdf"
                        data-downscale="1600"
                        aria-describedby={d}
                      />
                      <p class="hint" id={`req_${r.key}-status`} role="status"></p>
                    </>
                  )}
                </Field>
              ))}
          </fieldset>
        ) : null}
        <fieldset class={e('delivery') ? 'field-error' : undefined}>
          <legend>Cara menerima surat</legend>
          {e('delivery') ? (
            <p class="error-message" id="delivery-error">
              {e('delivery')}
            </p>
          ) : null}
          <div class="checks">
            {deliveries.map((d, i) => (
              <label for={`delivery-${d}`}>
                <input type="radio" id={`delivery-${d}`} name="delivery" value={d} checked={v('delivery') ? v('delivery') === d : i === 0} />
                {d === 'unduh' ? 'Unduh PDF dengan kode pribadi' : 'Ambil di kantor'}
              </label>
            ))}
          </div>
        </fieldset>
        {p.notifyChannels ? <NotifyOptInFields offered={p.notifyChannels} values={p.values} errors={p.errors} /> : null}
        <button type="submit">{p.submitLabel}</button>
      </form>
    </>
  );
};

export const ServiceView: FC<{ regionPath: string; regionLabel: string; entry: CatalogueEntry; office: OfficeInfo; form: RequestFormProps }> = (p) => {
  const t = p.entry.content;
  return (
    <div id={CONTENT_ID}>
      <h1>{t.title}</h1>
      <p>{t.purpose}</p>
      <dl class="facts">
        <div>
          <dt>Waktu layanan</dt>
          <dd>{p.entry.serviceDays} hari kerja</dd>
        </div>
        <div>
          <dt>Biaya</dt>
          <dd>{p.entry.costRupiah === 0 ? 'Gratis (Rp 0)' : formatRupiah(p.entry.costRupiah)}</dd>
        </div>
        <div>
          <dt>Penerimaan surat</dt>
          <dd>{DELIVERY_WORDS[p.entry.delivery]}</dd>
        </div>
        {t.legalBasis ? (
          <div>
            <dt>Dasar hukum</dt>
            <dd>{t.legalBasis}</dd>
          </div>
        ) : null}
      </dl>
      <h2>Persyaratan</h2>
      <ul>
        {t.requirements.map((r) => (
          <li>
            {r.label}
            {r.required ? '' : ' (bila ada)'}
            {r.upload ? '' : ' — dibawa ke kantor'}
          </li>
        ))}
      </ul>
      {p.entry.note ? <p>{p.entry.note}</p> : null}
      <Office office={p.office} regionLabel={p.regionLabel} />
      <h2>Ajukan permohonan</h2>
      <RequestForm {...p.form} />
    </div>
  );
};

export interface ConfirmationProps {
  trackingNumber: string;
  code: string;
  trackHref: string;
  title: string;
  dueAt: number | null;
  delivery: 'ambil' | 'unduh';
  bring: string[];
  office: OfficeInfo;
  regionLabel: string;
}

export const ConfirmationView: FC<ConfirmationProps> = (p) => (
  <div id={CONTENT_ID}>
    <div class="panel">
      <h1 tabindex={-1} data-autofocus>
        Permohonan terkirim
      </h1>
      <p>Nomor permohonan Anda</p>
      <p class="ref">{p.trackingNumber}</p>
    </div>
    <h2>Simpan kode pribadi Anda</h2>
    <p class="secret" id="kode-pribadi">
      {displayCode(p.code)}
    </p>
    <p>
      Catat atau simpan tangkapan layar nomor dan kode ini. Kode hanya tampil di halaman ini. Dengan keduanya Anda dapat melihat proses, memperbaiki yang
      diminta petugas, membatalkan, dan mengunduh surat.
    </p>
    <h2>Apa yang terjadi selanjutnya</h2>
    <ol>
      <li>
        Petugas {p.regionLabel} memeriksa permohonan {p.title} Anda.
      </li>
      {p.dueAt ? (
        <li>
          Surat selesai paling lambat <strong>{formatWeekdayDate(p.dueAt)}</strong> bila persyaratan lengkap.
        </li>
      ) : null}
      <li>
        {p.delivery === 'unduh'
          ? 'Setelah ditandatangani, unduh PDF-nya di halaman lacak dengan nomor dan kode pribadi.'
          : 'Setelah ditandatangani, ambil surat di kantor pada jam layanan.'}
      </li>
    </ol>
    {p.bring.length ? (
      <>
        <h2>Yang perlu dibawa</h2>
        <ul>
          {p.bring.map((b) => (
            <li>{b}</li>
          ))}
        </ul>
      </>
    ) : null}
    <Office office={p.office} regionLabel={p.regionLabel} />
    <p>
      <a href={p.trackHref}>Lacak permohonan {p.trackingNumber}</a>
    </p>
  </div>
);
