import type { FC } from 'hono/jsx';
import { ExternalRefRows } from './external-refs-view';
import type { FieldError } from '../../lib/errors';
import { formatDate, formatDateTime, formatWeekdayDate } from '../../lib/time';
import { regionHref } from '../../regions/paths';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import { STATUS_TONES } from './labels';
import type { PublicComplaintView, ReporterComplaintView, TimelineItem } from './present';
import { FOLLOWUP_DAYS, REOPEN_DAYS } from './status-machine';
import { formatCode, normalizeCode } from './ticket';
import { MAX_PHOTOS } from './uploads';
import { pickNotice } from '../../lib/notices';

const HIDDEN_TEXT = {
  rahasia: 'Laporan ini dirahasiakan oleh pelapor, sehingga isinya tidak ditampilkan untuk umum.',
  belum_diverifikasi: 'Isi laporan tampil untuk umum setelah diverifikasi petugas.',
  tidak_diproses: 'Laporan ini tidak diproses lebih lanjut, sehingga isinya tidak ditampilkan untuk umum.',
} as const;

export const Timeline: FC<{ items: TimelineItem[] }> = ({ items }) => (
  <ol class="ctimeline">
    {items.map((t) => (
      <li>
        <p class="meta">
          <time datetime={new Date(t.at).toISOString()}>{formatDateTime(t.at)}</time> · {t.actor}
        </p>
        <p>
          <strong>{t.label}</strong>
        </p>
        {t.notes.map((n) => (
          <p class="note">{n}</p>
        ))}
      </li>
    ))}
  </ol>
);

export interface TrackProps {
  regionPath: string;
  nomor: string;
  kode: string;
  errors: FieldError[];
  notFound?: boolean;
  publicView?: PublicComplaintView;
  reporter?: ReporterComplaintView;
  notice?: string;
  formErrors?: FieldError[];
  /** Signed, short-lived links to the reporter's photos (photo-links.ts), by attachment id. */
  photoLinks?: Record<string, string>;
}

const NOTICES: Record<string, string> = {
  info: 'Informasi tambahan Anda sudah dikirim ke petugas.',
  terima: 'Terima kasih. Laporan Anda dinyatakan selesai.',
  buka: 'Laporan dibuka kembali dan diteruskan ke petugas.',
  nilai: 'Terima kasih atas penilaian Anda.',
  kode_di_alamat:
    'Demi keamanan, kode pribadi tidak lagi dibaca dari alamat tautan. Ketik kode pribadi Anda di kolom di bawah lalu tekan Lacak; jangan bagikan tautan yang memuat kode.',
};

export const TrackView: FC<TrackProps> = (p) => (
  <>
    <h1>Lacak laporan</h1>
    <ErrorSummary errors={p.errors} fieldIds={{ nomor: 'nomor', kode: 'kode' }} />
    {pickNotice(NOTICES, p.notice) ? (
      <p class="success" role="status">
        {pickNotice(NOTICES, p.notice)}
      </p>
    ) : null}
    {/* POST: the private code never travels in a URL (history, logs, Referer, shared links). */}
    <form method="post" action={regionHref(p.regionPath, 'pengaduan', 'lacak')} class="track-form">
      <Field id="nomor" label="Nomor pelacakan" hint="Mis. ADU-7K3Q-9XPD." error={p.errors.find((e) => e.field === 'nomor')?.message}>
        {(d) => (
          <input type="text" id="nomor" name="nomor" value={p.nomor} maxlength={40} autocomplete="off" autocapitalize="characters" aria-describedby={d} />
        )}
      </Field>
      <Field
        id="kode"
        label="Kode pribadi (tidak wajib)"
        hint="Isi bila Anda pelapornya, untuk melihat seluruh isi dan menanggapi."
        error={p.errors.find((e) => e.field === 'kode')?.message}
      >
        {(d) => <input type="text" id="kode" name="kode" value={p.kode} maxlength={60} autocomplete="off" autocapitalize="characters" aria-describedby={d} />}
      </Field>
      <button type="submit">Lacak</button>
    </form>
    {p.notFound ? (
      <EmptyState>
        <p>Laporan dengan nomor itu tidak ditemukan. Periksa kembali nomornya, atau hubungi kantor desa/kecamatan Anda.</p>
      </EmptyState>
    ) : null}
    {p.reporter ? (
      <ReporterSection r={p.reporter} regionPath={p.regionPath} kode={p.kode} errors={p.formErrors ?? []} photoLinks={p.photoLinks ?? {}} />
    ) : p.publicView ? (
      <PublicSection v={p.publicView} />
    ) : null}
  </>
);

