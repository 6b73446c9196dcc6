/**
 * Data-key rotation: re-encrypts every sealed value of a table that is not under the active data key (an older key
 * id, or a legacy format a feature still knows how to open) so the old key can then be removed from DATA_KEYS.
 *
 * Bounded: rows are walked in key order (one column, or a composite key compared as a row value), `chunk` rows per
 * query, at most `maxChunks` queries per call; the caller (a
 * scheduled job) simply runs again until `remaining` is false. A row whose value cannot be opened (its key is missing,
 * it was altered) is skipped and counted in `failed`, never blocking the others. Each update only applies when the
 * stored value is still the one that was read, so a concurrent change is never overwritten.
 */
import type { JobReport } from './job-runs';
import { open, seal, sealedKeyId } from './data-key';
import type { Keyring } from './keyring';

export interface SealedColumn {
  /** SQL column name (a constant of the feature, never input). */
  name: string;
  /** The authenticated context the value is bound to, from the row's other columns. */
  context(row: Record<string, unknown>): string;
  /** Opens a value in a legacy format (not `<key id>:…`); null when it cannot. */
  openLegacy?(stored: string, row: Record<string, unknown>): Promise<string | null>;
}

export interface SealedTable {
  table: string;
  /** Primary key column(s) (text, ordered); several for a composite key, e.g. ['ref_kind', 'ref_id']. */
  id: string | readonly string[];
  /** Other columns the contexts need. */
  extra?: readonly string[];
  columns: readonly SealedColumn[];
}

export interface RotationResult {
  resealed: number;
  failed: number;
  /** True when the walk stopped at `maxChunks` before reaching the end of the table. */
  remaining: boolean;
}

async function openAny(keys: Keyring, col: SealedColumn, stored: string, row: Record<string, unknown>): Promise<string | null> {
  if (sealedKeyId(stored) !== null) return open(keys, stored, col.context(row));
  return col.openLegacy ? col.openLegacy(stored, row) : null;
}

/** Re-seals the values of `spec` not under the active key; see the module comment. */
export async function rotateSealed(
  db: D1Database,
  keys: Keyring,
  spec: SealedTable,
  opts: { chunk?: number; maxChunks?: number } = {},
): Promise<RotationResult> {
  const chunk = opts.chunk ?? 100;
  const maxChunks = opts.maxChunks ?? 10;
  const prefix = `${keys.active}:`;
  const key = typeof spec.id === 'string' ? [spec.id] : [...spec.id];
  const keyTuple = key.length === 1 ? key[0]! : `(${key.join(', ')})`;
  const keyParams = key.length === 1 ? '?' : `(${key.map(() => '?').join(', ')})`;
  const keyMatch = key.map((k) => `${k} = ?`).join(' AND ');
  const stale = spec.columns.map((c) => `(${c.name} IS NOT NULL AND substr(${c.name}, 1, ${prefix.length}) <> ?)`).join(' OR ');
  const columns = [...key, ...(spec.extra ?? []), ...spec.columns.map((c) => c.name)].join(', ');
  const selectFirst = `SELECT ${columns} FROM ${spec.table} WHERE (${stale}) ORDER BY ${key.join(', ')} LIMIT ?`;
  const selectAfter = `SELECT ${columns} FROM ${spec.table} WHERE ${keyTuple} > ${keyParams} AND (${stale}) ORDER BY ${key.join(', ')} LIMIT ?`;
  const result: RotationResult = { resealed: 0, failed: 0, remaining: false };
  let after: unknown[] | null = null;
  for (let n = 0; n < maxChunks; n++) {
    const { results }: { results: Record<string, unknown>[] } = await db
      .prepare(after === null ? selectFirst : selectAfter)
      .bind(...(after ?? []), ...spec.columns.map(() => prefix), chunk)
      .all<Record<string, unknown>>();
    const updates: D1PreparedStatement[] = [];
    for (const row of results) {
      for (const col of spec.columns) {
        const stored = row[col.name];
        if (typeof stored !== 'string' || stored.startsWith(prefix)) continue;
        let plain: string | null;
        try {
          plain = await openAny(keys, col, stored, row);
        } catch {
          plain = null; // its key is not configured, or it was altered: counted, never blocking the rest
        }
        if (plain === null) {
          result.failed++;
          continue;
        }
        const fresh = await seal(keys, plain, col.context(row));
        updates.push(
          db.prepare(`UPDATE ${spec.table} SET ${col.name} = ? WHERE ${keyMatch} AND ${col.name} = ?`).bind(fresh, ...key.map((k) => row[k]), stored),
        );
        result.resealed++;
      }
    }
    if (updates.length) await db.batch(updates);
    if (results.length < chunk) return result;
    const last: Record<string, unknown> = results[results.length - 1]!;
    after = key.map((k) => last[k]);
  }
  result.remaining = true;
  return result;
}

/** A job report for a rotation run: failures are counted, never described with data. */
export function rotationReport(label: string, r: RotationResult): JobReport {
  return r.failed ? { failed: `${label}: ${r.failed} nilai terenkripsi tidak dapat dibuka dengan kunci yang ada` } : {};
}
