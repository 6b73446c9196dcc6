import type { FC } from 'hono/jsx';
import { hasNextPage, totalLabel, type BoundedTotal } from '../../db/bounded-count';
import { FilterSelect, RegionFilter, type RegionOption } from '../../admin/components';
import { DOCUMENT_CATEGORIES, INFO_CATEGORIES, POST_STATUSES, type DocumentCategory, type DocumentRow, type InfoCategory } from '../../db/schema';
import { formatBytes } from '../../lib/upload';
import { regionTitle } from '../../regions/labels';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { UndoNotice } from '../../admin/confirm';
import { CATEGORY_LABELS, INFO_CATEGORY_LABELS, INFO_CATEGORY_TONES, mimeWord } from './labels';
import type { AdminDocumentRow } from './repo';
import { PUBLISH_STATUS_LABELS, PublishStatusTag } from '../../publishing/panel';

export const DocumentAdminListView: FC<{
  rows: AdminDocumentRow[];
  total: BoundedTotal;
  page: number;
  pageSize: number;
  regions: RegionOption[];
  filter: { wilayah?: string; kategori?: DocumentCategory; informasi?: InfoCategory; status?: DocumentRow['status'] };
  canCreate: boolean;
  notice?: string;
  undo?: { csrf: string; restoreAction: string };
}> = (p) => {
  const params = new URLSearchParams(Object.entries(p.filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const link = (n: number) => `/admin/dokumen?${new URLSearchParams([...params, ['halaman', String(n)]])}`;
  return (
    <>
      <h1>Dokumen</h1>
      {p.notice && p.undo ? (
        <UndoNotice csrf={p.undo.csrf} message={p.notice} restoreAction={p.undo.restoreAction} />
      ) : p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      <p class="actions">
        {p.canCreate ? (
          <a class="button" href={`/admin/dokumen/baru${p.filter.wilayah ? `?wilayah=${p.filter.wilayah}` : ''}`}>
            Unggah dokumen
          </a>
        ) : null}
        <a class="button button-secondary" href="/admin/dokumen/sampah">
          Sampah
        </a>
      </p>
      <form method="get" action="/admin/dokumen" class="filters">
        <RegionFilter id="d-wilayah" regions={p.regions} value={p.filter.wilayah} />
        <FilterSelect
          id="d-kategori"
          name="kategori"
          label="Kategori"
          value={p.filter.kategori}
          options={DOCUMENT_CATEGORIES.map((k) => ({ value: k, label: CATEGORY_LABELS[k] }))}
        />
        <FilterSelect
          id="d-informasi"
          name="informasi"
          label="Kategori informasi"
          value={p.filter.informasi}
          options={INFO_CATEGORIES.map((k) => ({ value: k, label: INFO_CATEGORY_LABELS[k] }))}
        />
        <FilterSelect
          id="d-status"
          name="status"
          label="Status"
          value={p.filter.status}
          options={POST_STATUSES.map((k) => ({ value: k, label: PUBLISH_STATUS_LABELS[k] }))}
        />
        <button type="submit" class="button-secondary">
          Saring
        </button>
      </form>
      <p class="hint">{totalLabel(p.total)} dokumen.</p>
      {p.rows.length === 0 ? (
        <EmptyState>
          <p>Belum ada dokumen.</p>
        </EmptyState>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Judul</th>
              <th scope="col">Wilayah</th>
              <th scope="col">Status</th>
              <th scope="col">Informasi</th>
              <th scope="col">Versi</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((d) => (
              <tr>
                <td data-label="Judul">
                  <a href={`/admin/dokumen/${d.id}`}>{d.title}</a>
                  <div class="hint">
                    {CATEGORY_LABELS[d.category]} {d.year} · {mimeWord(d.currentMime)}
                    {d.currentSize ? `, ${formatBytes(d.currentSize)}` : ''}
                  </div>
                </td>
                <td data-label="Wilayah">{regionTitle({ level: d.regionLevel, name: d.regionName })}</td>
                <td data-label="Status">
                  <PublishStatusTag status={d.status} />
                  {d.pendingVersion !== null ? <div class="hint">Versi {d.pendingVersion} menunggu tinjauan</div> : null}
                </td>
                <td data-label="Informasi">
                  <StatusTag tone={INFO_CATEGORY_TONES[d.infoCategory]}>{INFO_CATEGORY_LABELS[d.infoCategory]}</StatusTag>
                </td>
                <td data-label="Versi">{d.currentVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination prev={p.page > 1 ? link(p.page - 1) : undefined} next={hasNextPage(p.total, p.page, p.pageSize) ? link(p.page + 1) : undefined} />
    </>
  );
};

/** Form values of an existing document. */
