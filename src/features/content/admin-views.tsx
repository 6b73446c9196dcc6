import type { FC } from 'hono/jsx';
import { hasNextPage, totalLabel, type BoundedTotal } from '../../db/bounded-count';
import { FilterSelect, RegionFilter, type RegionOption } from '../../admin/components';
import { UndoNotice } from '../../admin/confirm';
import { POST_KINDS, POST_STATUSES, type PostKind, type PostStatus } from '../../db/schema';
import { formatDateTime } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import type { AdminPostRow } from './admin-repo';
import { STATUS_LABELS, statusLabel } from './labels';
import { FIXED_PAGES } from '../../regions/fixed-pages';
import { KIND_LABELS } from './views';

const PostTable: FC<{ rows: AdminPostRow[]; now: number }> = ({ rows, now }) => (
  <table class="table">
    <thead>
      <tr>
        <th scope="col">Judul</th>
        <th scope="col">Wilayah</th>
        <th scope="col">Status</th>
        <th scope="col">Diubah</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => {
        const st = statusLabel(r.status, r.publishedAt, now);
        return (
          <tr>
            <td data-label="Judul">
              <a href={`/admin/konten/${r.id}`}>{r.title}</a>
              <div class="hint">
                {KIND_LABELS[r.kind]}
                {r.authorName ? ` · ${r.authorName}` : ''}
              </div>
            </td>
            <td data-label="Wilayah">{regionTitle({ level: r.regionLevel, name: r.regionName })}</td>
            <td data-label="Status">
              <StatusTag tone={st.tone}>{st.label}</StatusTag>
            </td>
            <td data-label="Diubah">{formatDateTime(r.updatedAt)}</td>
          </tr>
        );
      })}
    </tbody>
  </table>
);

export const PostListView: FC<{
  rows: AdminPostRow[];
  total: BoundedTotal;
  page: number;
  pageSize: number;
  now: number;
  regions: RegionOption[];
  filter: { wilayah?: string; status?: PostStatus; jenis?: PostKind; penulis?: 'saya' };
  canCreate: boolean;
  waiting: number;
  notice?: string;
  /** After a delete: the notice comes with an undo button. */
  undo?: { csrf: string; restoreAction: string };
}> = (p) => {
  const params = new URLSearchParams(Object.entries(p.filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const link = (n: number) => `/admin/konten?${new URLSearchParams([...params, ['halaman', String(n)]])}`;
  return (
    <>
      <h1>Konten</h1>
      {p.notice && p.undo ? (
        <UndoNotice csrf={p.undo.csrf} message={p.notice} restoreAction={p.undo.restoreAction} />
      ) : p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      <p class="actions">
        {p.canCreate ? (
          <a class="button" href={`/admin/konten/baru${p.filter.wilayah ? `?wilayah=${p.filter.wilayah}` : ''}`}>
            Tulis konten baru
          </a>
        ) : null}
        {p.waiting > 0 ? (
          <a class="button button-secondary" href="/admin/konten/tinjauan">
            Tinjau ({p.waiting} menunggu)
          </a>
        ) : null}
        <a class="button button-secondary" href={`/admin/konten/halaman${p.filter.wilayah ? `?wilayah=${p.filter.wilayah}` : ''}`}>
          Halaman tetap wilayah
        </a>
        <a class="button button-secondary" href="/admin/konten/sampah">
          Sampah
        </a>
      </p>
      <form method="get" action="/admin/konten" class="filters">
        <RegionFilter id="f-wilayah" regions={p.regions} value={p.filter.wilayah} />
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={p.filter.status}
          options={POST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <FilterSelect id="f-jenis" name="jenis" label="Jenis" value={p.filter.jenis} options={POST_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <button type="submit" class="button-secondary">
          Saring
        </button>
      </form>
      <p class="hint">{totalLabel(p.total)} tulisan.</p>
      {p.rows.length === 0 ? (
        <EmptyState>
          <p>Belum ada tulisan yang cocok.{p.canCreate ? ' Mulai dengan “Tulis konten baru”.' : ''}</p>
        </EmptyState>
      ) : (
        <PostTable rows={p.rows} now={p.now} />
      )}
      <Pagination prev={p.page > 1 ? link(p.page - 1) : undefined} next={hasNextPage(p.total, p.page, p.pageSize) ? link(p.page + 1) : undefined} />
    </>
  );
};

export const ReviewQueueView: FC<{ rows: AdminPostRow[]; now: number; notice?: string }> = ({ rows, now, notice }) => (
  <>
    <h1>Tinjauan konten</h1>
    {notice ? (
      <p class="success" role="status">
        {notice}
      </p>
    ) : null}
    <p>Tulisan dari desa dan kecamatan dalam tahap pendampingan. Buka tulisan untuk membaca, lalu setujui atau kembalikan dengan catatan.</p>
    {rows.length === 0 ? (
      <EmptyState>
        <p>Tidak ada tulisan yang menunggu tinjauan.</p>
      </EmptyState>
    ) : (
      <PostTable rows={rows} now={now} />
    )}
  </>
);

export const FixedPagesView: FC<{
  region: RegionOption;
  regions: RegionOption[];
  pages: Array<{ id: string; slug: string; title: string; status: PostStatus; updatedAt: number }>;
  canCreate: boolean;
  now: number;
}> = ({ region, regions, pages, canCreate, now }) => (
  <>
    <h1>Halaman tetap {regionTitle(region)}</h1>
    <p>Profil, visi dan misi, struktur organisasi, kontak dan maklumat pelayanan tampil di situs wilayah pada bagian “Tentang”.</p>
    {regions.length > 1 ? (
      <form method="get" action="/admin/konten/halaman" class="filters">
        <div>
          <label for="h-wilayah">Wilayah</label>
          <select id="h-wilayah" name="wilayah">
            {regions.map((r) => (
              <option value={r.code} selected={r.code === region.code}>
                {regionTitle(r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button-secondary">
          Tampilkan
        </button>
      </form>
    ) : null}
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Halaman</th>
          <th scope="col">Status</th>
          <th scope="col">Tindakan</th>
        </tr>
      </thead>
      <tbody>
        {FIXED_PAGES.map((fp) => {
          const page = pages.find((x) => x.slug === fp.slug);
          const st = page ? statusLabel(page.status, null, now) : null;
          return (
            <tr>
              <td data-label="Halaman">{fp.label}</td>
              <td data-label="Status">{st ? <StatusTag tone={st.tone}>{st.label}</StatusTag> : <StatusTag tone="grey">Belum ditulis</StatusTag>}</td>
              <td data-label="Tindakan">
                {page ? (
                  <a href={`/admin/konten/${page.id}`}>Ubah {fp.label.toLowerCase()}</a>
                ) : canCreate ? (
                  <a href={`/admin/konten/baru?wilayah=${region.code}&jenis=halaman&halaman_tetap=${fp.slug}`}>Tulis {fp.label.toLowerCase()}</a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </>
);
