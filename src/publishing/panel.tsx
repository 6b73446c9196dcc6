import type { FC } from 'hono/jsx';
import type { FieldError } from '../lib/errors';
import { errorFor, valueOf, type FormValues } from '../lib/forms';
import { Field, StatusTag } from '../views/components';
import { CsrfField } from '../admin/render';
import type { ContentNoun, PublishAction, PublishStatus } from './workflow';

/** Status words and tones shared by every kind of public content. */
export const PUBLISH_STATUS_LABELS: Record<PublishStatus, string> = {
  draft: 'Draf',
  menunggu_tinjauan: 'Menunggu tinjauan',
  terbit: 'Terbit',
  ditolak: 'Dikembalikan',
};
export const PUBLISH_STATUS_TONES: Record<PublishStatus, 'grey' | 'yellow' | 'green' | 'red'> = {
  draft: 'grey',
  menunggu_tinjauan: 'yellow',
  terbit: 'green',
  ditolak: 'red',
};

export const PublishStatusTag: FC<{ status: PublishStatus }> = ({ status }) => (
  <StatusTag tone={PUBLISH_STATUS_TONES[status]}>{PUBLISH_STATUS_LABELS[status]}</StatusTag>
);

/**
 * The workflow panel of a document or a place: its status, the reviewer's note, and only the actions that would
 * succeed (from `availableActions`). Each action posts to `${base}/{kirim|terbitkan|tarik|setujui|tolak}`; deleting
 * goes to `${base}/hapus`, which asks for confirmation first.
 */
export const PublishPanel: FC<{
  csrf: string;
  base: string;
  noun: ContentNoun;
  status: PublishStatus;
  reviewNote: string | null;
  actions: PublishAction[];
  publicHref?: string;
  errors?: FieldError[];
  values?: FormValues;
}> = (p) => {
  const has = (a: PublishAction) => p.actions.includes(a);
  return (
    <section class="status-panel" aria-labelledby="status-terbit">
      <h2 id="status-terbit">
        Status: <PublishStatusTag status={p.status} />
      </h2>
      {p.status === 'terbit' && p.publicHref ? (
        <p>
          <a href={p.publicHref}>Lihat di situs publik</a>
        </p>
      ) : null}
      {p.reviewNote && p.status !== 'terbit' ? (
        <p class="callout">
          <strong>Catatan peninjau:</strong> {p.reviewNote}
        </p>
      ) : null}
      {p.status === 'menunggu_tinjauan' && !has('approve') ? <p>Sedang menunggu tinjauan Diskominfo atau kecamatan; belum tampil di situs publik.</p> : null}
      {p.status === 'draft' || p.status === 'ditolak' ? <p class="hint">Belum tampil di situs publik.</p> : null}
      <div class="actions">
        {has('submit') ? <ActionButton csrf={p.csrf} action={`${p.base}/kirim`} label="Kirim untuk ditinjau" /> : null}
        {has('publish') ? <ActionButton csrf={p.csrf} action={`${p.base}/terbitkan`} label="Terbitkan sekarang" /> : null}
        {has('unpublish') ? <ActionButton csrf={p.csrf} action={`${p.base}/tarik`} label="Tarik dari situs" secondary /> : null}
      </div>
      {has('approve') ? (
        <div class="review">
          <form method="post" action={`${p.base}/setujui`}>
            <CsrfField token={p.csrf} />
            <Field id="approve-note" label="Catatan (opsional)">
              {(d) => <textarea id="approve-note" name="note" rows={2} maxlength={1000} aria-describedby={d}></textarea>}
            </Field>
            <button type="submit">Setujui dan terbitkan</button>
          </form>
          <form method="post" action={`${p.base}/tolak`}>
            <CsrfField token={p.csrf} />
            <Field id="note" label="Alasan pengembalian" hint="Wajib: jelaskan apa yang perlu diperbaiki." error={errorFor(p.errors, 'note')}>
              {(d) => (
                <textarea id="note" name="note" rows={3} maxlength={1000} aria-describedby={d}>
                  {valueOf(p.values ?? {}, 'note')}
                </textarea>
              )}
            </Field>
            <button type="submit" class="button-danger">
              Kembalikan dengan catatan
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
};

const ActionButton: FC<{ csrf: string; action: string; label: string; secondary?: boolean }> = (p) => (
  <form method="post" action={p.action} class="inline">
    <CsrfField token={p.csrf} />
    <button type="submit" class={p.secondary ? 'button-secondary' : undefined}>
      {p.label}
    </button>
  </form>
);

/** The save buttons of an editor form: save, then submit for review or publish, as the rights allow. */
export const SaveButtons: FC<{ live: boolean; canPublish: boolean; canDraft: boolean; waiting: boolean; noun: ContentNoun }> = (p) => (
  <div class="actions">
    <button type="submit" name="aksi" value="simpan" class={p.live ? '' : 'button-secondary'}>
      {p.live ? 'Simpan perubahan (langsung tampil)' : 'Simpan draf'}
    </button>
    {!p.live && p.canPublish ? (
      <button type="submit" name="aksi" value="terbitkan">
        Simpan dan terbitkan
      </button>
    ) : null}
    {!p.live && !p.canPublish && p.canDraft && !p.waiting ? (
      <button type="submit" name="aksi" value="kirim">
        Simpan dan kirim untuk ditinjau
      </button>
    ) : null}
  </div>
);