const PublicSection: FC<{ v: PublicComplaintView }> = ({ v }) => (
  <section aria-labelledby="hasil-lacak" class="track-result">
    <h2 id="hasil-lacak">{v.content ? v.content.title : `Laporan ${v.ticket}`}</h2>
    <p>
      <StatusTag tone={STATUS_TONES[v.status]}>{v.statusLabel}</StatusTag> {v.statusHint}
    </p>
    <dl class="facts">
      <dt>Nomor</dt>
      <dd>{v.ticket}</dd>
      <dt>Masuk</dt>
      <dd>{formatDate(v.createdAt)}</dd>
      {v.content ? (
        <>
          <dt>Wilayah</dt>
          <dd>{v.content.region.title}</dd>
          <dt>Kategori</dt>
          <dd>
            {v.content.classificationLabel} · {v.content.category}
          </dd>
        </>
      ) : null}
    </dl>
    {v.content ? (
      <>
        <p class="prose-text">{v.content.description}</p>
        <h3>Riwayat</h3>
        <Timeline items={v.content.timeline} />
      </>
    ) : (
      <p class="notice">{HIDDEN_TEXT[v.hiddenReason ?? 'rahasia']}</p>
    )}
  </section>
);

const authFields = (ticket: string, kode: string) => (
  <>
    <input type="hidden" name="nomor" value={ticket} />
    <input type="hidden" name="kode" value={kode} />
  </>
);

