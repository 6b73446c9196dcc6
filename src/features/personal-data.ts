import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db/client';
import type { Bindings } from '../env';

/**
 * A kind of record holding a citizen's personal data (complaints, PPID requests, letters). The privacy feature
 * (src/features/privacy/) erases identities through these sources, on request by Diskominfo and after the retention
 * period, without knowing the other features' tables: each feature lists its source in its descriptor
 * (`personalData`).
 *
 * Erasure keeps the record, its status, dates and figures (statistics, deadlines, the public list) and drops who
 * the person is: name, contact, address, identity numbers, the private code, exact location, uploaded identity files.
 */
export interface PersonalDataRecord {
  id: string;
  regionCode: string;
  /** The public reference (ticket / request number), never personal. */
  reference: string;
  /** Set when the identity was already erased. */
  erasedAt: number | null;
}

export interface ErasureDeps {
  db: Db;
  env: Bindings;
}

export interface PersonalDataSource {
  /** Short and stable: the key in RETENTION_DAYS and in audit entries ('pengaduan', 'ppid', 'surat'). */
  kind: string;
  /** In Indonesian, e.g. 'Pengaduan'. */
  label: string;
  /** Days a closed record keeps its identity when RETENTION_DAYS does not say otherwise. */
  defaultRetentionDays: number;
  /** Legal basis of the retention period (shown on the admin page and in SECURITY.md). */
  basis: string;
  /** The record with this reference (the source normalises it), or null when there is none or it is not its kind. */
  findByReference(db: Db, reference: string): Promise<PersonalDataRecord | null>;
  /** Ids of closed, not yet erased records whose last change is before `before`, at most `limit`. */
  expired(db: Db, before: number, limit: number): Promise<string[]>;
  /**
   * Statements that erase the identities of these records (run by the caller in one batch with its audit entry);
   * `cleanup` runs after the batch committed (e.g. deleting uploaded identity files from R2); `messages` counts the
   * queued or sent messages to the person deleted with them (src/messaging/citizen-notice.ts), for the audit entry.
   */
  erase(deps: ErasureDeps, ids: string[], now: number): Promise<{ statements: BatchItem<'sqlite'>[]; cleanup?: () => Promise<void>; messages?: number }>;
}

/** Stored in place of an erased private-code hash: not hex, so no typed code ever matches it. */
export const ERASED_CODE_HASH = '-'.repeat(64);
