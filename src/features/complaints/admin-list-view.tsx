import type { FC } from 'hono/jsx';
import { hasNextPage, totalLabel, type BoundedTotal } from '../../db/bounded-count';
import { excelHref } from '../../lib/csv';
import { formatDate, formatRelativeDays } from '../../lib/time';
import type { DeadlineState } from '../../lib/working-days';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { STATUS_LABELS, STATUS_TONES } from './labels';
import type { HandlerListItem } from './present';
import { DueTag } from './admin-views';

export interface AdminListProps {
  items: Array<HandlerListItem & { due: DeadlineState | null }>;
  total: BoundedTotal;
  query: { status: string; tenggat?: string; halaman: number };
  pageSize: number;
  now: number;
  canManageCategories: boolean;
  hasScope: boolean;
}

const LIST_STATUSES = [
  'terbuka',
  'semua',
  'diterima',
  'diverifikasi',
  'didisposisikan',
  'ditindaklanjuti',
  'selesai',
  'ditolak',
  'bukan_wewenang',
  'diarsipkan',
] as const;

export const AdminListView: FC<AdminListProps> = (p) => {
  const qs = (page: number) =>
    `/admin/pengaduan?${new URLSearchParams({ status: p.query.status, ...(p.query.tenggat ? { tenggat: p.query.tenggat } : {}), halaman: String(page) })}`;
  const exportHref = `/admin/pengaduan/ekspor.csv?${new URLSearchParams({ status: p.query.status, ...(p.query.tenggat ? { tenggat: p.query.tenggat } : {}) })}`;
  return (
    <>
      <h1>Pengaduan</h1>
      {!p.hasScope ? (
        <EmptyState>
          <p>Peran Anda tidak menangani pengaduan. Pengaduan ditangani oleh petugas penanganan pengaduan dan Diskominfo.</p>
        </EmptyState>
      ) : null}
      <form method="get" action="/admin/pengaduan" class="filters">
        <div>
          <label for="f-status">Status</label>
          <select id="f-status" name="status">
            {LIST_STATUSES.map((s) => (
              <option value={s} selected={p.query.status === s}>
                {s === 'terbuka' ? 'Masih berjalan' : s === 'semua' ? 'Semua' : STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-tenggat">Tenggat</label>
          <select id="f-tenggat" name="tenggat">
            <option value="">Semua</option>
            <option value="lewat" selected={p.query.tenggat === 'lewat'}>
              Lewat tenggat
            </option>
            <option value="mendekati" selected={p.query.tenggat === 'mendekati'}>
              Mendekati tenggat
            </option>
          </select>
        </div>
        <button type="submit" class="button-secondary">
          Tampilkan
        </button>
      </form>
      <p>
        <a href={excelHref(exportHref)}>Unduh CSV untuk Excel</a> · <a href={exportHref}>CSV standar</a>
        {p.canManageCategories ? (
          <>
            {' · '}
            <a href="/admin/pengaduan/kategori">Kelola kategori</a> · <a href="/admin/kalender">Kalender libur</a>
          </>
        ) : null}
      </p>
      {p.items.length === 0 ? (
        <EmptyState>
          <p>Tidak ada laporan dengan pilihan ini. Laporan warga dari wilayah Anda akan tampil di sini.</p>
        </EmptyState>
      ) : (
        <table class="table complaints-admin">
          <thead>
            <tr>
              <th scope="col">Laporan</th>
              <th scope="col">Wilayah</th>
              <th scope="col">Status</th>
              <th scope="col">Tenggat</th>
              <th scope="col">Masuk</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr class={i.due === 'lewat' || i.due === 'mendekati' ? `due-${i.due}` : undefined}>
                <td data-label="Laporan">
                  <a href={`/admin/pengaduan/${i.id}`}>{i.title}</a>
                  <div class="hint">
                    {i.ticket} · {i.classificationLabel}
                    {i.anonymous ? ' · anonim' : ''}
                    {i.confidential ? ' · rahasia' : ''}
                  </div>
                </td>
                <td data-label="Wilayah">
                  {i.region}
                  {i.unit ? <div class="hint">{i.unit}</div> : null}
                </td>
                <td data-label="Status">
                  <StatusTag tone={STATUS_TONES[i.status]}>{i.statusLabel}</StatusTag>
                </td>
                <td data-label="Tenggat">
                  {i.dueAt ? (
                    <>
                      {formatDate(i.dueAt)} <DueTag state={i.due} />
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label="Masuk">{formatRelativeDays(i.createdAt, p.now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{totalLabel(p.total)} laporan.</p>
      <Pagination
        prev={p.query.halaman > 1 ? qs(p.query.halaman - 1) : undefined}
        next={hasNextPage(p.total, p.query.halaman, p.pageSize) ? qs(p.query.halaman + 1) : undefined}
      />
    </>
  );
};
