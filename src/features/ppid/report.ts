/**
 * Laporan layanan informasi publik (annual report, Perki 1/2021): pure figures over the year's requests of a region
 * and its descendants, and their CSV form. Due to be published by 31 March of the following year.
 */
import type { InfoDecision, InfoObjectionOutcome } from '../../db/schema';
import { isWithin } from '../../regions/codes';
import { toCsv, type CsvVariant } from '../../lib/csv';
import { DAY_MS, witaDateToMs } from '../../lib/time';
import { workingDaysBetween, type HolidayCalendar } from '../../lib/working-days';
import { DECISION_LABELS, OUTCOME_LABELS, REFUSAL_REASONS, REQUESTER_TYPE_LABELS, type RefusalReason } from './labels';
import type { ReportRow } from './repo';

export interface ReportRegion {
  code: string;
  name: string;
}

export interface Figures {
  total: number;
  answered: number;
  open: number;
  onTime: number;
  late: number;
  extended: number;
  avgWorkingDays: number | null;
  maxWorkingDays: number | null;
  decisions: Record<InfoDecision, number>;
  refusalReasons: Partial<Record<RefusalReason | 'lainnya', number>>;
  requesterTypes: Record<keyof typeof REQUESTER_TYPE_LABELS, number>;
  objections: { filed: number; decided: number; pending: number; decidedLate: number; commission: number; outcomes: Record<InfoObjectionOutcome, number> };
}

export interface AnnualReport {
  year: number;
  regionCode: string;
  dueAt: number;
  figures: Figures;
  /** The same figures per child region (rolled up), plus the region's own requests. */
  breakdown: Array<{ code: string; name: string; figures: Figures }>;
}

/** [from, to) instants of a WITA calendar year. */
export function yearWindow(year: number): { from: number; to: number } {
  return { from: witaDateToMs(`${year}-01-01`), to: witaDateToMs(`${year + 1}-01-01`) };
}

/** The report of year Y is due at the end of 31 March Y+1 (WITA). */
export function reportDueAt(year: number): number {
  return witaDateToMs(`${year + 1}-03-31`) + DAY_MS - 1;
}

function emptyFigures(): Figures {
  return {
    total: 0,
    answered: 0,
    open: 0,
    onTime: 0,
    late: 0,
    extended: 0,
    avgWorkingDays: null,
    maxWorkingDays: null,
    decisions: { dipenuhi: 0, dipenuhi_sebagian: 0, ditolak: 0, tidak_dikuasai: 0 },
    refusalReasons: {},
    requesterTypes: { perorangan: 0, badan_hukum: 0, kelompok: 0 },
    objections: { filed: 0, decided: 0, pending: 0, decidedLate: 0, commission: 0, outcomes: { dikabulkan: 0, dikabulkan_sebagian: 0, ditolak: 0 } },
  };
}

export function computeFigures(rows: readonly ReportRow[], cal: HolidayCalendar): Figures {
  const f = emptyFigures();
  let sum = 0;
  for (const r of rows) {
    f.total++;
    f.requesterTypes[r.requesterType]++;
    if (r.extendedAt !== null) f.extended++;
    if (r.answeredAt === null) {
      f.open++;
    } else {
      f.answered++;
      if (r.answeredAt <= r.dueAt) f.onTime++;
      else f.late++;
      const days = workingDaysBetween(r.registeredAt, r.answeredAt, cal);
      sum += days;
      f.maxWorkingDays = Math.max(f.maxWorkingDays ?? 0, days);
      if (r.decision) f.decisions[r.decision]++;
      if (r.decision === 'ditolak') {
        const key: RefusalReason | 'lainnya' = r.refusalReason && r.refusalReason in REFUSAL_REASONS ? (r.refusalReason as RefusalReason) : 'lainnya';
        f.refusalReasons[key] = (f.refusalReasons[key] ?? 0) + 1;
      }
    }
    if (r.objectionStatus) {
      f.objections.filed++;
      if (r.objectionStatus === 'diputus') {
        f.objections.decided++;
        if (r.objectionOutcome) f.objections.outcomes[r.objectionOutcome]++;
        if (r.objectionDueAt !== null && r.objectionDecidedAt !== null && r.objectionDecidedAt > r.objectionDueAt) f.objections.decidedLate++;
      } else f.objections.pending++;
      if (r.commissionAt !== null) f.objections.commission++;
    }
  }
  if (f.answered > 0) f.avgWorkingDays = Math.round((sum / f.answered) * 10) / 10;
  return f;
}

