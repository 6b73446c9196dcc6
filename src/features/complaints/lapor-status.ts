/**
 * THE mapping between the portal's complaint statuses and SP4N-LAPOR's, in one table, used both ways:
 * - outbound: every partner view carries `lapor_status`, the LAPOR status a connector sets for our current status;
 * - inbound: `external_status` sent by a connector must be one of LAPOR's statuses (code or label, any case); it is
 *   stored as the code and shown with `portal_status`, what it means in the portal's terms.
 * An inbound status never moves the portal's own status machine: handlers here decide, LAPOR's state is recorded beside.
 * The API guide (/api/docs) renders this same table.
 */
import type { ComplaintStatus } from '../../db/schema/complaints';

export interface LaporStatusRow {
  /** LAPOR's status as a code (what the API stores and answers). */
  lapor: string;
  /** LAPOR's own wording. */
  label: string;
  /** What the LAPOR status means in the portal's terms (inbound). */
  portal: ComplaintStatus;
  /** The portal statuses a connector reports to LAPOR as this status (outbound); empty = inbound only. */
  sentFor: readonly ComplaintStatus[];
}

export const LAPOR_STATUS_TABLE = [
  { lapor: 'belum_terverifikasi', label: 'Belum Terverifikasi', portal: 'diterima', sentFor: ['diterima'] },
  { lapor: 'ditunda', label: 'Ditunda', portal: 'diterima', sentFor: [] },
  { lapor: 'terverifikasi', label: 'Terverifikasi', portal: 'diverifikasi', sentFor: ['diverifikasi'] },
  { lapor: 'diproses', label: 'Diproses', portal: 'didisposisikan', sentFor: ['didisposisikan'] },
  { lapor: 'ditindaklanjuti', label: 'Ditindaklanjuti', portal: 'ditindaklanjuti', sentFor: ['ditindaklanjuti'] },
  { lapor: 'selesai', label: 'Selesai', portal: 'selesai', sentFor: ['selesai'] },
  { lapor: 'bukan_wewenang', label: 'Bukan Wewenang', portal: 'bukan_wewenang', sentFor: ['bukan_wewenang'] },
  { lapor: 'diarsipkan', label: 'Diarsipkan', portal: 'diarsipkan', sentFor: ['ditolak', 'diarsipkan'] },
] as const satisfies readonly LaporStatusRow[];

export type LaporStatus = (typeof LAPOR_STATUS_TABLE)[number]['lapor'];
export const LAPOR_STATUSES = LAPOR_STATUS_TABLE.map((r) => r.lapor) as [LaporStatus, ...LaporStatus[]];

const rows: readonly LaporStatusRow[] = LAPOR_STATUS_TABLE;
const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Outbound: the LAPOR status for a portal status. */
export function toLaporStatus(status: ComplaintStatus): LaporStatus {
  const row = rows.find((r) => r.sentFor.includes(status));
  if (!row) throw new Error(`no SP4N-LAPOR status for ${status}`);
  return row.lapor as LaporStatus;
}

/** Inbound: a LAPOR status given as code or label (any case) → its code, or null when LAPOR has no such status. */
export function parseLaporStatus(raw: string): LaporStatus | null {
  const s = slug(raw);
  return (rows.find((r) => r.lapor === s || slug(r.label) === s)?.lapor as LaporStatus | undefined) ?? null;
}

/** Inbound: what a stored LAPOR status means here (null for a value stored before statuses were checked). */
export function portalStatusOf(lapor: string | null): ComplaintStatus | null {
  return lapor === null ? null : (rows.find((r) => r.lapor === lapor)?.portal ?? null);
}

export const laporLabel = (lapor: string) => rows.find((r) => r.lapor === lapor)?.label ?? lapor;

/** The table as /api/docs shows it (under the SP4N-LAPOR operations, anchor #status-lapor). */
export const LAPOR_STATUS_DOC = {
  id: 'status-lapor',
  title: 'Pemetaan status SP4N-LAPOR ⇄ portal',
  columns: ['Status SP4N-LAPOR (kode)', 'Label di SP4N-LAPOR', 'Artinya di portal (masuk)', 'Dikirim untuk status portal (keluar)'],
  rows: rows.map((r) => [r.lapor, r.label, r.portal, r.sentFor.length ? r.sentFor.join(', ') : '— (hanya masuk)']),
};
