import { ExternalRefRows } from './external-refs-view';
import type { Child, FC } from 'hono/jsx';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime, formatWeekdayDate } from '../../lib/time';
import type { DeadlineState } from '../../lib/working-days';
import { ErrorSummary, Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { DUE_LABELS } from './deadlines';
import { ACTION_LABELS, STATUS_TONES } from './labels';
import type { HandlerComplaintView } from './present';

const DUE_TONES = { aman: 'green', mendekati: 'yellow', lewat: 'red' } as const;

export const DueTag: FC<{ state: DeadlineState | null }> = ({ state }) => (state ? <StatusTag tone={DUE_TONES[state]}>{DUE_LABELS[state]}</StatusTag> : null);

export interface DetailProps {
  csrf: string;
  v: HandlerComplaintView;
  due: DeadlineState | null;
  targets: Array<{ code: string; label: string }>;
  notice?: string;
  failed?: { action: string; errors: FieldError[]; values: FormValues };
}

const ActionForm: FC<{
  id: string;
  csrf: string;
  v: HandlerComplaintView;
  action: keyof typeof ACTION_LABELS;
  children?: Child;
  danger?: boolean;
  open?: boolean;
}> = (p) => (
  <details class="action" open={p.open}>
    <summary>{ACTION_LABELS[p.action]}</summary>
    <form method="post" action={`/admin/pengaduan/${p.v.id}/tindakan`} id={`form-${p.action}`}>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="action" value={p.action} />
      <input type="hidden" name="version" value={String(p.v.version)} />
      {p.children}
      <button type="submit" class={p.danger ? 'button-danger' : undefined}>
        {ACTION_LABELS[p.action]}
      </button>
    </form>
  </details>
);

const TargetSelect: FC<{ id: string; targets: DetailProps['targets']; value: string; optional?: boolean; describedBy?: string }> = (p) => (
  <select id={p.id} name="target_region" aria-describedby={p.describedBy}>
    {p.optional ? <option value="">— tidak ke wilayah lain —</option> : null}
    {p.targets.map((t) => (
      <option value={t.code} selected={p.value === t.code}>
        {t.label}
      </option>
    ))}
  </select>
);

export const AdminDetailView: FC<DetailProps> = ({ csrf, v, due, targets, notice, failed }) => {
  const vals = (a: string) => (failed?.action === a ? failed.values : undefined);
  const err = (a: string, f: string) => (failed?.action === a ? errorFor(failed.errors, f) : undefined);
  const text = (a: string, f: string) => valueOf(vals(a), f);
  const has = (a: string) => v.actions.includes(a as never);
  return (
    <>
      <h1>{v.title}</h1>
      {notice ? (
        <p class="success" role="status">
          {notice}
        </p>
      ) : null}
      {failed ? (
        <ErrorSummary errors={failed.errors} fieldIds={Object.fromEntries(failed.errors.map((e) => [e.field, `${failed.action}-${e.field}`]))} />
      ) : null}
      <p>
        <StatusTag tone={STATUS_TONES[v.status]}>{v.statusLabel}</StatusTag> <DueTag state={due} />
        {v.isDemo ? <StatusTag tone="yellow">Contoh demo</StatusTag> : null}
      </p>
      <dl class="facts">
        <dt>Nomor</dt>
        <dd>{v.ticket}</dd>
        <dt>Jenis · kategori</dt>
        <dd>
          {v.classificationLabel} · {v.category}
        </dd>
        <dt>Wilayah laporan</dt>
        <dd>{v.region.title}</dd>
        <dt>Ditangani</dt>
        <dd>
          {v.handlingRegion.title}
          {v.unit ? ` · ${v.unit}` : ''}
        </dd>
        <dt>Masuk</dt>
        <dd>{formatDateTime(v.createdAt)}</dd>
        {v.dueAt ? (
          <>
            <dt>Tenggat</dt>
            <dd>{formatWeekdayDate(v.dueAt)}</dd>
          </>
        ) : null}
        {v.autocloseAt ? (
          <>
            <dt>Ditutup otomatis</dt>
            <dd>{formatWeekdayDate(v.autocloseAt)} bila pelapor tidak menanggapi</dd>
          </>
        ) : null}
        <dt>Pelapor</dt>
        <dd>
          {v.reporter.anonymous ? (
            <em>Anonim — identitas pelapor tidak ditampilkan.</em>
          ) : (
            [v.reporter.name, v.reporter.phone, v.reporter.email].filter(Boolean).join(' · ')
          )}
        </dd>
        <dt>Privasi</dt>
        <dd>{v.confidential ? 'Rahasia (tidak tampil untuk umum)' : 'Terbuka untuk umum setelah diverifikasi'}</dd>
        {v.place || v.lat !== null ? (
          <>
            <dt>Lokasi</dt>
            <dd>
              {v.place ?? ''}
              {v.lat !== null && v.lng !== null ? ` (${v.lat.toFixed(5)}, ${v.lng.toFixed(5)})` : ''}
            </dd>
          </>
        ) : null}
        <ExternalRefRows refs={v.externalRefs} />
        {v.ratings.map((r) => (
          <>
            <dt>Penilaian{v.ratings.length > 1 ? ` (putaran ${r.round + 1})` : ''}</dt>
            <dd>
              {r.score} dari 5{r.comment ? ` — “${r.comment}”` : ''}
            </dd>
          </>
        ))}
      </dl>
      <p class="prose-text">{v.description}</p>
      {v.attachments.length ? (
        <ul class="photos">
          {v.attachments.map((a, i) => (
            <li>
              <a href={`/admin/pengaduan/${v.id}/foto/${a.id}`}>
                <img
                  src={`/admin/pengaduan/${v.id}/foto/${a.id}`}
                  alt={`Foto ${i + 1} dari pelapor`}
                  width="160"
                  height={String(Math.round((160 * a.height) / a.width))}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {v.actions.length ? (
        <section aria-labelledby="tindakan">
          <h2 id="tindakan">Tindakan</h2>
          {has('verifikasi') ? (
            <ActionForm id="verifikasi" csrf={csrf} v={v} action="verifikasi" open={failed?.action === 'verifikasi'}>
              <Field id="verifikasi-note" label="Catatan internal (tidak wajib)" error={err('verifikasi', 'note')}>
                {(d) => (
                  <textarea id="verifikasi-note" name="note" rows={2} aria-describedby={d}>
                    {text('verifikasi', 'note')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
          {has('disposisi') ? (
            <ActionForm id="disposisi" csrf={csrf} v={v} action="disposisi" open={failed?.action === 'disposisi'}>
              <Field
                id="disposisi-target_region"
                label="Wilayah yang menangani"
                hint="Dalam jangkauan Anda, atau wilayah di atasnya (eskalasi)."
                error={err('disposisi', 'target_region')}
              >
                {(d) => (
                  <TargetSelect
                    id="disposisi-target_region"
                    targets={targets}
                    value={text('disposisi', 'target_region') || v.handlingRegion.code}
                    describedBy={d}
                  />
                )}
              </Field>
              <Field
                id="disposisi-unit"
                label="Unit yang menangani"
                hint="Mis. Seksi Pembangunan, Puskesmas Sangatta Utara, Dinas PUPR."
                error={err('disposisi', 'unit')}
              >
                {(d) => <input type="text" id="disposisi-unit" name="unit" maxlength={150} value={text('disposisi', 'unit')} aria-describedby={d} />}
              </Field>
              <Field id="disposisi-instruction" label="Instruksi (internal)" error={err('disposisi', 'instruction')}>
                {(d) => (
                  <textarea id="disposisi-instruction" name="instruction" rows={3} aria-describedby={d}>
                    {text('disposisi', 'instruction')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
          {has('tindak_lanjut') ? (
            <ActionForm id="tindak_lanjut" csrf={csrf} v={v} action="tindak_lanjut" open={failed?.action === 'tindak_lanjut'}>
              <Field
                id="tindak_lanjut-answer"
                label="Jawaban untuk pelapor"
                hint="Dikirim ke pelapor. Jangan cantumkan nomor pribadi petugas."
                error={err('tindak_lanjut', 'answer')}
              >
                {(d) => (
                  <textarea id="tindak_lanjut-answer" name="answer" rows={5} aria-describedby={d}>
                    {text('tindak_lanjut', 'answer')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
          {has('selesaikan') ? (
            <ActionForm id="selesaikan" csrf={csrf} v={v} action="selesaikan" open={failed?.action === 'selesaikan'}>
              <Field id="selesaikan-note" label="Catatan untuk pelapor (tidak wajib)" error={err('selesaikan', 'note')}>
                {(d) => (
                  <textarea id="selesaikan-note" name="note" rows={2} aria-describedby={d}>
                    {text('selesaikan', 'note')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
          {has('teruskan') ? (
            <ActionForm id="teruskan" csrf={csrf} v={v} action="teruskan" open={failed?.action === 'teruskan'}>
              <Field id="teruskan-target_region" label="Teruskan ke wilayah" error={err('teruskan', 'target_region')}>
                {(d) => (
                  <TargetSelect
                    id="teruskan-target_region"
                    targets={targets.filter((t) => t.code !== v.handlingRegion.code)}
                    value={text('teruskan', 'target_region')}
                    optional
                    describedBy={d}
                  />
                )}
              </Field>
              <Field
                id="teruskan-agency"
                label="atau instansi di luar portal"
                hint="Mis. Kepolisian Sektor Sangatta, BPJS Kesehatan."
                error={err('teruskan', 'agency')}
              >
                {(d) => <input type="text" id="teruskan-agency" name="agency" maxlength={150} value={text('teruskan', 'agency')} aria-describedby={d} />}
              </Field>
              <Field id="teruskan-reason" label="Alasan (internal)" error={err('teruskan', 'reason')}>
                {(d) => (
                  <textarea id="teruskan-reason" name="reason" rows={2} aria-describedby={d}>
                    {text('teruskan', 'reason')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
          {has('tolak') ? (
            <ActionForm id="tolak" csrf={csrf} v={v} action="tolak" danger open={failed?.action === 'tolak'}>
              <Field id="tolak-reason" label="Alasan penolakan (dikirim ke pelapor)" error={err('tolak', 'reason')}>
                {(d) => (
                  <textarea id="tolak-reason" name="reason" rows={3} aria-describedby={d}>
                    {text('tolak', 'reason')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
          {has('arsipkan') ? (
            <ActionForm id="arsipkan" csrf={csrf} v={v} action="arsipkan" danger open={failed?.action === 'arsipkan'}>
              <p class="hint">Untuk laporan ganda atau spam. Laporan yang diarsipkan tidak dapat diproses lagi.</p>
              <Field id="arsipkan-reason" label="Alasan (internal)" error={err('arsipkan', 'reason')}>
                {(d) => (
                  <textarea id="arsipkan-reason" name="reason" rows={2} aria-describedby={d}>
                    {text('arsipkan', 'reason')}
                  </textarea>
                )}
              </Field>
            </ActionForm>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat (terbaru dahulu)</h2>
        <ol class="ctimeline">
          {v.timeline.map((t) => (
            <li>
              <p class="meta">
                {formatDateTime(t.at)} · {t.actor}
                {t.actorName ? ` (${t.actorName})` : ''}
              </p>
              <p>
                <strong>{t.label}</strong>
                {t.targetRegion ? ` → ${t.targetRegion.title}` : ''}
              </p>
              {t.notePublic ? <p class="note">Publik: {t.notePublic}</p> : null}
              {t.noteReporter ? <p class="note">Untuk pelapor: {t.noteReporter}</p> : null}
              {t.noteInternal ? <p class="note">Internal: {t.noteInternal}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <a href="/admin/pengaduan">Kembali ke daftar pengaduan</a>
      </p>
    </>
  );
};
