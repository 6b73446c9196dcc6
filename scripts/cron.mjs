// `npm run cron -- "<cron expression>"`: runs the scheduled jobs of that cron trigger (src/jobs/index.ts, the same
// `scheduled` handler Cloudflare calls) once, against the local D1/KV/R2 of `npm start` (.wrangler/state), and prints
// the job runs it recorded. Works while `npm start` is running (both use the same SQLite files) or without it.
//
//   npm run cron -- "0 17 * * *"                 daily jobs (01:00 WITA)
//   npm run cron -- "5 * * * *" --at=2026-05-05T02:05:00+08:00   as if it were that moment
//   options: --persist-to=DIR (default .wrangler/state), --json (machine-readable result on stdout)
//
// Why not wrangler's /cdn-cgi/handler/scheduled: under `wrangler dev` with [assets] it answers 500 (DataCloneError:
// the assets router cannot pass the ScheduledController on). This script bundles the worker with wrangler (offline)
// and runs it in its own Miniflare without the assets router, bound to the same local storage as `wrangler dev`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, wrangler } from './lib/local.mjs';

const USAGE = 'pemakaian: npm run cron -- "<ekspresi cron>" [--at=WAKTU-ISO] [--persist-to=DIR] [--json]';

export class CronUsageError extends Error {}

/** The cron expressions of wrangler.toml [triggers]. */
export function configuredCrons() {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const m = /^\s*crons\s*=\s*\[([^\]]*)\]/m.exec(toml);
  return m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : [];
}

/** KEY=value lines of .dev.vars (the local secrets `npm start` generates), or of another file of that form. */
export function devVars(file = join(ROOT, '.dev.vars')) {
  if (!existsSync(file)) return {};
  const vars = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) vars[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2'); // .dev.vars quotes JSON values with ' (ensureDevVars)
  }
  return vars;
}

/**
 * Runs one cron trigger against a local state directory and returns the outcome and the job runs recorded.
 * @param {{ cron: string, persistTo?: string, at?: Date, varsFile?: string }} options
 */
export async function runCron({ cron, persistTo = join(ROOT, '.wrangler', 'state'), at = new Date(), varsFile }) {
  const crons = configuredCrons();
  if (!crons.includes(cron)) {
    throw new CronUsageError(`"${cron}" bukan pemicu cron di wrangler.toml. Yang tersedia: ${crons.map((c) => `"${c}"`).join(', ')}`);
  }
  if (Number.isNaN(at.getTime())) throw new CronUsageError('--at bukan waktu yang valid (contoh: 2026-05-05T01:00:00+08:00)');
  const state = resolve(persistTo);
  if (!existsSync(join(state, 'v3', 'd1'))) {
    throw new CronUsageError(`Tidak ada database lokal di ${state}. Jalankan dulu \`npm start\` (atau beri --persist-to).`);
  }

  const { Miniflare } = await import('miniflare');
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const outdir = mkdtempSync(join(tmpdir(), 'portal-cron-'));
  let mf;
  try {
    wrangler(['deploy', '--dry-run', '--outdir', outdir], { quiet: true });
    const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
    mf = new Miniflare({
      compatibilityDate: workerOptions.compatibilityDate,
      compatibilityFlags: workerOptions.compatibilityFlags,
      modules: true,
      scriptPath: join(outdir, 'index.js'),
      modulesRoot: outdir,
      // The bundle imports the image codecs' WebAssembly (src/media) as compiled modules, as wrangler deploys them.
      modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
      bindings: { ...workerOptions.bindings, ...devVars(varsFile) },
      d1Databases: workerOptions.d1Databases,
      kvNamespaces: workerOptions.kvNamespaces,
      r2Buckets: workerOptions.r2Buckets,
      // The layout `wrangler dev --persist-to <state>` uses.
      d1Persist: join(state, 'v3', 'd1'),
      kvPersist: join(state, 'v3', 'kv'),
      r2Persist: join(state, 'v3', 'r2'),
      cachePersist: join(state, 'v3', 'cache'),
      // The jobs' own log lines are diagnostics: stderr, so that --json output stays clean.
      handleRuntimeStdio(stdout, stderr) {
        stdout.pipe(process.stderr);
        stderr.pipe(process.stderr);
      },
    });
    const startedAt = Date.now();
    const worker = await mf.getWorker();
    const result = await worker.scheduled({ cron, scheduledTime: at });
    const db = await mf.getD1Database('DB');
    const runs = (
      await db
        .prepare(
          'SELECT job, status, counts_json AS counts, error, scheduled_at AS scheduledAt FROM monitoring_runs WHERE started_at >= ? ORDER BY started_at, job',
        )
        .bind(startedAt)
        .all()
    ).results.map((r) => ({ ...r, counts: JSON.parse(r.counts) }));
    // Every job's run record with the D1 queries and KV operations it made (src/lib/binding-counter.ts).
    const jobRuns = (
      await db
        .prepare('SELECT job, status, d1_queries AS d1Queries, kv_ops AS kvOps, error FROM job_runs WHERE started_at >= ? ORDER BY started_at, job')
        .bind(startedAt)
        .all()
    ).results;
    return { cron, at: at.toISOString(), outcome: result.outcome, runs, jobRuns };
  } finally {
    await mf?.dispose();
    rmSync(outdir, { recursive: true, force: true });
  }
}

function parseArgs(argv) {
  const options = { json: false };
  const positional = [];
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg.startsWith('--at=')) options.at = new Date(arg.slice(5));
    else if (arg.startsWith('--persist-to=')) options.persistTo = arg.slice('--persist-to='.length);
    else if (arg.startsWith('--')) throw new CronUsageError(`opsi tidak dikenal: ${arg}\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CronUsageError(USAGE);
  return { ...options, cron: positional[0] };
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    // With --json, stdout carries the result only; wrangler's and Miniflare's messages go to stderr.
    if (args.json) console.log = console.info = (...parts) => console.error(...parts);
    const result = await runCron(args);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`[cron] "${result.cron}" pada ${result.at}: ${result.outcome}\n`);
      for (const r of result.runs) {
        process.stdout.write(`  ${r.job}: ${r.status} ${JSON.stringify(r.counts)}${r.error ? ` — ${r.error}` : ''}\n`);
      }
      if (result.runs.length === 0) process.stdout.write('  (tidak ada pekerjaan pemantauan yang tercatat untuk cron ini)\n');
    }
    process.exitCode = result.outcome === 'ok' && !result.runs.some((r) => r.status === 'gagal') ? 0 : 1;
  } catch (err) {
    process.stderr.write(`[cron] ${err.message}\n`);
    process.exitCode = err instanceof CronUsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
