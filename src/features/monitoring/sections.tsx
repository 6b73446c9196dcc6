import type { FC } from 'hono/jsx';
import type { MonitoringRunRow } from '../../db/schema';
import { formatDateTime } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { EmptyState, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { COUNT_LABELS, JOB_LABELS, RUN_STATUS_LABELS } from './labels';
import type { MonitoringRow } from './repo';
import { SCORE_WEIGHTS } from './score';

/** Parts of the monitoring page below the table: readiness hints, kecamatan rollups, score help, runs. */
export interface KecamatanRollup {
  code: string;
  name: string;
  score: number | null;
  rollupScore: number | null;
  villages: number;
  staleVillages: number;
  incompleteVillages: number;
  overdue: number;
}

export const ReadySection: FC<{ ready: MonitoringRow[]; canManage: boolean; readinessDays: number }> = ({ ready, canManage, readinessDays }) => (
  <section aria-labelledby="siap-mandiri">
    <h2 id="siap-mandiri">Siap diserahkan ({ready.length})</h2>
    <p class="hint">
      Wilayah tahap pendampingan yang kontennya selalu segar dan tanpa permohonan/pengaduan lewat batas waktu selama {readinessDays} hari terakhir. Ini hanya
      saran: keputusan pindah ke tahap mandiri tetap di tangan Diskominfo.
    </p>
    {ready.length === 0 ? (
      <EmptyState>
        <p>Belum ada wilayah yang memenuhi syarat.</p>
      </EmptyState>
    ) : (
      <ul>
        {ready.map((r) => (
          <li>
            {regionTitle(r)} — {canManage ? <a href={`/admin/wilayah/${r.code}`}>pindahkan ke tahap mandiri</a> : 'disarankan pindah ke tahap mandiri'}
          </li>
        ))}
      </ul>
    )}
  </section>
);

export const RollupSection: FC<{ rollups: KecamatanRollup[] }> = ({ rollups }) =>
  rollups.length === 0 ? null : (
    <section aria-labelledby="rekap-kecamatan">
      <h2 id="rekap-kecamatan">Rekap per kecamatan</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Kecamatan</th>
            <th scope="col">Skor gabungan</th>
            <th scope="col">Skor kantor kecamatan</th>
            <th scope="col">Desa/kelurahan usang</th>
            <th scope="col">Belum lengkap</th>
            <th scope="col">Lewat batas waktu</th>
          </tr>
        </thead>
        <tbody>
          {rollups.map((k) => (
            <tr>
              <td data-label="Kecamatan">
                <a href={`/admin/pemantauan?kecamatan=${k.code}`}>{k.name}</a>
              </td>
              <td data-label="Skor gabungan">
                <strong>{k.rollupScore ?? '–'}</strong>
              </td>
              <td data-label="Skor kantor kecamatan">{k.score ?? '–'}</td>
              <td data-label="Desa/kelurahan usang">
                {k.staleVillages} dari {k.villages}
              </td>
              <td data-label="Belum lengkap">{k.incompleteVillages}</td>
              <td data-label="Lewat batas waktu">{k.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

const SCORE_FORMULA = `${SCORE_WEIGHTS.freshness} × kesegaran + ${SCORE_WEIGHTS.completeness} × kelengkapan + ${SCORE_WEIGHTS.deadlines} × ketepatan waktu`;

export const ScoreHelp: FC = () => (
  <details>
    <summary>Cara menghitung skor</summary>
    <p>
      Skor 0–100 = {SCORE_FORMULA}. Kesegaran: segar 1, perlu pembaruan 0,5, usang 0. Kelengkapan: item wajib yang ada dibagi item wajib. Ketepatan waktu:
      pengaduan dan permohonan informasi yang ditangani tepat waktu dibagi (yang ditangani dalam masa kesiapan + yang sedang lewat batas waktu); 1 bila tidak
      ada. Bagian yang belum dipindai tidak dihitung. Skor gabungan kecamatan = rata-rata skor kecamatan itu dan semua desa/kelurahannya; skor gabungan
      kabupaten = rata-rata semua wilayah.
    </p>
  </details>
);

export function countsText(json: string): string {
  let counts: Record<string, number> = {};
  try {
    counts = JSON.parse(json) as Record<string, number>;
  } catch {
    return '';
  }
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${COUNT_LABELS[k] ?? k}`)
    .join(', ');
}

export const RunNotice: FC<{ run: MonitoringRunRow }> = ({ run }) => (
  <p class={run.status === 'gagal' ? 'error-summary' : 'success'} role="status">
    {JOB_LABELS[run.job]}: {RUN_STATUS_LABELS[run.status]?.label.toLowerCase()}. {countsText(run.countsJson)}
    {run.error ? ` (${run.error})` : ''}
  </p>
);

/** The scan buttons, at the top of the page but folded (a phone's first screen belongs to the regions needing action). */
export const ScanButtons: FC<{ csrf: string }> = ({ csrf }) => (
  <details class="action scan-controls">
    <summary>Jalankan pemindaian sekarang</summary>
    <div class="filters">
      {(['kesegaran', 'kelengkapan', 'tenggat', 'ringkasan'] as const).map((job) => (
        <form method="post" action="/admin/pemantauan/jalankan">
          <CsrfField token={csrf} />
          <input type="hidden" name="job" value={job} />
          <button type="submit" class="button-secondary">
            Jalankan {JOB_LABELS[job].toLowerCase()}
          </button>
        </form>
      ))}
    </div>
  </details>
);

export const RunsSection: FC<{ runs: MonitoringRunRow[] }> = ({ runs }) => (
  <section aria-labelledby="riwayat-pemindaian">
    <h2 id="riwayat-pemindaian">Riwayat pemindaian</h2>
    {runs.length === 0 ? (
      <EmptyState>
        <p>Belum ada pemindaian yang dijalankan.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Pemindaian</th>
            <th scope="col">Pemicu</th>
            <th scope="col">Mulai</th>
            <th scope="col">Status</th>
            <th scope="col">Hasil</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr>
              <td data-label="Pemindaian">{JOB_LABELS[r.job]}</td>
              <td data-label="Pemicu">{r.trigger === 'cron' ? `Terjadwal (${r.cron ?? ''})` : 'Manual'}</td>
              <td data-label="Mulai">{formatDateTime(r.startedAt)}</td>
              <td data-label="Status">
                <StatusTag tone={RUN_STATUS_LABELS[r.status]?.tone ?? 'grey'}>{RUN_STATUS_LABELS[r.status]?.label ?? r.status}</StatusTag>
              </td>
              <td data-label="Hasil">
                {countsText(r.countsJson)}
                {r.error ? <div class="hint">{r.error}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);
