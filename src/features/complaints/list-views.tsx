import type { FC } from 'hono/jsx';
import type { ComplaintStatus, RegionLevel } from '../../db/schema';
import { formatRelativeDays } from '../../lib/time';
import { childrenLabel, regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import type { ComplaintFigures } from './figures';
import { STATUS_LABELS, STATUS_TONES } from './labels';

export interface PublicListItem {
  ticket: string;
  title: string;
  status: ComplaintStatus;
  categoryName: string;
  createdAt: number;
  regionName: string;
  regionLevel: RegionLevel;
  regionPath: string;
}

const pct = (f: ComplaintFigures) => (f.onTimePercent === null ? '–' : `${f.onTimePercent}%`);

export const FiguresView: FC<{ f: ComplaintFigures }> = ({ f }) => (
  <dl class="cfigures">
    <div>
      <dt>Diterima</dt>
      <dd>{f.received}</dd>
    </div>
    <div>
      <dt>Dalam proses</dt>
      <dd>{f.inProgress}</dd>
    </div>
    <div>
      <dt>Selesai</dt>
      <dd>{f.finished}</dd>
    </div>
    <div>
      <dt>Tepat waktu</dt>
      <dd>{pct(f)}</dd>
    </div>
  </dl>
);

export interface ListProps {
  region: { code: string; name: string; level: RegionLevel; path: string };
  children: Array<{ code: string; name: string; level: RegionLevel; path: string }>;
  figures: ComplaintFigures;
  childFigures: Map<string, ComplaintFigures>;
  items: PublicListItem[];
  total: number;
  status: 'semua' | 'proses' | 'selesai';
  page: number;
  pageSize: number;
  now: number;
}

export const PublicListView: FC<ListProps> = (p) => {
  const base = regionHref(p.region.path, 'pengaduan', 'daftar');
  const link = (page: number) => `${base}?${new URLSearchParams({ ...(p.status !== 'semua' ? { status: p.status } : {}), halaman: String(page) })}`;
  const own = p.childFigures.get(p.region.code);
  return (
    <>
      <h1>Pengaduan di {regionTitle(p.region)}</h1>
      <p>
        <a href={regionHref(p.region.path, 'pengaduan')}>Sampaikan pengaduan</a> · <a href={regionHref(p.region.path, 'pengaduan', 'lacak')}>Lacak nomor</a>
      </p>
      <section aria-labelledby="angka">
        <h2 id="angka">Angka pengaduan</h2>
        <p class="hint">
          Termasuk seluruh wilayah di bawahnya dan laporan yang dirahasiakan (hanya dihitung). “Tepat waktu”: laporan selesai yang diverifikasi dan
          ditindaklanjuti sesuai tenggat hari kerja.
        </p>
        <FiguresView f={p.figures} />
        {p.children.length ? (
          <table class="table">
            <caption class="visually-hidden">Angka pengaduan per {childrenLabel(p.region.level).toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Wilayah</th>
                <th scope="col">Diterima</th>
                <th scope="col">Dalam proses</th>
                <th scope="col">Selesai</th>
                <th scope="col">Tepat waktu</th>
              </tr>
            </thead>
            <tbody>
              {own && own.received ? <FigureRow label={`Tingkat ${regionTitle(p.region)}`} f={own} /> : null}
              {p.children.map((c) => {
                const f = p.childFigures.get(c.code);
                return f && f.received ? <FigureRow label={regionTitle(c)} href={regionHref(c.path, 'pengaduan', 'daftar')} f={f} /> : null;
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      <section aria-labelledby="daftar">
        <h2 id="daftar">Daftar laporan</h2>
        <p class="hint">Laporan rahasia tidak ditampilkan. Isi laporan tampil setelah diverifikasi petugas.</p>
        <form class="filters" method="get" action={base}>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="semua" selected={p.status === 'semua'}>
              Semua
            </option>
            <option value="proses" selected={p.status === 'proses'}>
              Dalam proses
            </option>
            <option value="selesai" selected={p.status === 'selesai'}>
              Selesai
            </option>
          </select>
          <button type="submit">Tampilkan</button>
        </form>
        {p.items.length === 0 ? (
          <EmptyState>
            <p>Belum ada laporan terbuka di wilayah ini. Laporan warga akan tampil di sini setelah diverifikasi petugas.</p>
          </EmptyState>
        ) : (
          <ul class="complaints">
            {p.items.map((i) => (
              <li>
                <h3>
                  <a href={`${regionHref(p.region.path, 'pengaduan', 'lacak')}?nomor=${i.ticket}`}>{i.title}</a>
                </h3>
                <p class="meta">
                  <StatusTag tone={STATUS_TONES[i.status]}>{STATUS_LABELS[i.status]}</StatusTag> {i.ticket} · {i.categoryName} ·{' '}
                  {regionTitle({ level: i.regionLevel, name: i.regionName })} · masuk {formatRelativeDays(i.createdAt, p.now)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination prev={p.page > 1 ? link(p.page - 1) : undefined} next={p.page * p.pageSize < p.total ? link(p.page + 1) : undefined} />
      </section>
    </>
  );
};

const FigureRow: FC<{ label: string; href?: string; f: ComplaintFigures }> = ({ label, href, f }) => (
  <tr>
    <td data-label="Wilayah">{href ? <a href={href}>{label}</a> : label}</td>
    <td data-label="Diterima">{f.received}</td>
    <td data-label="Dalam proses">{f.inProgress}</td>
    <td data-label="Selesai">{f.finished}</td>
    <td data-label="Tepat waktu">{pct(f)}</td>
  </tr>
);
