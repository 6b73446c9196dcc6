import type { Child, FC } from 'hono/jsx';
import type { InfoDecision, InfoObjectionOutcome } from '../../db/schema';
import { excelHref } from '../../lib/csv';
import { formatWeekdayDate } from '../../lib/time';
import { EmptyState } from '../../views/components';
import { DECISION_LABELS, OUTCOME_LABELS, REFUSAL_REASONS, REQUESTER_TYPE_LABELS, type RefusalReason } from './labels';
import type { AnnualReport, Figures } from './report';

/** Indonesian number format without Intl: 1.234 and 2,5. */
export function formatNumber(v: number | null): string {
  if (v === null) return '—';
  const [int = '0', frac] = String(Math.abs(v)).split('.');
  return `${v < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
}
const n = formatNumber;

const Rows: FC<{ rows: Array<[string, number | null]> }> = ({ rows }) => (
  <>
    {rows.map(([label, value]) => (
      <tr>
        <th scope="row">{label}</th>
        <td>{n(value)}</td>
      </tr>
    ))}
  </>
);

const FigureTable: FC<{ caption: string; rows: Array<[string, number | null]> }> = ({ caption, rows }) => (
  <table class="table figures">
    <caption>{caption}</caption>
    <tbody>
      <Rows rows={rows} />
    </tbody>
  </table>
);

export const FiguresView: FC<{ f: Figures }> = ({ f }) => (
  <>
    <FigureTable
      caption="Permohonan dan waktu layanan"
      rows={[
        ['Jumlah permohonan', f.total],
        ['Dijawab', f.answered],
        ['Belum dijawab', f.open],
        ['Dijawab tepat waktu', f.onTime],
        ['Dijawab melewati batas waktu', f.late],
        ['Jangka waktu diperpanjang', f.extended],
        ['Rata-rata waktu menjawab (hari kerja)', f.avgWorkingDays],
        ['Waktu menjawab terlama (hari kerja)', f.maxWorkingDays],
      ]}
    />
    <FigureTable
      caption="Jenis pemohon"
      rows={Object.entries(REQUESTER_TYPE_LABELS).map(([k, label]) => [label, f.requesterTypes[k as keyof typeof REQUESTER_TYPE_LABELS]])}
    />
    <FigureTable caption="Keputusan" rows={Object.entries(DECISION_LABELS).map(([k, label]) => [label, f.decisions[k as InfoDecision]])} />
    {Object.keys(f.refusalReasons).length > 0 ? (
      <FigureTable
        caption="Alasan penolakan"
        rows={Object.entries(f.refusalReasons).map(([k, v]) => [k === 'lainnya' ? 'Lainnya' : REFUSAL_REASONS[k as RefusalReason], v ?? 0])}
      />
    ) : null}
    <FigureTable
      caption="Keberatan"
      rows={[
        ['Keberatan diajukan', f.objections.filed],
        ['Keberatan diputus', f.objections.decided],
        ['Keberatan belum diputus', f.objections.pending],
        ['Diputus melewati 30 hari kerja', f.objections.decidedLate],
        ...Object.entries(OUTCOME_LABELS).map(([k, label]): [string, number] => [label, f.objections.outcomes[k as InfoObjectionOutcome]]),
        ['Diteruskan ke Komisi Informasi', f.objections.commission],
      ]}
    />
  </>
);

export const ReportView: FC<{ report: AnnualReport; regionName: string; csvHref: string; filters: Child; now: number }> = ({
  report,
  regionName,
  csvHref,
  filters,
  now,
}) => {
  const withRequests = report.breakdown.filter((b) => b.figures.total > 0);
  return (
    <>
      <h1>
        Laporan layanan informasi publik {report.year} — {regionName}
      </h1>
      <p class={now > report.dueAt ? 'notice' : 'callout'}>
        Batas penyampaian laporan tahun {report.year}: <strong>{formatWeekdayDate(report.dueAt)}</strong>. Angka mencakup {regionName} beserta seluruh wilayah
        di bawahnya.
      </p>
      {filters}
      <p>
        <a class="button button-secondary" href={excelHref(csvHref)} download>
          Unduh CSV untuk Excel
        </a>{' '}
        <a href={csvHref} download>
          CSV standar (RFC 4180)
        </a>
      </p>
      {report.figures.total === 0 ? (
        <EmptyState>
          <p>Belum ada permohonan informasi yang tercatat pada tahun {report.year}.</p>
        </EmptyState>
      ) : null}
      <FiguresView f={report.figures} />
      {report.breakdown.length > 0 ? (
        <section aria-labelledby="rincian-wilayah">
          <h2 id="rincian-wilayah">Rincian per wilayah</h2>
          {withRequests.length === 0 ? (
            <EmptyState>
              <p>Tidak ada permohonan di wilayah mana pun pada tahun ini.</p>
            </EmptyState>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Wilayah</th>
                  <th scope="col">Permohonan</th>
                  <th scope="col">Dijawab</th>
                  <th scope="col">Tepat waktu</th>
                  <th scope="col">Rata-rata (hari kerja)</th>
                  <th scope="col">Ditolak</th>
                  <th scope="col">Keberatan</th>
                </tr>
              </thead>
              <tbody>
                {withRequests.map((b) => (
                  <tr>
                    <td data-label="Wilayah">{b.name}</td>
                    <td data-label="Permohonan">{n(b.figures.total)}</td>
                    <td data-label="Dijawab">{n(b.figures.answered)}</td>
                    <td data-label="Tepat waktu">{n(b.figures.onTime)}</td>
                    <td data-label="Rata-rata (hari kerja)">{n(b.figures.avgWorkingDays)}</td>
                    <td data-label="Ditolak">{n(b.figures.decisions.ditolak)}</td>
                    <td data-label="Keberatan">{n(b.figures.objections.filed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
};