export function computeReport(a: {
  year: number;
  region: ReportRegion;
  children: readonly ReportRegion[];
  rows: readonly ReportRow[];
  cal: HolidayCalendar;
}): AnnualReport {
  const breakdown: AnnualReport['breakdown'] = [];
  const own = a.rows.filter((r) => r.regionCode === a.region.code);
  if (a.children.length > 0) {
    breakdown.push({ code: a.region.code, name: `${a.region.name} (kantor sendiri)`, figures: computeFigures(own, a.cal) });
    for (const c of a.children)
      breakdown.push({
        code: c.code,
        name: c.name,
        figures: computeFigures(
          a.rows.filter((r) => isWithin(r.regionCode, c.code)),
          a.cal,
        ),
      });
  }
  return { year: a.year, regionCode: a.region.code, dueAt: reportDueAt(a.year), figures: computeFigures(a.rows, a.cal), breakdown };
}

function figureRows(section: string, f: Figures): Array<Array<string | number | null>> {
  const out: Array<Array<string | number | null>> = [
    [section, 'Jumlah permohonan', f.total],
    [section, 'Dijawab', f.answered],
    [section, 'Belum dijawab', f.open],
    [section, 'Dijawab tepat waktu', f.onTime],
    [section, 'Dijawab melewati batas waktu', f.late],
    [section, 'Diperpanjang', f.extended],
    [section, 'Rata-rata waktu menjawab (hari kerja)', f.avgWorkingDays],
    [section, 'Waktu menjawab terlama (hari kerja)', f.maxWorkingDays],
  ];
  for (const [k, label] of Object.entries(REQUESTER_TYPE_LABELS))
    out.push([section, `Pemohon: ${label}`, f.requesterTypes[k as keyof typeof REQUESTER_TYPE_LABELS]]);
  for (const [k, label] of Object.entries(DECISION_LABELS)) out.push([section, `Keputusan: ${label}`, f.decisions[k as InfoDecision]]);
  for (const [k, n] of Object.entries(f.refusalReasons))
    out.push([section, `Alasan penolakan: ${k === 'lainnya' ? 'Lainnya' : REFUSAL_REASONS[k as RefusalReason]}`, n ?? 0]);
  out.push(
    [section, 'Keberatan diajukan', f.objections.filed],
    [section, 'Keberatan diputus', f.objections.decided],
    [section, 'Keberatan belum diputus', f.objections.pending],
    [section, 'Keberatan diputus melewati 30 hari kerja', f.objections.decidedLate],
  );
  for (const [k, label] of Object.entries(OUTCOME_LABELS)) out.push([section, `Putusan keberatan: ${label}`, f.objections.outcomes[k as InfoObjectionOutcome]]);
  out.push([section, 'Diteruskan ke Komisi Informasi', f.objections.commission]);
  return out;
}

export function reportCsv(r: AnnualReport, regionName: string, variant: CsvVariant = 'standar'): string {
  const rows: Array<Array<string | number | null>> = [
    ['Laporan layanan informasi publik', regionName, r.year],
    ['Kode wilayah', r.regionCode, null],
    ['Batas penyampaian', `31 Maret ${r.year + 1}`, null],
    [],
    ['Bagian', 'Uraian', 'Nilai'],
    ...figureRows('Ringkasan', r.figures),
  ];
  for (const b of r.breakdown) rows.push(...figureRows(`${b.name} (${b.code})`, b.figures));
  return toCsv(rows, variant);
}
