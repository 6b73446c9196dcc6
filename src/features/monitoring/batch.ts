import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';

/** D1 batches stay small: at most this many statements per db.batch (each batch is atomic). */
export const MAX_BATCH = 100;

export type Statement = BatchItem<'sqlite'>;

/** Runs statements in order, in atomic chunks of at most MAX_BATCH. Returns the number of batches sent. */
export async function runBatched(db: Db, statements: readonly Statement[]): Promise<number> {
  let batches = 0;
  for (let i = 0; i < statements.length; i += MAX_BATCH) {
    const [first, ...rest] = statements.slice(i, i + MAX_BATCH);
    if (!first) break;
    await db.batch([first, ...rest]);
    batches++;
  }
  return batches;
}
