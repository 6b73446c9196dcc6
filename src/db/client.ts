import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

export type Db = ReturnType<typeof createDb>;

/** Creates the drizzle client. Cheap: no query runs until one is awaited, so a KV hit never touches D1. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
