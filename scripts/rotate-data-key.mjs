// `npm run rotate-data-key`: starts a rotation of the personal-data key (src/lib/data-key.ts) on the local setup of
// `npm start`, and finishes it. A new random key is added to DATA_KEYS in .dev.vars and made DATA_KEY_ACTIVE (the old
// ids stay, so nothing becomes unreadable); then the hourly reseal jobs (`letters data-key reseal`, `ppid data-key
// reseal`, `messaging data-key reseal`; src/lib/data-key-rotation.ts) run through `npm run cron` until no sealed value is under an older key.
// Restart `npm start` afterwards so the running worker reads the new key.
//
//   npm run rotate-data-key
//   options: --persist-to=DIR (default .wrangler/state), --vars=FILE (default .dev.vars), --max-runs=N (default 20),
//            --json (machine-readable result on stdout)
//
// Production is the same two steps by hand (docs/INCIDENT-RUNBOOK.md, SECURITY.md): `wrangler secret put DATA_KEYS`
// with the new key added, `wrangler secret put DATA_KEY_ACTIVE`, then the hourly jobs re-seal within hours.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { devVars, runCron } from './cron.mjs';
import { ROOT } from './lib/local.mjs';

const HOURLY = '5 * * * *';
const USAGE = 'pemakaian: npm run rotate-data-key -- [--persist-to=DIR] [--vars=FILE] [--max-runs=N] [--json]';

/**
 * A sealed column is named `*_sealed` (or PPID's `identity_cipher`): every such column of the schema is counted, so a
 * new one cannot be forgotten here. The hourly jobs that re-seal them: letters (src/features/letters/reseal-job.ts),
 * PPID (ppid/reseal-job.ts), message recipients and opt-in contacts (src/messaging/reseal.ts, src/jobs/index.ts);
 * test/integration/data-key-rotation.test.ts checks that those jobs cover the same columns.
 */
export const SEALED_COLUMN_RE = /(_sealed|_cipher)$/;

/** The [table, column] pairs of the local D1 whose name marks them as sealed. */
export async function sealedColumns(db) {
  const { results: tables } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'sqlite_*' AND name NOT GLOB '_cf_*' AND name NOT GLOB 'd1_*'")
    .all();
  const out = [];
  for (const { name } of tables) {
    const { results: columns } = await db.prepare(`SELECT name FROM pragma_table_info(?)`).bind(name).all();
    for (const c of columns) if (SEALED_COLUMN_RE.test(c.name)) out.push([name, c.name]);
  }
  return out;
}

export class RotateUsageError extends Error {}

/** Adds a fresh key to the vars file and makes it active; returns the old and new active ids. */
export function addDataKey(varsFile) {
  if (!existsSync(varsFile)) throw new RotateUsageError(`${varsFile} tidak ada. Jalankan dulu \`npm start\`.`);
  const vars = devVars(varsFile);
  let keys;
  try {
    keys = JSON.parse(vars.DATA_KEYS ?? '');
  } catch {
    throw new RotateUsageError('DATA_KEYS di berkas variabel bukan JSON yang valid.');
  }
  const ids = Object.keys(keys);
  const next = Math.max(0, ...ids.map((id) => Number(/^k(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
  const id = `k${next}`;
  keys[id] = randomBytes(32).toString('base64');
  const lines = readFileSync(varsFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('DATA_KEYS=') && !l.startsWith('DATA_KEY_ACTIVE='));
  lines.push(`DATA_KEYS='${JSON.stringify(keys)}'`, `DATA_KEY_ACTIVE=${id}`);
  writeFileSync(varsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { previous: vars.DATA_KEY_ACTIVE ?? null, active: id, ids: Object.keys(keys) };
}

/** Counts sealed values not under `active` in the local D1 (the ones still to re-seal). */
export async function countStale(persistTo, active) {
  const { Miniflare } = await import('miniflare');
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null) } }',
    d1Databases: workerOptions.d1Databases,
    d1Persist: join(resolve(persistTo), 'v3', 'd1'),
  });
  try {
    const db = await mf.getD1Database('DB');
    let stale = 0;
    for (const [table, column] of await sealedColumns(db)) {
      const row = await db
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND substr(${column}, 1, ?) <> ?`)
        .bind(active.length + 1, `${active}:`)
        .first();
      stale += row?.n ?? 0;
    }
    return stale;
  } finally {
    await mf.dispose();
  }
}

/** The whole local rotation: new key, then hourly runs until nothing is left under an older key (or maxRuns). */
export async function rotateLocal({ persistTo = join(ROOT, '.wrangler', 'state'), varsFile = join(ROOT, '.dev.vars'), maxRuns = 20 } = {}) {
  if (!existsSync(join(resolve(persistTo), 'v3', 'd1'))) {
    throw new RotateUsageError(`Tidak ada database lokal di ${persistTo}. Jalankan dulu \`npm start\` (atau beri --persist-to).`);
  }
  const key = addDataKey(varsFile);
  const before = await countStale(persistTo, key.active);
  let stale = before;
  let runs = 0;
  while (stale > 0 && runs < maxRuns) {
    const result = await runCron({ cron: HOURLY, persistTo, varsFile });
    runs++;
    if (result.outcome !== 'ok') break;
    const left = await countStale(persistTo, key.active);
    if (left >= stale) break; // no progress: values whose key is missing (see the status page); never loop forever
    stale = left;
  }
  return { ...key, before, remaining: stale, runs };
}

function parseArgs(argv) {
  const options = { json: false };
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg.startsWith('--persist-to=')) options.persistTo = arg.slice('--persist-to='.length);
    else if (arg.startsWith('--vars=')) options.varsFile = arg.slice('--vars='.length);
    else if (/^--max-runs=\d+$/.test(arg)) options.maxRuns = Number(arg.slice('--max-runs='.length));
    else throw new RotateUsageError(`opsi tidak dikenal: ${arg}\n${USAGE}`);
  }
  return options;
}

async function main() {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.json) console.log = console.info = (...parts) => console.error(...parts);
    const r = await rotateLocal(args);
    if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else {
      process.stdout.write(`[rotasi] kunci data aktif: ${r.previous ?? '-'} → ${r.active} (DATA_KEYS: ${r.ids.join(', ')})\n`);
      process.stdout.write(`[rotasi] ${r.before} nilai perlu dienkripsi ulang; ${r.runs} putaran pekerjaan per jam; sisa ${r.remaining}\n`);
      process.stdout.write(
        r.remaining === 0
          ? `[rotasi] selesai. Mulai ulang \`npm start\`. Id lama (${r.ids.filter((id) => id !== r.active).join(', ') || '-'}) boleh dihapus dari DATA_KEYS.\n`
          : '[rotasi] belum selesai: ada nilai yang kuncinya tidak ada (lihat /admin/status). Jangan hapus id lama.\n',
      );
    }
    process.exitCode = r.remaining === 0 ? 0 : 1;
  } catch (err) {
    process.stderr.write(`[rotasi] ${err.message}\n`);
    process.exitCode = err instanceof RotateUsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
