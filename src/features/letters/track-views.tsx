/**
 * Tracking a request and verifying a letter. The private code travels only in POST bodies: the tracking form posts
 * number + code; the requester's actions (fix, cancel, download) are forms carrying them as hidden fields on a page
 * sent with `Cache-Control: no-store`. Plain props.
 */
import type { FC } from 'hono/jsx';
import type { FieldError } from '../../lib/errors';
import { errorFor } from '../../lib/forms';
import { formatDate, formatDateTime, formatWeekdayDate } from '../../lib/time';
import { ErrorSummary, Field, StatusTag } from '../../views/components';
import { STATUS_TONES, type PublicStatus, type RequesterView } from './present';
import type { VerificationView } from './letter-service';
import type { RequirementDef } from './template';

export const TrackForm: FC<{ action: string; nomor: string; errors?: FieldError[] }> = ({ action, nomor, errors }) => (
  <form method="post" action={action} novalidate class="track-form">
    <Field id="nomor" label="Nomor permohonan" hint="Mis. SRT-7K3Q-9XPD." error={errorFor(errors, 'nomor')}>
      {(d) => <input id="nomor" name="nomor" value={nomor} maxlength={40} autocomplete="off" aria-describedby={d} />}
    </Field>
    <Field
      id="kode"
      label="Kode pribadi (tidak wajib)"
      hint="Isi untuk melihat seluruh proses, memperbaiki, membatalkan atau mengunduh surat."
      error={errorFor(errors, 'kode')}
    >
      {(d) => <input id="kode" name="kode" maxlength={60} autocomplete="off" aria-describedby={d} />}
    </Field>
    <button type="submit">Lacak</button>
  </form>
);

const Timeline: FC<{ items: PublicStatus['timeline'] }> = ({ items }) => (
  <ol class="timeline">
    {items.map((i) => (
      <li>
        <strong>{i.label}</strong> <span class="meta">{formatDateTime(i.at)}</span>
      </li>
    ))}
  </ol>
);

const Summary: FC<{ s: PublicStatus; regionLabel: string }> = ({ s, regionLabel }) => (
  <dl class="facts">
    <div>
      <dt>Nomor permohonan</dt>
      <dd>{s.trackingNumber}</dd>
    </div>
    <div>
      <dt>Jenis surat</dt>
      <dd>{s.type}</dd>
    </div>
    <div>
      <dt>Wilayah</dt>
      <dd>{regionLabel}</dd>
    </div>
    <div>
      <dt>Status</dt>
      <dd>
        <StatusTag tone={STATUS_TONES[s.status]}>{s.statusLabel}</StatusTag>
      </dd>
    </div>
    <div>
      <dt>Diajukan</dt>
      <dd>{formatDate(s.submittedAt)}</dd>
    </div>
    {s.dueAt ? (
      <div>
        <dt>Perkiraan selesai</dt>
        <dd>{formatWeekdayDate(s.dueAt)}</dd>
      </div>
    ) : null}
  </dl>
);

export const PublicTrackView: FC<{ s: PublicStatus; regionLabel: string; action: string; errors?: FieldError[] }> = (p) => (
  <div>
    <h1>Permohonan {p.s.trackingNumber}</h1>
    <Summary s={p.s} regionLabel={p.regionLabel} />
    <h2>Riwayat</h2>
    <Timeline items={p.s.timeline} />
    <h2>Lihat selengkapnya</h2>
    <TrackForm action={p.action} nomor={p.s.trackingNumber} errors={p.errors} />
  </div>
);

const Auth: FC<{ nomor: string; kode: string }> = ({ nomor, kode }) => (
  <>
    <input type="hidden" name="nomor" value={nomor} />
    <input type="hidden" name="kode" value={kode} />
  </>
);

export interface RequesterPageProps {
  v: RequesterView;
  code: string;
  regionLabel: string;
  actions: { fix: string; cancel: string; download: string; print: string };
  requirements: RequirementDef[];
  office: { address: string; hours: string };
  notice?: string;
  errors?: FieldError[];
}

