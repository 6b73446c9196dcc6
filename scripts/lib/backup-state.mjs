// Shared by `npm run backup` and `npm run restore`: opens the local D1 and R2 of a persist dir (the layout of
// `wrangler dev --persist-to`, default .wrangler/state) through Miniflare, and reads what an archive records.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quoteIdent } from './backup-format.mjs';
import { ROOT } from './local.mjs';

const ROWS_PER_PAGE = 500;

/**
 * Opens D1 `DB` and R2 `FILES` of `persistTo` with the bindings of wrangler.toml; call `dispose()` when done.
 * `snapshot`: reads a private copy of the files instead (taken first), so a running `wrangler dev` on the same dir
 * neither blocks the reads nor is blocked by them; for a consistent copy, nothing should write meanwhile.
 */
export async function openLocalState(persistTo, { snapshot = false } = {}) {
  const { Miniflare } = await import('miniflare');
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
  let root = resolve(persistTo);
  let copy = null;
  if (snapshot) {
    copy = mkdtempSync(join(tmpdir(), 'portal-salinan-'));
    for (const dir of ['d1', 'r2']) {
      if (existsSync(join(root, 'v3', dir))) cpSync(join(root, 'v3', dir), join(copy, 'v3', dir), { recursive: true });
    }
    root = copy;
  }
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null) } }',
    d1Databases: workerOptions.d1Databases,
    d1Persist: join(root, 'v3', 'd1'),
    r2Buckets: workerOptions.r2Buckets,
    r2Persist: join(root, 'v3', 'r2'),
  });
  const dispose = async () => {
    await mf.dispose();
    if (copy) rmSync(copy, { recursive: true, force: true });
  };
  return { db: await mf.getD1Database('DB'), bucket: await mf.getR2Bucket('FILES'), dispose };
}

/** User tables (sqlite internals and Cloudflare's `_cf_` tables excluded) with their CREATE statement, by name. */
export async function userTables(db) {
  const { results } = await db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name")
    .all();
  return results;
}

/** Row count of every user table, by name. */
export async function tableCounts(db) {
  const counts = {};
  for (const { name } of await userTables(db)) {
    const row = await db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)}`).first();
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

/** The tables `table`'s foreign keys reference. */
export async function referencedTables(db, table) {
  const { results } = await db.prepare(`PRAGMA foreign_key_list(${quoteIdent(table)})`).all();
  return [...new Set(results.map((r) => r.table))];
}

/** Every CREATE statement of the schema: tables, indexes, views, triggers, each group by name (stable across restores). */
export async function schemaObjects(db) {
  const { results } = await db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name",
    )
    .all();
  return results;
}

/**
 * Every row of `table` in storage order, page by page: yields `{ columns, rows }` with rows as arrays. Rowid tables
 * page by rowid; WITHOUT ROWID tables by offset.
 */
export async function* tablePages(db, table, createSql) {
  const withoutRowid = /\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(createSql ?? '');
  let after = null;
  for (let offset = 0; ; offset += ROWS_PER_PAGE) {
    const sql = withoutRowid
      ? `SELECT * FROM ${quoteIdent(table)} ORDER BY 1 LIMIT ${ROWS_PER_PAGE} OFFSET ${offset}`
      : `SELECT rowid AS "__backup_rowid", * FROM ${quoteIdent(table)} ${after === null ? '' : 'WHERE rowid > ?1 '}ORDER BY rowid LIMIT ${ROWS_PER_PAGE}`;
    const stmt = db.prepare(sql);
    const [columns, ...rows] = await (after === null || withoutRowid ? stmt : stmt.bind(after)).raw({ columnNames: true });
    if (!rows.length) return;
    if (withoutRowid) yield { columns, rows };
    else {
      after = rows[rows.length - 1][0];
      yield { columns: columns.slice(1), rows: rows.map((r) => r.slice(1)) };
    }
    if (rows.length < ROWS_PER_PAGE) return;
  }
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
