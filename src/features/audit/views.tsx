import type { FC } from 'hono/jsx';
import { REGENCY } from '../../config';
import type { AuditRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { EmptyState, ErrorSummary } from '../../views/components';

export const AuditView: FC<{
  rows: AuditRow[];
  query: { pengguna?: string; wilayah?: string; aksi?: string; dari?: string; sampai?: string };
  more?: number;
  errors: FieldError[];
}> = ({ rows, query, more, errors }) => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return (
    <>
      <h1>Log audit</h1>
      <p>Catatan setiap perubahan oleh petugas dan sistem mitra. Log ini tidak dapat diubah atau dihapus.</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/admin/audit" class="filters">
        <div>
          <label for="a-pengguna">Pengguna</label>
          <input id="a-pengguna" name="pengguna" type="text" value={query.pengguna ?? ''} maxlength={40} />
        </div>
        <div>
          <label for="a-wilayah">Kode wilayah</label>
          <input id="a-wilayah" name="wilayah" type="text" value={query.wilayah ?? ''} maxlength={20} placeholder={`${REGENCY.code}.04`} />
        </div>
        <div>
          <label for="a-aksi">Aksi</label>
          <input id="a-aksi" name="aksi" type="text" value={query.aksi ?? ''} maxlength={60} placeholder="region.stage" />
        </div>
        <div>
          <label for="a-dari">Dari tanggal</label>
          <input id="a-dari" name="dari" type="date" value={query.dari ?? ''} />
        </div>
        <div>
          <label for="a-sampai">Sampai tanggal</label>
          <input id="a-sampai" name="sampai" type="date" value={query.sampai ?? ''} />
        </div>
        <button type="submit" class="button-secondary">
          Saring
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>
          <p>Tidak ada catatan yang cocok.</p>
        </EmptyState>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Waktu (WITA)</th>
              <th scope="col">Pelaku</th>
              <th scope="col">Aksi</th>
              <th scope="col">Wilayah</th>
              <th scope="col">Ringkasan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td data-label="Waktu">{formatDateTime(r.at)}</td>
                <td data-label="Pelaku">{r.actorName ?? r.actorType}</td>
                <td data-label="Aksi">
                  <code>{r.action}</code>
                </td>
                <td data-label="Wilayah">{r.regionCode ?? '—'}</td>
                <td data-label="Ringkasan">{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more ? (
        <p>
          <a href={`/admin/audit?${params.toString()}${params.size ? '&' : ''}sebelum=${more}`}>Catatan lebih lama ›</a>
        </p>
      ) : null}
    </>
  );
};
