// Shared by `npm run backup` and `npm run restore`: opens the local D1 and R2 of a persist dir (the layout of
// `wrangler dev --persist-to`, default .wrangler/state) through Miniflare, and measures what a manifest records.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ROOT } from './local.mjs';

export const MANIFEST_FORMAT = 'portal-kutim-backup/1';

/** Opens D1 `DB` and R2 `FILES` of `persistTo` with the bindings of wrangler.toml; call `dispose()` when done. */
export async function openLocalState(persistTo) {
  const { Miniflare } = await import('miniflare');
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
  const root = resolve(persistTo);
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null) } }',
    d1Databases: workerOptions.d1Databases,
    d1Persist: join(root, 'v3', 'd1'),
    r2Buckets: workerOptions.r2Buckets,
    r2Persist: join(root, 'v3', 'r2'),
  });
  return { db: await mf.getD1Database('DB'), bucket: await mf.getR2Bucket('FILES'), dispose: () => mf.dispose() };
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Row count of every user table (sqlite internals and Cloudflare's `_cf_` tables excluded), sorted by name. */
export async function tableCounts(db) {
  const { results } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name")
    .all();
  const counts = {};
  for (const { name } of results) {
    const row = await db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).first();
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

/** Names of the applied D1 migrations, in order (empty when the migrations table does not exist). */
export async function appliedMigrations(db) {
  const exists = await db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'").first();
  if (!exists) return [];
  const { results } = await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all();
  return results.map((r) => r.name);
}

/** Every object of the bucket, page by page: `{ key, size, httpMetadata, customMetadata }`. */
export async function listObjects(bucket) {
  const objects = [];
  let cursor;
  do {
    const page = await bucket.list({ cursor, limit: 1000, include: ['httpMetadata', 'customMetadata'] });
    for (const o of page.objects) {
      objects.push({ key: o.key, size: o.size, httpMetadata: o.httpMetadata ?? {}, customMetadata: o.customMetadata ?? {} });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}

/** Parses `--name=value` / `--flag` arguments into an object. */
export function parseArgs(argv) {
  const out = {};
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`argumen tidak dikenal: ${arg}`);
    out[m[1]] = m[2] ?? true;
  }
  return out;
}
