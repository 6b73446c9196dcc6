// How a package reads to citizens: its link, the stage under way and the time left, in WITA. Pure.
import { formatRupiah } from '../../lib/money';
import { daysAgo, formatDate, formatDateTime, witaParts } from '../../lib/time';
import { regionHref } from '../../regions/paths';
import { STAGE_LABELS } from './labels';
import { currentStage, nextStage, type StageWindow } from './schedule';

export const tenderHref = (t: { regionPath: string; id: string }) => regionHref(t.regionPath, 'lelang', t.id);
export const fileHref = (t: { regionPath: string; id: string }, fileId: string) => regionHref(t.regionPath, 'lelang', t.id, 'berkas', fileId);

/** 'Rp 1.250.000.000', or a dash when unknown. */
export const rupiahOrDash = (v: number | null) => (v === null ? '—' : formatRupiah(v));

const clock = (ms: number) => {
  const p = witaParts(ms);
  return `${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')} WITA`;
};

/** 'hari ini pukul 15.00 WITA', 'besok pukul 08.00 WITA', '3 hari lagi (19 Maret 2026, 15.00 WITA)'. */
export function whenAhead(ms: number, now: number): string {
  const days = -daysAgo(ms, now);
  if (days <= 0) return `hari ini pukul ${clock(ms)}`;
  if (days === 1) return `besok pukul ${clock(ms)}`;
  return `${days} hari lagi (${formatDateTime(ms)})`;
}

export interface StageNow {
  /** What is happening, e.g. 'Pendaftaran dan unduh dokumen'. */
  label: string;
  /** When it ends or starts, e.g. 'berakhir besok pukul 15.00 WITA'; '' when unknown. */
  when: string;
}

/**
 * The stage to show in a list row: the stage under way and when it ends; else the next one and when it starts; else
 * what the source says (SPSE's "Tahap", SiRUP's selection window); null when nothing is known.
 */
export function stageNow(
  t: { schedule: readonly StageWindow[]; stageLabel: string; plannedFrom: number | null; plannedTo: number | null },
  now: number,
): StageNow | null {
  const current = currentStage(t.schedule, now);
  if (current) return { label: STAGE_LABELS[current.stage], when: `berakhir ${whenAhead(current.e, now)}` };
  const next = nextStage(t.schedule, now);
  if (next) return { label: `Berikutnya: ${STAGE_LABELS[next.stage]}`, when: `dimulai ${whenAhead(next.s, now)}` };
  if (t.stageLabel) return { label: t.stageLabel, when: '' };
  if (t.plannedFrom !== null && t.plannedTo !== null) return { label: 'Rencana pemilihan penyedia', when: monthWindow(t.plannedFrom, t.plannedTo) };
  return null;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const monthOf = (ms: number) => {
  const p = witaParts(ms);
  return `${MONTHS[p.month - 1]} ${p.year}`;
};

/** 'Maret 2026' or 'Januari 2026 – Maret 2026'. */
export function monthWindow(from: number, to: number): string {
  const a = monthOf(from);
  const b = monthOf(to);
  return a === b ? a : `${a} – ${b}`;
}

/** '12 Maret 2026 – 19 Maret 2026' for a contract period (either end may be unknown). */
export function period(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from !== null) return `mulai ${formatDate(from)}`;
  return to !== null ? `sampai ${formatDate(to)}` : '—';
}
