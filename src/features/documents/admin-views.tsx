import type { FC } from 'hono/jsx';
import type { RegionOption } from '../../admin/components';
import type { DocumentRow, DocumentVersionRow, RegionLevel } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { regionTitle } from '../../regions/labels';
import { ErrorSummary, Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { ConfirmLink } from '../../admin/confirm';
import { CategoryFields } from './category-fields';
import { FileField } from './file-field';
import { INFO_CATEGORY_LABELS, INFO_CATEGORY_TONES, mimeWord } from './labels';
import { documentHref } from './views';
import { PublishPanel, SaveButtons } from '../../publishing/panel';
import type { PublishAction, PublishRights } from '../../publishing/workflow';

export function valuesOfDocument(d: DocumentRow): FormValues {
  return {
    title: d.title,
    category: d.category,
    year: String(d.year),
    description: d.description,
    info_category: d.infoCategory,
    responsible_unit: d.responsibleUnit,
    retention_period: d.retentionPeriod,
    exemption_legal_basis: d.exemptionLegalBasis ?? '',
    consequence_test_summary: d.consequenceTestSummary ?? '',
  };
}

const DeclassifyNote: FC<{ values: FormValues; errors?: FieldError[] }> = ({ values: v, errors: e }) => (
  <Field
    id="declassification_note"
    label="Hasil uji konsekuensi yang membuka informasi ini"
    hint="Wajib bila dokumen yang dikecualikan diubah menjadi informasi publik. Tercatat di log audit."
    error={errorFor(e, 'declassification_note')}
  >
    {(d) => (
      <textarea id="declassification_note" name="declassification_note" rows={3} maxlength={2000} aria-describedby={d}>
        {valueOf(v, 'declassification_note')}
      </textarea>
    )}
  </Field>
);

const MetadataFields: FC<{ values: FormValues; errors?: FieldError[]; declassifyNote?: boolean; levels: readonly RegionLevel[] }> = ({
  values: v,
  errors: e,
  declassifyNote,
  levels,
}) => (
  <>
    <Field id="title" label="Judul dokumen" error={errorFor(e, 'title')}>
      {(d) => <input id="title" name="title" type="text" maxlength={200} value={valueOf(v, 'title')} required aria-describedby={d} />}
    </Field>
    <Field id="year" label="Tahun" error={errorFor(e, 'year')}>
      {(d) => <input id="year" name="year" type="number" inputmode="numeric" min={1945} max={2100} value={valueOf(v, 'year')} aria-describedby={d} />}
    </Field>
    <Field id="description" label="Keterangan (opsional)" error={errorFor(e, 'description')}>
      {(d) => (
        <textarea id="description" name="description" rows={3} maxlength={2000} aria-describedby={d}>
          {valueOf(v, 'description')}
        </textarea>
      )}
    </Field>
    <CategoryFields values={v} errors={e} levels={levels} />
    <Field
      id="responsible_unit"
      label="Penanggung jawab (opsional)"
      hint="Unit/pejabat yang menguasai informasi, mis. “Sekretaris Desa”."
      error={errorFor(e, 'responsible_unit')}
    >
      {(d) => <input id="responsible_unit" name="responsible_unit" type="text" maxlength={200} value={valueOf(v, 'responsible_unit')} aria-describedby={d} />}
    </Field>
    <Field
      id="retention_period"
      label="Jangka waktu penyimpanan (opsional)"
      hint="Mis. “5 tahun” atau “Selama berlaku”."
      error={errorFor(e, 'retention_period')}
    >
      {(d) => <input id="retention_period" name="retention_period" type="text" maxlength={100} value={valueOf(v, 'retention_period')} aria-describedby={d} />}
    </Field>
    <fieldset class="group">
      <legend>Hanya untuk informasi dikecualikan</legend>
      <Field
        id="exemption_legal_basis"
        label="Dasar hukum pengecualian"
        hint="Mis. “UU 14/2008 Pasal 17 huruf h”."
        error={errorFor(e, 'exemption_legal_basis')}
      >
        {(d) => (
          <input
            id="exemption_legal_basis"
            name="exemption_legal_basis"
            type="text"
            maxlength={500}
            value={valueOf(v, 'exemption_legal_basis')}
            aria-describedby={d}
          />
        )}
      </Field>
      <Field id="consequence_test_summary" label="Ringkasan uji konsekuensi" error={errorFor(e, 'consequence_test_summary')}>
        {(d) => (
          <textarea id="consequence_test_summary" name="consequence_test_summary" rows={3} maxlength={2000} aria-describedby={d}>
            {valueOf(v, 'consequence_test_summary')}
          </textarea>
        )}
      </Field>
      {declassifyNote ? <DeclassifyNote values={v} errors={e} /> : null}
    </fieldset>
  </>
);

export const DocumentCreateView: FC<{
  csrf: string;
  regions: RegionOption[];
  uploadMax: number;
  chunkBytes: number;
  values: FormValues;
  errors?: FieldError[];
  canPublish: boolean;
  mustReview: boolean;
}> = (p) => (
  <>
    <h1>Unggah dokumen</h1>
    <ErrorSummary errors={p.errors ?? []} />
    <form method="post" action="/admin/dokumen" enctype="multipart/form-data">
      <CsrfField token={p.csrf} />
      <Field id="region_code" label="Wilayah" error={errorFor(p.errors, 'region_code')}>
        {(d) => (
          <select id="region_code" name="region_code" aria-describedby={d}>
            {p.regions.length > 1 ? <option value="">Pilih wilayah</option> : null}
            {p.regions.map((r) => (
              <option value={r.code} selected={valueOf(p.values, 'region_code') === r.code} data-level={r.level}>
                {regionTitle(r)} ({r.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <FileField
        uploadMax={p.uploadMax}
        chunkBytes={p.chunkBytes}
        error={errorFor(p.errors, 'file')}
        label="Berkas"
        uploadId={valueOf(p.values, 'upload_id') || undefined}
      />
      <p class="hint" id="file-status" aria-live="polite"></p>
      <MetadataFields values={p.values} errors={p.errors} levels={[...new Set(p.regions.map((r) => r.level))]} />
      {p.mustReview ? <p class="hint">Di wilayah yang belum mandiri, dokumen tampil di situs setelah disetujui Diskominfo atau kecamatan.</p> : null}
      <SaveButtons live={false} canPublish={p.canPublish} canDraft={true} waiting={false} noun="dokumen" />
    </form>
  </>
);

export const DocumentEditView: FC<{
  csrf: string;
  doc: DocumentRow;
  regionName: string;
  regionLevel: RegionOption['level'];
  regionPath: string;
  versions: DocumentVersionRow[];
  history: Array<{ at: number; action: string; actorName: string | null; summary: string }>;
  uploadMax: number;
  chunkBytes: number;
  rights: PublishRights;
  declassify: boolean;
  actions: PublishAction[];
  values?: FormValues;
  errors?: FieldError[];
  notice?: string;
}> = (p) => {
  const d = p.doc;
  const values = p.values ?? valuesOfDocument(d);
  const isPublic = d.infoCategory !== 'dikecualikan' && d.status === 'terbit';
  const base = `/admin/dokumen/${d.id}`;
  const edits = p.rights.draft || p.rights.publish;
  const live = d.status === 'terbit';
  const mayEditMetadata = live ? p.rights.publish : p.rights.draft || p.rights.publish;
  const pending = d.pendingVersion !== null ? p.versions.find((v) => v.version === d.pendingVersion) : undefined;
  return (
    <>
      <h1>{d.title}</h1>
      {p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      <p>
        {regionTitle({ level: p.regionLevel, name: p.regionName })} ·{' '}
        <StatusTag tone={INFO_CATEGORY_TONES[d.infoCategory]}>{INFO_CATEGORY_LABELS[d.infoCategory]}</StatusTag> · versi {d.currentVersion}
        {isPublic ? (
          <>
            {' '}
            · <a href={documentHref({ regionPath: p.regionPath, id: d.id })}>lihat di situs publik</a>
          </>
        ) : (
          ' · tidak tampil di situs publik'
        )}
      </p>
      <ErrorSummary errors={p.errors ?? []} />
      {edits || p.rights.review ? (
        <PublishPanel
          csrf={p.csrf}
          base={base}
          noun="dokumen"
          status={d.status}
          reviewNote={d.reviewNote}
          actions={p.actions.filter((a) => a !== 'delete' && a !== 'save')}
          errors={p.errors}
          values={p.values}
        />
      ) : null}
      {pending ? (
        <section aria-labelledby="versi-menunggu" class="callout">
          <h2 id="versi-menunggu">Versi {pending.version} menunggu tinjauan</h2>
          <p>
            Diunggah {formatDateTime(pending.uploadedAt)}: <a href={`${base}/versi/${pending.version}`}>{pending.originalName}</a>
          </p>
          <p class="hint">
            {mimeWord(pending.mime)}, {formatBytes(pending.size)}. Sampai disetujui, situs publik tetap menampilkan versi {d.currentVersion}.
          </p>
          {p.rights.review || p.rights.publish ? (
            <div class="actions">
              <form method="post" action={`${base}/versi/setujui`} class="inline">
                <CsrfField token={p.csrf} />
                <button type="submit">Setujui versi {pending.version}</button>
              </form>
              <form method="post" action={`${base}/versi/tolak`}>
                <CsrfField token={p.csrf} />
                <Field id="version-note" label="Alasan menolak versi ini" error={errorFor(p.errors, 'version-note')}>
                  {(dd) => <textarea id="version-note" name="note" rows={2} maxlength={1000} aria-describedby={dd}></textarea>}
                </Field>
                <button type="submit" class="button-danger">
                  Tolak versi {pending.version}
                </button>
              </form>
            </div>
          ) : null}
        </section>
      ) : null}
      {edits && !pending ? (
        <section aria-labelledby="versi-baru">
          <h2 id="versi-baru">Unggah versi baru</h2>
          <p class="hint">
            Versi lama tetap tersimpan dan tercatat.
            {live && !p.rights.publish ? ' Versi baru tampil di situs setelah disetujui peninjau.' : ''}
          </p>
          <form method="post" action={`${base}/versi`} enctype="multipart/form-data">
            <CsrfField token={p.csrf} />
            <FileField
              uploadMax={p.uploadMax}
              chunkBytes={p.chunkBytes}
              error={errorFor(p.errors, 'file')}
              label="Berkas versi baru"
              regionCode={d.regionCode}
            />
            <p class="hint" id="file-status" aria-live="polite"></p>
            <button type="submit">{live && !p.rights.publish ? 'Unggah dan kirim untuk ditinjau' : 'Unggah versi baru'}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="daftar-versi">
        <h2 id="daftar-versi">Versi</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Versi</th>
              <th scope="col">Diunggah</th>
              <th scope="col">Berkas</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {p.versions.map((v) => (
              <tr>
                <td data-label="Versi">
                  <a href={`${base}/versi/${v.version}`}>Versi {v.version}</a>
                  {!v.approved ? <div class="hint">{v.version === d.pendingVersion ? 'menunggu tinjauan' : 'ditolak peninjau'}</div> : null}
                </td>
                <td data-label="Diunggah">{formatDateTime(v.uploadedAt)}</td>
                <td data-label="Berkas">
                  {v.originalName} ({mimeWord(v.mime)}, {formatBytes(v.size)})
                </td>
                <td data-label="SHA-256">
                  <code class="hash">{v.sha256.slice(0, 16)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {mayEditMetadata ? (
        <section aria-labelledby="keterangan">
          <h2 id="keterangan">Keterangan dokumen</h2>
          <form method="post" action={base}>
            <CsrfField token={p.csrf} />
            <MetadataFields values={values} errors={p.errors} declassifyNote={d.infoCategory === 'dikecualikan' && p.declassify} levels={[p.regionLevel]} />
            {d.infoCategory === 'dikecualikan' && !p.declassify ? (
              <p class="hint">Dokumen ini dikecualikan. Hanya Diskominfo atau PPID yang dapat membukanya menjadi informasi publik.</p>
            ) : null}
            <SaveButtons live={live} canPublish={p.rights.publish} canDraft={p.rights.draft} waiting={d.status === 'menunggu_tinjauan'} noun="dokumen" />
          </form>
        </section>
      ) : live && edits ? (
        <p class="hint">
          Keterangan dokumen yang sudah terbit hanya dapat diubah oleh yang berhak menerbitkan. Minta peninjau menariknya bila perlu diperbaiki.
        </p>
      ) : null}
      {p.declassify && d.infoCategory === 'dikecualikan' && !mayEditMetadata ? (
        <DeclassifyForm csrf={p.csrf} base={base} values={p.values ?? {}} errors={p.errors} />
      ) : null}
      {p.actions.includes('delete') || (live && p.rights.publish) ? (
        <p>
          <ConfirmLink href={`${base}/hapus`} label="Hapus dokumen…" />
        </p>
      ) : null}
      {p.history.length ? (
        <section aria-labelledby="riwayat-dokumen">
          <h2 id="riwayat-dokumen">Riwayat</h2>
          <ol class="timeline">
            {p.history.map((h) => (
              <li>
                {formatDateTime(h.at)} · {h.actorName ?? 'sistem'}: {h.summary}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
};

/** The PPID's (or Diskominfo's) form to open an excluded document, with the consequence test that justifies it. */
export const DeclassifyForm: FC<{ csrf: string; base: string; values: FormValues; errors?: FieldError[] }> = (p) => (
  <section aria-labelledby="buka-klasifikasi">
    <h2 id="buka-klasifikasi">Buka menjadi informasi publik</h2>
    <p class="hint">Keputusan ini tercatat di log audit bersama hasil uji konsekuensinya. Dokumen yang sudah terbit langsung tampil di situs publik.</p>
    <form method="post" action={`${p.base}/klasifikasi`}>
      <CsrfField token={p.csrf} />
      <Field id="new_info_category" label="Kategori informasi publik yang baru" error={errorFor(p.errors, 'info_category')}>
        {(d) => (
          <select id="new_info_category" name="info_category" aria-describedby={d}>
            <option value="">Pilih kategori</option>
            {(['berkala', 'serta_merta', 'setiap_saat'] as const).map((k) => (
              <option value={k} selected={valueOf(p.values, 'info_category') === k}>
                {INFO_CATEGORY_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DeclassifyNote values={p.values} errors={p.errors} />
      <button type="submit">Buka informasi ini</button>
    </form>
  </section>
);
