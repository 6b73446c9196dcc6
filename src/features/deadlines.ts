import type { Db } from '../db/client';

/**
 * A source of items with a working-day deadline (complaints, PPID requests, PPID objections). Monitoring's deadline
 * scan knows nothing else about the other features: each feature lists its sources in its descriptor
 * (`deadlineSources`); each source queries its own tables and returns plain rows. Every query is grouped or bounded
 * (no per-region loops).
 */

export interface OpenDeadlineItem {
  /** The source's `name`. */
  source: string;
  /** Row id in the source table (never shown publicly). */
  id: string;
  /** Region handling the item now. */
  regionCode: string;
  /** Deadline instant (epoch ms, computed by the source with the working-day clock). */
  dueAt: number;
  /** What is due, in Indonesian, e.g. 'Verifikasi pengaduan'. */
  kind: string;
  /** Ticket/request number: no personal data. */
  reference: string;
  /** Admin page where it is handled. */
  adminHref: string;
}

export interface ClosedDeadlineStats {
  regionCode: string;
  /** Items handled within the period. */
  closed: number;
  /** …of which on time. */
  onTime: number;
}

export interface DeadlineSource {
  /** Stored with each monitoring flag: short, stable, e.g. 'pengaduan'. */
  name: string;
  /** What the items are, in Indonesian, e.g. 'Permohonan informasi' (flag titles, the partner API). */
  label: string;
  /** Open items whose deadline is at or before `horizon` (near or past due; the scan decides which). */
  listOpen(db: Db, opts: { now: number; horizon: number }): Promise<OpenDeadlineItem[]>;
  /** Items handled in [since, now], grouped by region. */
  closedStats(db: Db, opts: { since: number; now: number }): Promise<ClosedDeadlineStats[]>;
}
