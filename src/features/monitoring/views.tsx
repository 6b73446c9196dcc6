import type { FC } from 'hono/jsx';
import { StageTag } from '../../admin/components';
import type { MonitoringRunRow } from '../../db/schema';
import { daysAgo, formatDate } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { FRESHNESS_LABELS } from './freshness';
import { STATE_TONES } from './labels';
import type { MonitoringRow } from './repo';
import type { MonitoringQuery, Sort } from './schemas';
import { handoverReady } from './score';
import { MonitoringFilters } from './filters';
import { ReadySection, RollupSection, RunNotice, RunsSection, ScanButtons, ScoreHelp, type KecamatanRollup } from './sections';

type Query = MonitoringQuery;

export function queryString(q: Partial<Query>, override: Partial<Record<keyof Query, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...q, ...override };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'urut' && v === 'perhatian') || (k === 'arah' && v === 'naik') || (k === 'halaman' && v === 1)) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const SortHeader: FC<{ q: Query; sort: Sort; label: string }> = ({ q, sort, label }) => {
  const active = q.urut === sort;
  const next = active && q.arah === 'naik' ? 'turun' : 'naik';
  return (
    <th scope="col" aria-sort={active ? (q.arah === 'naik' ? 'ascending' : 'descending') : undefined}>
      <a href={`/admin/pemantauan${queryString(q, { urut: sort, arah: next, halaman: 1 })}`}>
        {label}
        {active ? (q.arah === 'naik' ? ' ▲' : ' ▼') : ''}
      </a>
    </th>
  );
};

/** Before the first scan a cell shows what is known (the last publication) or a dash, not a "not scanned" tag on every row. */
const NotYet: FC = () => (
  <span class="hint" title="Belum dipindai">
    —
  </span>
);

export const FreshnessCell: FC<{ r: Pick<MonitoringRow, 'freshness' | 'lastContentAt' | 'lastContentUpdate'>; now: number }> = ({ r, now }) =>
  r.freshness === null ? (
    r.lastContentUpdate ? (
      <>terbit terakhir {formatDate(r.lastContentUpdate)}</>
    ) : (
      <NotYet />
    )
  ) : (
    <>
      <StatusTag tone={STATE_TONES[r.freshness] ?? 'grey'}>{FRESHNESS_LABELS[r.freshness]}</StatusTag>{' '}
      {r.lastContentAt === null ? 'belum pernah terbit' : `${Math.max(0, daysAgo(r.lastContentAt, now))} hari (${formatDate(r.lastContentAt)})`}
    </>
  );

export const CompletenessCell: FC<{ r: Pick<MonitoringRow, 'checklistDone' | 'checklistTotal'> }> = ({ r }) =>
  r.checklistTotal === null || r.checklistDone === null ? (
    <NotYet />
  ) : r.checklistTotal === 0 ? (
    <>Tidak ada item wajib</>
  ) : (
    <>
      <StatusTag tone={r.checklistDone >= r.checklistTotal ? 'green' : 'yellow'}>{r.checklistDone >= r.checklistTotal ? 'Lengkap' : 'Kurang'}</StatusTag>{' '}
      {r.checklistDone} dari {r.checklistTotal}
    </>
  );

export const DeadlineCell: FC<{ r: Pick<MonitoringRow, 'deadlinesNear' | 'deadlinesOverdue' | 'deadlinesLongOverdue'> }> = ({ r }) =>
  r.deadlinesOverdue === null ? (
    <NotYet />
  ) : r.deadlinesOverdue > 0 ? (
    <StatusTag tone="red">
      {r.deadlinesOverdue} lewat{r.deadlinesLongOverdue ? ` (${r.deadlinesLongOverdue} ke Diskominfo)` : ''}
    </StatusTag>
  ) : (r.deadlinesNear ?? 0) > 0 ? (
    <StatusTag tone="yellow">{r.deadlinesNear} mendekati</StatusTag>
  ) : (
    <StatusTag tone="green">Tepat waktu</StatusTag>
  );

export const ScoreCell: FC<{ r: Pick<MonitoringRow, 'score' | 'rollupScore' | 'level'> }> = ({ r }) => (
  <>
    <strong>{r.score ?? '–'}</strong>
    {r.level === 'kecamatan' || r.level === 'kabupaten' ? <span class="hint"> · gabungan {r.rollupScore ?? '–'}</span> : null}
  </>
);

