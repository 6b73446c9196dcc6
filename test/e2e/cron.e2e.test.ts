// `npm run cron -- "<expression>"` (scripts/cron.mjs): the scheduled jobs run against a local state like the one
// `npm start` prepares (migrations, region seed, demo content), and their runs are recorded. Plain Node, no browser:
// it runs whether or not Chromium is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredCrons, CronUsageError, runCron } from '../../scripts/cron.mjs';
import { prepareLocal, ROOT } from '../../scripts/lib/local.mjs';

/** The few Node APIs used here, typed locally (the project's tsconfig has no @types/node). */
interface NodeFs {
  mkdirSync(path: string, options: { recursive: true }): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
  rmdirSync(path: string): void;
}
interface SpawnResult {
  status: number | null;
  stdout: string;
  stderr: string;
}
interface NodeChildProcess {
  spawnSync(command: string, args: string[], options: { cwd: string; encoding: 'utf8'; env: Record<string, string | undefined> }): SpawnResult;
}
const nodeProcess = (globalThis as unknown as { process: { pid: number; execPath: string; env: Record<string, string | undefined> } }).process;

const DAILY = '0 17 * * *';
const HOURLY = '5 * * * *';
const state = `${ROOT}/.e2e-state/cron-${nodeProcess.pid}-${Date.now().toString(36)}`;
let fs: NodeFs;

beforeAll(async () => {
  fs = (await import('node:fs' as string)) as NodeFs;
  fs.mkdirSync(state, { recursive: true });
  prepareLocal({ persistTo: state, quiet: true });
}, 300_000);

afterAll(() => {
  fs?.rmSync(state, { recursive: true, force: true });
  try {
    fs?.rmdirSync(`${ROOT}/.e2e-state`); // only when no other run uses it
  } catch {
    // in use, or already gone
  }
});

describe('npm run cron', () => {
  it('runs the daily jobs against the local state and records their runs', async () => {
    const result = await runCron({ cron: DAILY, persistTo: state, at: new Date('2026-05-05T01:00:00+08:00') });
    expect(result.outcome).toBe('ok');
    const byJob = Object.fromEntries(result.runs.map((r) => [r.job, r]));
    expect(byJob.kesegaran?.status).toBe('selesai');
    expect(byJob.kesegaran?.counts.wilayah).toBe(160);
    expect(byJob.kelengkapan?.status).toBe('selesai');
    expect(byJob.ringkasan?.status).toBe('dilewati'); // no webhook configured locally
    expect(result.runs.every((r) => r.scheduledAt === Date.parse('2026-05-05T01:00:00+08:00'))).toBe(true);
  }, 240_000);

  it('is the command line: the hourly cron with --json, and a clear refusal of an unknown expression', async () => {
    const { spawnSync } = (await import('node:child_process' as string)) as NodeChildProcess;
    const run = (...args: string[]) =>
      spawnSync(nodeProcess.execPath, ['scripts/cron.mjs', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...nodeProcess.env } });
    const hourly = run(HOURLY, `--persist-to=${state}`, '--json');
    expect(hourly.status, hourly.stderr).toBe(0);
    const result = JSON.parse(hourly.stdout) as { outcome: string; runs: Array<{ job: string; status: string }> };
    expect(result.outcome).toBe('ok');
    expect(result.runs).toEqual([expect.objectContaining({ job: 'tenggat', status: 'selesai' })]);

    const unknown = run('* * * * *', `--persist-to=${state}`);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('bukan pemicu cron di wrangler.toml');
    for (const cron of configuredCrons()) expect(unknown.stderr).toContain(`"${cron}"`);
    await expect(runCron({ cron: DAILY, persistTo: `${state}-tidak-ada` })).rejects.toBeInstanceOf(CronUsageError);
  }, 240_000);
});
