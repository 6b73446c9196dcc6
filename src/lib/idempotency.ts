import { and, eq, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { sha256Hex } from './encoding';
import { AppError } from './errors';

/**
 * Exactly-once submissions without transactions: the idempotency row is written in the SAME `db.batch` as the thing it
 * creates (a D1 batch is atomic). A concurrent or repeated submission with the same key then fails on the primary
 * key, and `submitOnce` answers with the first result instead of creating a duplicate.
 */
export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{16,128}$/;

export function requestHash(value: unknown): Promise<string> {
  return sha256Hex(JSON.stringify(value));
}

export async function findIdempotent(db: Db, scope: string, key: string) {
  return db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .get();
}

export interface SubmitOnceArgs<T> {
  db: Db;
  scope: string;
  key: string;
  /** Hash of the normalised input: the same key with a different body is a 409 (the client reused a key). */
  hash: string;
  now: number;
  /** Builds the ref (e.g. a new ticket number) and the statements that create the thing. */
  build: () => Promise<{ ref: string; statements: BatchItem<'sqlite'>[]; result: T }>;
}

/** Returns `{ ref, created: true, result }` the first time, `{ ref, created: false }` for any replay. */
export async function submitOnce<T>(a: SubmitOnceArgs<T>): Promise<{ ref: string; created: true; result: T } | { ref: string; created: false }> {
  const existing = await findIdempotent(a.db, a.scope, a.key);
  if (existing) return replay(existing, a.hash);
  const built = await a.build();
  try {
    await a.db.batch([
      a.db.insert(idempotencyKeys).values({ scope: a.scope, key: a.key, requestHash: a.hash, resultRef: built.ref, createdAt: a.now }),
      ...built.statements,
    ] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return { ref: built.ref, created: true, result: built.result };
  } catch (err) {
    const again = await findIdempotent(a.db, a.scope, a.key);
    if (again) return replay(again, a.hash);
    throw err;
  }
}

function replay(row: { requestHash: string; resultRef: string }, hash: string) {
  if (row.requestHash !== hash) {
    throw new AppError('conflict', 'Kunci idempotensi ini sudah dipakai untuk kiriman lain. Gunakan kunci baru untuk kiriman baru.');
  }
  return { ref: row.resultRef, created: false as const };
}

export function pruneIdempotency(db: Db, before: number) {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}
