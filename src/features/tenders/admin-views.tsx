import type { FC } from 'hono/jsx';
import { FilterSelect, RegionFilter, type RegionOption } from '../../admin/components';
import { CsrfField } from '../../admin/render';
import { POST_STATUSES, TENDER_SOURCES, type TenderFileRow, type TenderRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { PUBLISH_STATUS_LABELS, PublishPanel, PublishStatusTag } from '../../publishing/panel';
import type { PublishAction } from '../../publishing/workflow';
import { regionTitle } from '../../regions/labels';
import { EmptyState, ErrorSummary, Field, Pagination, StatusTag } from '../../views/components';
import type { AdminTenderRow } from './admin-repo';
import { FILE_ACCEPT } from './admin-form';
import { SOURCE_LABELS, STATUS_LABELS, STATUS_TONES } from './labels';
import { rupiahOrDash } from './present';
import type { AdminTenderListFilter } from './schemas';

const Notice: FC<{ text?: string }> = ({ text }) =>
  text ? (
    <p class="success" role="status">
      {text}
    </p>
  ) : null;

export const TenderAdminListView: FC<{
  rows: AdminTenderRow[];
  total: number;
  pageSize: number;
  regions: RegionOption[];
  filter: AdminTenderListFilter;
  canCreateVillage: boolean;
  canRegency: boolean;
  now: number;
  notice?: string;
}> = (p) => {
  const params = new URLSearchParams(
    Object.entries(p.filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && e[0] !== 'halaman'),
  );
  const link = (n: number) => `/admin/lelang?${new URLSearchParams([...params, ['halaman', String(n)]])}`;
  return (
    <>
      <h1>Pengadaan dan lelang</h1>
      <Notice text={p.notice} />
      <p class="actions">
        {p.canCreateVillage ? (
          <a class="button" href="/admin/lelang/baru?sumber=desa">
            Tambah pengadaan desa
          </a>
        ) : null}
        {p.canRegency ? (
          <>
            <a class="button button-secondary" href="/admin/lelang/baru?sumber=spse">
              Tambah paket kabupaten
            </a>
            <a class="button button-secondary" href="/admin/lelang/impor">
              Impor CSV SiRUP/SPSE
            </a>
          </>
        ) : null}
      </p>
      <form method="get" action="/admin/lelang" class="filters">
        <RegionFilter id="l-wilayah" regions={p.regions} value={p.filter.wilayah} />
        <FilterSelect
          id="l-sumber"
          name="sumber"
          label="Sumber"
          value={p.filter.sumber}
          options={TENDER_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        />
        <FilterSelect
          id="l-status"
          name="status"
          label="Status terbit"
          value={p.filter.status}
          options={POST_STATUSES.map((s) => ({ value: s, label: PUBLISH_STATUS_LABELS[s] }))}
        />
        <div>
          <label for="l-q">Cari nama atau kode</label>
          <input id="l-q" name="q" type="search" value={p.filter.q ?? ''} maxlength={100} />
        </div>
        {p.filter.perlu ? <input type="hidden" name="perlu" value="1" /> : null}
        <button type="submit" class="button-secondary">
          Saring
        </button>
      </form>
      {p.filter.perlu ? <p class="callout">Paket yang tahapnya sudah lewat tanpa pembaruan (pemenang, kontrak, atau status gagal/batal).</p> : null}
      <p class="hint">{p.total.toLocaleString('id-ID')} paket.</p>
      {p.rows.length === 0 ? (
        <EmptyState>
          <p>Belum ada paket pengadaan di sini.</p>
        </EmptyState>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Paket</th>
              <th scope="col">Pemilik</th>
              <th scope="col">Pagu</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((t) => (
              <tr>
                <td data-label="Paket">
                  <a href={`/admin/lelang/${t.id}`}>{t.name}</a>
                  <div class="hint">
                    {SOURCE_LABELS[t.source]} · {t.externalCode}
                    {t.fiscalYear ? ` · ${t.fiscalYear}` : ''}
                  </div>
                </td>
                <td data-label="Pemilik">
                  {t.ownerName}
                  <div class="hint">{regionTitle({ level: t.regionLevel, name: t.regionName })}</div>
                </td>
                <td data-label="Pagu">{rupiahOrDash(t.pagu)}</td>
                <td data-label="Status">
                  <StatusTag tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</StatusTag> <PublishStatusTag status={t.publishStatus} />
                  {t.updateDueAt !== null && t.updateDueAt <= p.now ? <div class="hint">Perlu diperbarui sejak {formatDateTime(t.updateDueAt)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        prev={p.filter.halaman > 1 ? link(p.filter.halaman - 1) : undefined}
        next={p.filter.halaman * p.pageSize < p.total ? link(p.filter.halaman + 1) : undefined}
      />
    </>
  );
};

/** The files of a package: list with remove buttons, and the upload form (when the actor may edit it now). */
export const TenderFilesSection: FC<{ csrf: string; base: string; files: TenderFileRow[]; canEdit: boolean; uploadMax: number; errors?: FieldError[] }> = (
  p,
) => (
  <section aria-labelledby="berkas-paket">
    <h2 id="berkas-paket">Dokumen paket</h2>
    {p.files.length === 0 ? <p>Belum ada dokumen.</p> : null}
    <ul class="docs">
      {p.files.map((f) => (
        <li class="doc">
          <a href={`${p.base}/berkas/${f.id}`}>{f.title}</a>{' '}
          <span class="meta">
            ({f.ext.toUpperCase()}, {formatBytes(f.size)}, {formatDateTime(f.uploadedAt)})
          </span>
          {p.canEdit ? (
            <form method="post" action={`${p.base}/berkas/${f.id}/hapus`} class="inline">
              <CsrfField token={p.csrf} />
              <button type="submit" class="link-button">
                Hapus berkas “{f.title}”
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
    {p.canEdit ? (
      <form method="post" action={`${p.base}/berkas`} enctype="multipart/form-data">
        <CsrfField token={p.csrf} />
        <ErrorSummary errors={p.errors ?? []} />
        <Field id="berkas-file" label="Tambah berkas" hint={`PDF, gambar atau dokumen Office, paling besar ${formatBytes(p.uploadMax)}.`}>
          {(d) => <input id="berkas-file" name="file" type="file" accept={FILE_ACCEPT} aria-describedby={d} />}
        </Field>
        <Field id="berkas-title" label="Judul berkas">
          {(d) => <input id="berkas-title" name="file_title" type="text" maxlength={200} aria-describedby={d} />}
        </Field>
        <button type="submit" class="button-secondary">
          Unggah berkas
        </button>
      </form>
    ) : null}
  </section>
);

export const TenderEditHeader: FC<{
  row: TenderRow;
  regionName: string;
  csrf: string;
  base: string;
  village: boolean;
  actions: PublishAction[];
  publicHref: string;
  notice?: string;
  errors?: FieldError[];
}> = (p) => (
  <>
    <h1>{p.row.name}</h1>
    <Notice text={p.notice} />
    <p class="meta">
      {SOURCE_LABELS[p.row.source]} · {p.row.externalCode} · {p.regionName} ·{' '}
      <StatusTag tone={STATUS_TONES[p.row.status]}>{STATUS_LABELS[p.row.status]}</StatusTag>
    </p>
    {p.village ? (
      <PublishPanel
        csrf={p.csrf}
        base={p.base}
        noun="paket"
        status={p.row.publishStatus}
        reviewNote={p.row.reviewNote}
        actions={p.actions}
        publicHref={p.publicHref}
        errors={p.errors}
      />
    ) : (
      <p>
        Paket kabupaten tampil langsung di situs publik: <a href={p.publicHref}>lihat halaman publik</a>.
      </p>
    )}
  </>
);

export const TenderHistory: FC<{ entries: Array<{ at: number; actorName: string | null; summary: string }> }> = ({ entries }) =>
  entries.length ? (
    <section aria-labelledby="riwayat">
      <h2 id="riwayat">Riwayat</h2>
      <ol class="timeline">
        {entries.map((h) => (
          <li>
            {formatDateTime(h.at)} · {h.actorName ?? 'Sistem'}: {h.summary}
          </li>
        ))}
      </ol>
    </section>
  ) : null;

export const TenderDeleteView: FC<{ csrf: string; row: TenderRow }> = ({ csrf, row }) => (
  <>
    <h1>Hapus paket “{row.name}”?</h1>
    <p>Paket hilang dari daftar publik dan admin{row.publishStatus === 'terbit' ? ' dan ditarik dari situs' : ''}. Riwayatnya tetap tercatat di log audit.</p>
    <form method="post" action={`/admin/lelang/${row.id}/hapus`}>
      <CsrfField token={csrf} />
      <button type="submit" class="button-danger">
        Ya, hapus paket
      </button>{' '}
      <a href={`/admin/lelang/${row.id}`}>Batal</a>
    </form>
  </>
);
