// Storage hygiene between test files (test/setup.ts): what is left in D1/KV/R2, removing it by hand, loading the
// prepared schema. Exported so test/integration/test-isolation.test.ts can prove each step works.
import { env } from 'cloudflare:test';

const USER_SCHEMA =
  "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY rowid DESC";

/** What is left in D1, KV and R2, or null when all three are empty. */
export async function leftovers(): Promise<string | null> {
  const [schema, keys, objects] = await Promise.all([
    env.DB.prepare(USER_SCHEMA).all<{ type: string; name: string }>(),
    env.PAGE_CACHE.list({ limit: 1 }),
    env.FILES.list({ limit: 1 }),
  ]);
  if (schema.results.length === 0 && keys.keys.length === 0 && objects.objects.length === 0) return null;
  const some = (n: number) => (n > 0 ? 'some' : 'none');
  return `${schema.results.length} tables/views, KV keys: ${some(keys.keys.length)}, R2 objects: ${some(objects.objects.length)}`;
}

/** Removes every table, view, KV key and R2 object (newest tables first, so children go before their parents). */
export async function wipeStorage(): Promise<void> {
  const schema = (await env.DB.prepare(USER_SCHEMA).all<{ type: string; name: string }>()).results;
  if (schema.length > 0) {
    await env.DB.batch([
      env.DB.prepare('PRAGMA defer_foreign_keys = on'),
      ...schema.map((s) => env.DB.prepare(`DROP ${s.type === 'view' ? 'VIEW' : 'TABLE'} "${s.name.replace(/"/g, '""')}"`)),
    ]);
  }
  for (let cursor: string | undefined; ; ) {
    const page = await env.PAGE_CACHE.list(cursor ? { cursor } : {});
    await Promise.all(page.keys.map((k) => env.PAGE_CACHE.delete(k.name)));
    if (page.list_complete) break;
    cursor = page.cursor;
  }
  for (let cursor: string | undefined; ; ) {
    const page = await env.FILES.list(cursor ? { cursor } : {});
    if (page.objects.length > 0) await env.FILES.delete(page.objects.map((o) => o.key));
    if (!page.truncated) break;
    cursor = page.cursor;
  }
}

/** Every migration and then the region seed (vitest.config.ts), in one batch; without the seed on request. */
export async function loadSchema({ regionSeed = true }: { regionSeed?: boolean } = {}): Promise<void> {
  const statements = regionSeed ? [...env.TEST_MIGRATIONS_SQL, ...env.TEST_REGION_SEED_SQL] : env.TEST_MIGRATIONS_SQL;
  await env.DB.batch(statements.map((query) => env.DB.prepare(query)));
}