export const RequesterPage: FC<RequesterPageProps> = (p) => {
  const v = p.v;
  return (
    <div>
      <h1>Permohonan {v.trackingNumber}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary errors={p.errors ?? []} fieldIds={{ _: 'note' }} />
      <Summary s={v} regionLabel={p.regionLabel} />
      <dl class="facts">
        <div>
          <dt>Nama</dt>
          <dd>{v.name}</dd>
        </div>
        <div>
          <dt>NIK</dt>
          <dd>{v.nikMasked}</dd>
        </div>
        {v.letterNumber ? (
          <div>
            <dt>Nomor surat</dt>
            <dd>{v.letterNumber}</dd>
          </div>
        ) : null}
      </dl>
      {v.noteFromOfficer && v.status !== 'selesai' ? (
        <div class="callout">
          <h2>Pesan petugas</h2>
          <p>{v.noteFromOfficer}</p>
        </div>
      ) : null}
      {v.revokedAt ? (
        <p class="callout">
          Surat ini dicabut pada {formatDate(v.revokedAt)}. {v.noteFromOfficer}
        </p>
      ) : null}
      {v.canDownload ? (
        <div class="panel">
          <h2>Surat Anda sudah siap diunduh</h2>
          <form method="post" action={p.actions.download}>
            <Auth nomor={v.trackingNumber} kode={p.code} />
            <button type="submit" name="jenis" value="pdf">
              Unduh PDF
            </button>{' '}
            {v.hasSignedScan ? (
              <button type="submit" name="jenis" value="pindaian" class="button-secondary">
                Unduh pindaian bertanda tangan
              </button>
            ) : null}
          </form>
          <form method="post" action={p.actions.print}>
            <Auth nomor={v.trackingNumber} kode={p.code} />
            <button type="submit" class="button-secondary">
              Buka versi cetak
            </button>
          </form>
        </div>
      ) : v.status === 'selesai' && !v.revokedAt ? (
        <p class="panel">
          Surat Anda sudah siap diambil di kantor {p.regionLabel}
          {p.office.address ? ` (${p.office.address})` : ''}, {p.office.hours}. Bawa KTP asli.
        </p>
      ) : null}
      {v.actions.includes('perbaiki') ? (
        <section>
          <h2>Perbaiki permohonan</h2>
          <form method="post" action={p.actions.fix} enctype="multipart/form-data" novalidate>
            <Auth nomor={v.trackingNumber} kode={p.code} />
            {p.requirements
              .filter((r) => r.upload)
              .map((r) => (
                <Field id={`req_${r.key}`} label={`${r.label} (unggah ulang bila diminta)`} error={errorFor(p.errors, `req_${r.key}`)}>
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
            <Field id="note" label="Catatan untuk petugas (tidak wajib)" error={errorFor(p.errors, 'note')}>
              {(d) => <textarea id="note" name="note" rows={3} maxlength={1000} aria-describedby={d}></textarea>}
            </Field>
            <button type="submit">Kirim perbaikan</button>
          </form>
        </section>
      ) : null}
      <h2>Riwayat</h2>
      <Timeline items={v.timeline} />
      {v.actions.includes('batalkan') ? (
        <section>
          <h2>Batalkan permohonan</h2>
          <form method="post" action={p.actions.cancel}>
            <Auth nomor={v.trackingNumber} kode={p.code} />
            <p class="hint">Permohonan yang dibatalkan tidak dapat dilanjutkan. Anda dapat mengajukan lagi kapan saja.</p>
            <button type="submit" class="button-danger">
              Batalkan permohonan
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
};

const STATE_TEXT = {
  valid: { title: 'Surat valid', tone: 'green', lead: 'Surat ini diterbitkan melalui portal dan tercatat dalam register surat.' },
  dicabut: { title: 'Surat dicabut', tone: 'red', lead: 'Surat ini pernah diterbitkan, tetapi sudah dicabut dan tidak berlaku lagi.' },
  tidak_dikenal: {
    title: 'Surat tidak dikenal',
    tone: 'red',
    lead: 'Kode ini tidak cocok dengan surat mana pun yang diterbitkan melalui portal. Surat mungkin palsu, diubah, atau kodenya salah ketik.',
  },
} as const;

export const VerifyView: FC<{ view: VerificationView | null; code: string }> = ({ view, code }) => {
  const l = view?.letter;
  const s = view ? STATE_TEXT[view.state] : null;
  return (
    <div>
      <h1>{s ? s.title : 'Periksa keaslian surat'}</h1>
      {s ? (
        <p>
          <StatusTag tone={s.tone}>{s.title}</StatusTag> {s.lead}
        </p>
      ) : (
        <p>Pindai kode QR pada surat, atau ketik kode verifikasi yang tercetak di bawahnya.</p>
      )}
      {l ? (
        <dl class="facts">
          <div>
            <dt>Jenis surat</dt>
            <dd>{l.type}</dd>
          </div>
          <div>
            <dt>Nomor surat</dt>
            <dd>{l.number}</dd>
          </div>
          <div>
            <dt>Diterbitkan oleh</dt>
            <dd>{l.region}</dd>
          </div>
          <div>
            <dt>Tanggal surat</dt>
            <dd>{formatDate(l.issuedAt)}</dd>
          </div>
          <div>
            <dt>Penandatangan</dt>
            <dd>{[l.signatory, l.signatoryPosition].filter(Boolean).join(', ')}</dd>
          </div>
          <div>
            <dt>Atas nama</dt>
            <dd>{l.applicantName}</dd>
          </div>
          <div>
            <dt>NIK</dt>
            <dd>{l.applicantNik}</dd>
          </div>
          {l.revokedAt ? (
            <div>
              <dt>Dicabut</dt>
              <dd>
                {formatDate(l.revokedAt)}
                {l.revokeReason ? ` — ${l.revokeReason}` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {l ? <p class="hint">Cocokkan data di atas dengan surat yang Anda pegang. Nama dan NIK sengaja disamarkan.</p> : null}
      <form method="get" action="/verifikasi" class="track-form">
        <Field id="kode" label="Kode verifikasi" hint="Mis. v1-7K3Q9XPD7K3Q9XPD-ABCDEFGHJKMNPQRS.">
          {(d) => <input id="kode" name="kode" value={code} maxlength={60} autocomplete="off" aria-describedby={d} />}
        </Field>
        <button type="submit">Periksa</button>
      </form>
    </div>
  );
};
