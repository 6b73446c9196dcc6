import type { FC } from 'hono/jsx';
import { FilterSelect, StageTag } from '../../admin/components';
import type { MonitoringRunRow } from '../../db/schema';
import { MANAGEMENT_STAGES } from '../../db/schema';
import { daysAgo, formatDate } from '../../lib/time';
import { regionTitle, STAGE_LABELS } from '../../regions/labels';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { FRESHNESS_LABELS } from './freshness';
import { STATE_TONES } from './labels';
import type { MonitoringRow } from './repo';
import type { MonitoringQuery, Sort } from './schemas';
import { handoverReady } from './score';
import { ReadySection, RollupSection, RunNotice, RunsSection, ScanButtons, ScoreHelp, type KecamatanRollup } from './sections';

type Query = MonitoringQuery;

export function queryString(q: Partial<Query>, override: Partial<Record<keyof Query, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...q, ...override };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'urut' && v === 'wilayah') || (k === 'arah' && v === 'naik') || (k === 'halaman' && v === 1)) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const SORT_LABELS: Record<Sort, string> = {
  wilayah: 'Kode wilayah',
  nama: 'Nama',
  skor: 'Skor',
  hari: 'Lama tanpa pembaruan',
  kelengkapan: 'Kelengkapan',
  tenggat: 'Batas waktu',
};

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

export const FreshnessCell: FC<{ r: Pick<MonitoringRow, 'freshness' | 'lastContentAt'>; now: number }> = ({ r, now }) =>
  r.freshness === null ? (
    <StatusTag tone="grey">Belum dipindai</StatusTag>
  ) : (
    <>
      <StatusTag tone={STATE_TONES[r.freshness] ?? 'grey'}>{FRESHNESS_LABELS[r.freshness]}</StatusTag>{' '}
      {r.lastContentAt === null ? 'belum pernah terbit' : `${Math.max(0, daysAgo(r.lastContentAt, now))} hari (${formatDate(r.lastContentAt)})`}
    </>
  );

export const CompletenessCell: FC<{ r: Pick<MonitoringRow, 'checklistDone' | 'checklistTotal'> }> = ({ r }) =>
  r.checklistTotal === null || r.checklistDone === null ? (
    <StatusTag tone="grey">Belum dipindai</StatusTag>
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
    <StatusTag tone="grey">Belum dipindai</StatusTag>
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

export const MonitoringView: FC<MonitoringPageProps> = (p) => {
  const { q } = p;
  return (
    <>
      <h1>Pemantauan wilayah</h1>
      <p>
        Kesegaran konten, kelengkapan dokumen wajib dan batas waktu pengaduan/PPID setiap wilayah, dari pemindaian terjadwal (harian pukul 01.00 WITA, batas
        waktu setiap jam). {p.canManage ? <a href="/admin/pemantauan/pengaturan">Pengaturan dan daftar wajib</a> : null}
      </p>
      {p.ran ? <RunNotice run={p.ran} /> : null}
      {p.canManage ? <ScanButtons csrf={p.csrf} /> : null}
      <form method="get" action="/admin/pemantauan" class="filters">
        <FilterSelect
          id="f-kecamatan"
          name="kecamatan"
          label="Kecamatan"
          value={q.kecamatan}
          options={p.kecamatan.map((k) => ({ value: k.code, label: k.name }))}
        />
        <FilterSelect
          id="f-tingkat"
          name="tingkat"
          label="Tingkat"
          value={q.tingkat}
          options={(['kecamatan', 'desa', 'kelurahan'] as const).map((l) => ({ value: l, label: l[0]!.toUpperCase() + l.slice(1) }))}
        />
        <FilterSelect id="f-tahap" name="tahap" label="Tahap" value={q.tahap} options={MANAGEMENT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
        <div>
          <label for="f-kesegaran">Kesegaran</label>
          <select id="f-kesegaran" name="kesegaran">
            <option value="">Semua</option>
            {(['segar', 'perlu_pembaruan', 'usang'] as const).map((s) => (
              <option value={s} selected={q.kesegaran === s}>
                {FRESHNESS_LABELS[s]}
              </option>
            ))}
            <option value="belum" selected={q.kesegaran === 'belum'}>
              Belum dipindai
            </option>
          </select>
        </div>
        <div>
          <label for="f-kelengkapan">Kelengkapan</label>
          <select id="f-kelengkapan" name="kelengkapan">
            <option value="">Semua</option>
            <option value="kurang" selected={q.kelengkapan === 'kurang'}>
              Kurang
            </option>
            <option value="lengkap" selected={q.kelengkapan === 'lengkap'}>
              Lengkap
            </option>
          </select>
        </div>
        <div>
          <label for="f-urut">Urutkan</label>
          <select id="f-urut" name="urut">
            {(Object.keys(SORT_LABELS) as Sort[]).map((s) => (
              <option value={s} selected={q.urut === s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-arah">Arah</label>
          <select id="f-arah" name="arah">
            <option value="naik" selected={q.arah === 'naik'}>
              Naik
            </option>
            <option value="turun" selected={q.arah === 'turun'}>
              Turun
            </option>
          </select>
        </div>
        <div class="checks">
          <input type="checkbox" id="f-siap" name="siap" value="1" checked={q.siap === '1'} />
          <label for="f-siap">Hanya yang siap mandiri</label>
        </div>
        <button type="submit" class="button-secondary">
          Saring
        </button>
      </form>

      <section aria-labelledby="daftar-wilayah">
        <h2 id="daftar-wilayah">
          Wilayah ({p.total}){p.total > p.rows.length ? `, ditampilkan ${p.rows.length}` : ''}
        </h2>
        {p.rows.length === 0 ? (
          <EmptyState>
            <p>Tidak ada wilayah yang cocok dengan saringan.</p>
          </EmptyState>
        ) : (
          <table class="table monitoring-table">
            <thead>
              <tr>
                <SortHeader q={q} sort="nama" label="Wilayah" />
                <th scope="col">Kecamatan</th>
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
                  </td>
                  <td data-label="Kecamatan">{r.level === 'kecamatan' ? r.name : r.level === 'kabupaten' ? '—' : (r.parentName ?? '—')}</td>
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
        <Pagination
          label="Halaman tabel"
          prev={q.halaman > 1 ? `/admin/pemantauan${queryString(q, { halaman: q.halaman - 1 })}` : undefined}
          next={q.halaman * p.pageSize < p.total ? `/admin/pemantauan${queryString(q, { halaman: q.halaman + 1 })}` : undefined}
        />
      </section>

      <ReadySection ready={p.ready} canManage={p.canManage} readinessDays={p.readinessDays} />
      <RollupSection rollups={p.rollups} />
      <ScoreHelp />
      {p.canManage ? <RunsSection runs={p.runs} /> : null}
    </>
  );
};