export interface MonitoringPageProps {
  rows: MonitoringRow[];
  total: number;
  needingAttention: number;
  unscanned: number;
  q: Query;
  kecamatan: Array<{ code: string; name: string }>;
  rollups: KecamatanRollup[];
  ready: MonitoringRow[];
  runs: MonitoringRunRow[];
  canManage: boolean;
  readinessDays: number;
  now: number;
  ran?: MonitoringRunRow;
  pageSize: number;
  csrf: string;
}

/** Attention first: the rows needing action lead the list; scans and filters fold away above it. */
export const MonitoringView: FC<MonitoringPageProps> = (p) => {
  const { q } = p;
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return (
    <>
      <h1>Pemantauan wilayah</h1>
      {p.ran ? <RunNotice run={p.ran} /> : null}
      {p.canManage ? <ScanButtons csrf={p.csrf} /> : null}
      <MonitoringFilters q={q} kecamatan={p.kecamatan} />

      <section aria-labelledby="daftar-wilayah">
        <h2 id="daftar-wilayah">
          Wilayah ({p.total}), {p.needingAttention} perlu tindakan
        </h2>
        {p.rows.length === 0 ? (
          <EmptyState>
            <p>Tidak ada wilayah yang cocok dengan saringan.</p>
          </EmptyState>
        ) : (
          <table class="table compact monitoring-table">
            <thead>
              <tr>
                <SortHeader q={q} sort="nama" label="Wilayah" />
                <th scope="col">Tahap</th>
                <SortHeader q={q} sort="hari" label="Kesegaran" />
                <SortHeader q={q} sort="kelengkapan" label="Kelengkapan" />
                <SortHeader q={q} sort="tenggat" label="Batas waktu" />
                <SortHeader q={q} sort="skor" label="Skor" />
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td data-label="Wilayah">
                    <a href={`/admin/pemantauan/wilayah/${r.code}`}>{regionTitle(r)}</a>
                    {r.level === 'desa' || r.level === 'kelurahan' ? <span class="hint"> · Kec. {r.parentName ?? '—'}</span> : null}
                  </td>
                  <td data-label="Tahap">
                    <StageTag stage={r.stage} />
                    {handoverReady(r, p.readinessDays, p.now) ? (
                      <>
                        {' '}
                        <StatusTag tone="green">Siap mandiri</StatusTag>
                      </>
                    ) : null}
                  </td>
                  <td data-label="Kesegaran">
                    <FreshnessCell r={r} now={p.now} />
                  </td>
                  <td data-label="Kelengkapan">
                    <CompletenessCell r={r} />
                  </td>
                  <td data-label="Batas waktu">
                    <DeadlineCell r={r} />
                  </td>
                  <td data-label="Skor">
                    <ScoreCell r={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <p class="hint">
            Halaman {Math.min(q.halaman, pages)} dari {pages}.
          </p>
        ) : null}
        {p.unscanned > 0 ? (
          <p class="hint">{p.unscanned} wilayah belum dipindai: yang tampil tanggal terbit terakhirnya. Pemindaian berjalan tiap malam pukul 01.00 WITA.</p>
        ) : null}
        <Pagination
          label="Halaman tabel"
          prev={q.halaman > 1 ? `/admin/pemantauan${queryString(q, { halaman: q.halaman - 1 })}` : undefined}
          next={q.halaman * p.pageSize < p.total ? `/admin/pemantauan${queryString(q, { halaman: q.halaman + 1 })}` : undefined}
        />
      </section>

      <ReadySection ready={p.ready} canManage={p.canManage} readinessDays={p.readinessDays} />
      <RollupSection rollups={p.rollups} />
      <p class="hint">
        Kesegaran konten, kelengkapan dokumen wajib dan batas waktu pengaduan/PPID setiap wilayah, dari pemindaian terjadwal (harian pukul 01.00 WITA, batas
        waktu setiap jam). {p.canManage ? <a href="/admin/pemantauan/pengaturan">Pengaturan dan daftar wajib</a> : null}
      </p>
      <ScoreHelp />
      {p.canManage ? <RunsSection runs={p.runs} /> : null}
    </>
  );
};