const ReporterSection: FC<{ r: ReporterComplaintView; regionPath: string; kode: string; errors: FieldError[]; photoLinks: Record<string, string> }> = ({
  r,
  regionPath,
  kode,
  errors,
  photoLinks,
}) => {
  const post = (aksi: string) => regionHref(regionPath, 'pengaduan', 'lacak', aksi);
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const photo = (id: string) => photoLinks[id] ?? '#';
  return (
    <section aria-labelledby="hasil-lacak" class="track-result">
      <h2 id="hasil-lacak">{r.title}</h2>
      <p>
        <StatusTag tone={STATUS_TONES[r.status]}>{r.statusLabel}</StatusTag> {r.statusHint}
      </p>
      <p class="hint">Anda melihat laporan sebagai pelapor. Jangan bagikan tautan atau kode pribadi halaman ini.</p>
      <ErrorSummary
        errors={errors}
        fieldIds={{ message: 'message', photos: 'info-photos', score: 'score-1', comment: 'comment', reason: 'reason', _: 'hasil-lacak' }}
      />
      <dl class="facts">
        <dt>Nomor</dt>
        <dd>{r.ticket}</dd>
        <dt>Masuk</dt>
        <dd>{formatDateTime(r.createdAt)}</dd>
        <dt>Wilayah</dt>
        <dd>{r.region.title}</dd>
        <dt>Kategori</dt>
        <dd>
          {r.classificationLabel} · {r.category}
        </dd>
        {r.place || r.lat !== null ? (
          <>
            <dt>Lokasi</dt>
            <dd>
              {r.place ?? ''}
              {r.lat !== null && r.lng !== null ? ` (${r.lat.toFixed(5)}, ${r.lng.toFixed(5)})` : ''}
            </dd>
          </>
        ) : null}
        <dt>Privasi</dt>
        <dd>
          {[r.anonymous ? 'anonim' : 'identitas terlihat oleh petugas', r.confidential ? 'rahasia' : 'isi terbuka untuk umum setelah diverifikasi'].join('; ')}
        </dd>
        <dt>Kontak Anda</dt>
        <dd>{[r.reporter.name, r.reporter.phone, r.reporter.email].filter(Boolean).join(' · ') || 'tidak diisi'}</dd>
        {r.dueAt && (r.status === 'diterima' || r.status === 'diverifikasi' || r.status === 'didisposisikan') ? (
          <>
            <dt>Tenggat petugas</dt>
            <dd>{formatWeekdayDate(r.dueAt)}</dd>
          </>
        ) : null}
        <ExternalRefRows refs={r.externalRefs} />
      </dl>
      <p class="prose-text">{r.description}</p>
      {r.attachments.length ? (
        <ul class="photos">
          {r.attachments.map((a, i) => (
            <li>
              <a href={photo(a.id)} rel="noreferrer">
                Foto {i + 1} ({a.width}×{a.height})
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Riwayat</h3>
      <Timeline items={r.timeline} />
      {r.rating ? (
        <p class="success">
          Penilaian Anda: {r.rating.score} dari 5{r.rating.comment ? ` — “${r.rating.comment}”` : ''}.
        </p>
      ) : null}
      {r.actions.includes('terima_jawaban') ? (
        <form method="post" action={post('terima')} class="action-form">
          {authFields(r.ticket, kode)}
          <h3>Sudah terselesaikan?</h3>
          <p>Bila jawaban petugas sudah menyelesaikan masalah Anda, nyatakan laporan selesai.</p>
          <button type="submit">Ya, laporan saya selesai</button>
        </form>
      ) : null}
      {r.actions.includes('tambah_info') ? (
        <form method="post" action={post('info')} enctype="multipart/form-data" class="action-form">
          {authFields(r.ticket, kode)}
          <h3>Tambah informasi atau tanggapi</h3>
          <Field id="message" label="Pesan untuk petugas" error={err('message')}>
            {(d) => <textarea id="message" name="message" rows={4} maxlength={3000} aria-describedby={d}></textarea>}
          </Field>
          <Field id="info-photos" label={`Foto tambahan (tidak wajib, paling banyak ${MAX_PHOTOS})`} error={err('photos')}>
            {(d) => (
              <>
                <input
                  type="file"
                  id="info-photos"
                  name="photos"
                  multiple
                  accept="image/jpeg,image/png,image/webp"
                  data-downscale="1600"
                  aria-describedby={d}
                />
                <p class="hint" id="info-photos-status" role="status"></p>
              </>
            )}
          </Field>
          <button type="submit">Kirim informasi</button>
        </form>
      ) : null}
      {r.actions.includes('nilai') ? (
        <form method="post" action={post('nilai')} class="action-form">
          {authFields(r.ticket, kode)}
          <fieldset class={err('score') ? 'field-error' : undefined}>
            <legend>Nilai penanganan laporan ini</legend>
            {err('score') ? <p class="error-message">{err('score')}</p> : null}
            <div class="checks rating">
              {[1, 2, 3, 4, 5].map((n) => (
                <label for={`score-${n}`}>
                  <input type="radio" id={`score-${n}`} name="score" value={String(n)} />
                  {n} {n === 1 ? '(sangat buruk)' : n === 5 ? '(sangat baik)' : ''}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="comment" label="Komentar (tidak wajib)" error={err('comment')}>
            {(d) => <textarea id="comment" name="comment" rows={3} maxlength={1000} aria-describedby={d}></textarea>}
          </Field>
          <button type="submit">Kirim penilaian</button>
        </form>
      ) : null}
      {r.actions.includes('buka_kembali') && r.reopenUntil ? (
        <form method="post" action={post('buka')} class="action-form">
          {authFields(r.ticket, kode)}
          <h3>Belum terselesaikan?</h3>
          <p>
            Anda dapat membuka kembali laporan sampai {formatWeekdayDate(r.reopenUntil)} ({REOPEN_DAYS} hari kerja setelah selesai). Petugas wajib
            menindaklanjuti dalam {FOLLOWUP_DAYS} hari kerja.
          </p>
          <Field id="reason" label="Alasan membuka kembali" error={err('reason')}>
            {(d) => <textarea id="reason" name="reason" rows={3} maxlength={1000} aria-describedby={d}></textarea>}
          </Field>
          <button type="submit" class="button-secondary">
            Buka kembali laporan
          </button>
        </form>
      ) : null}
      <p class="hint">Kode pribadi: {formatCode(normalizeCode(kode) ?? kode)}</p>
    </section>
  );
};
