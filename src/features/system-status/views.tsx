import type { FC } from 'hono/jsx';
import type { JobRunRow, StorageCensusRow } from '../../db/schema';
import { formatDateTime } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { StatusTag, type TagTone } from '../../views/components';
import type { QueuedWork } from '../descriptor';

/** The deployment's status page: what the portal records about itself (request volume and errors are Cloudflare's). */
export interface JobLine {
  name: string;
  schedule: 'daily' | 'hourly' | null;
  last: JobRunRow | undefined;
}

export interface PurgeLine {
  regionCode: string;
  firstFailedAt: number;
  attempts: number;
  lastError: string;
}

const SCHEDULE_LABEL = { daily: 'harian, 01.00 WITA', hourly: 'tiap jam' } as const;
const RUN_TAG: Record<JobRunRow['status'], [string, TagTone]> = { berjalan: ['Berjalan', 'yellow'], selesai: ['Berhasil', 'green'], gagal: ['Gagal', 'red'] };

const STORAGE_LABEL = (item: string): string => {
  if (item === 'd1:size') return 'Basis data D1 (ukuran)';
  if (item.startsWith('d1:rows:')) return `Baris tabel ${item.slice('d1:rows:'.length)}`;
  if (item.startsWith('r2:')) return `Berkas R2 ${item.slice(3)}`;
  return item;
};

export const StatusView: FC<{ jobs: JobLine[]; purges: PurgeLine[]; queued: QueuedWork[]; storage: StorageCensusRow[] }> = ({
  jobs,
  purges,
  queued,
  storage,
}) => (
  <>
    <h1>Status sistem</h1>
    <p>
      Catatan portal tentang dirinya sendiri. Jumlah permintaan, tingkat galat dan waktu respons dilihat di dasbor Cloudflare (Workers &amp; Pages → portal →
      Metrics dan Logs); pemeriksaan D1, KV dan R2 ada di <a href="/healthz">/healthz</a>.
    </p>

    <h2>Tugas terjadwal</h2>
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Tugas</th>
          <th scope="col">Jadwal</th>
          <th scope="col">Terakhir berjalan</th>
          <th scope="col">Hasil</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr>
            <td data-label="Tugas">{j.name}</td>
            <td data-label="Jadwal">{j.schedule ? SCHEDULE_LABEL[j.schedule] : '—'}</td>
            <td data-label="Terakhir berjalan">{j.last ? formatDateTime(j.last.startedAt) : 'Belum pernah'}</td>
            <td data-label="Hasil">
              {j.last ? (
                <>
                  <StatusTag tone={RUN_TAG[j.last.status][1]}>{RUN_TAG[j.last.status][0]}</StatusTag>
                  {j.last.error ? ` ${j.last.error}` : ''}
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>

    <h2>Pembersihan cache yang gagal ({purges.length})</h2>
    {purges.length === 0 ? (
      <p>Tidak ada. Semua perubahan sudah tampil di halaman publik.</p>
    ) : (
      <>
        <p>Halaman wilayah ini mungkin masih menampilkan isi lama; tugas tiap jam mencoba lagi.</p>
        <ul>
          {purges.map((p) => (
            <li>
              {p.regionCode}: gagal sejak {formatDateTime(p.firstFailedAt)}, {p.attempts} kali ({p.lastError})
            </li>
          ))}
        </ul>
      </>
    )}

    <h2>Pekerjaan antre ({queued.length})</h2>
    {queued.length === 0 ? (
      <p>Tidak ada.</p>
    ) : (
      <ul>
        {queued.map((q) => (
          <li>
            {q.href ? <a href={q.href}>{q.label}</a> : q.label}: {q.detail} (sejak {formatDateTime(q.since)})
          </li>
        ))}
      </ul>
    )}

    <h2>Penyimpanan</h2>
    {storage.length === 0 ? (
      <p>Belum diukur. Sensus penyimpanan berjalan setiap hari pukul 01.00 WITA.</p>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Bagian</th>
            <th scope="col">Jumlah</th>
            <th scope="col">Ukuran</th>
            <th scope="col">Diukur</th>
          </tr>
        </thead>
        <tbody>
          {storage.map((s) => (
            <tr>
              <td data-label="Bagian">{STORAGE_LABEL(s.item)}</td>
              <td data-label="Jumlah">{s.item === 'd1:size' ? '—' : `${s.complete ? '' : '≥ '}${s.count.toLocaleString('id-ID')}`}</td>
              <td data-label="Ukuran">{s.bytes ? `${s.complete ? '' : '≥ '}${formatBytes(s.bytes)}` : '—'}</td>
              <td data-label="Diukur">{formatDateTime(s.measuredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);
