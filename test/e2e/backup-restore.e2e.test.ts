// `npm run backup` / `npm run restore` (scripts/backup.mjs, scripts/restore.mjs): the demo local state of `npm start`
// is backed up, restored into a fresh persist dir and compared (rows per table, a demo document's bytes); a backup
// with one R2 object changed makes the restore command fail with an Indonesian message. Plain Node, no browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupLocal } from '../../scripts/backup.mjs';
import { openLocalState, tableCounts } from '../../scripts/lib/backup-state.mjs';
import { prepareLocal, ROOT } from '../../scripts/lib/local.mjs';

interface NodeFs {
  mkdirSync(path: string, options: { recursive: true }): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
  cpSync(from: string, to: string, options: { recursive: true }): void;
  writeFileSync(path: string, data: string): void;
  readdirSync(path: string): string[];
}
interface SpawnResult {
  status: number | null;
  stdout: string;
  stderr: string;
}
type SpawnSync = (cmd: string, args: string[], options: { cwd: string; encoding: 'utf8' }) => SpawnResult;
const nodeProcess = (globalThis as unknown as { process: { pid: number; execPath: string } }).process;
const base = `${ROOT}/.e2e-state/backup-${nodeProcess.pid}-${Date.now().toString(36)}`;
const source = `${base}/source`;
let fs: NodeFs;
let spawnSync: SpawnSync;

interface DocRow {
  r2_key: string;
  sha256: string;
  size: number;
}

async function documentBytes(persistTo: string) {
  const state = await openLocalState(persistTo);
  try {
    const row = await state.db.prepare('SELECT r2_key, sha256, size FROM document_versions ORDER BY id LIMIT 1').first<DocRow>();
    if (!row) throw new Error('no demo document');
    const body = await state.bucket.get(row.r2_key);
    return { row, bytes: body ? new Uint8Array(await body.arrayBuffer()) : null, counts: await tableCounts(state.db) };
  } finally {
    await state.dispose();
  }
}

beforeAll(async () => {
  fs = (await import('node:fs' as string)) as NodeFs;
  spawnSync = ((await import('node:child_process' as string)) as { spawnSync: SpawnSync }).spawnSync;
  fs.mkdirSync(source, { recursive: true });
  prepareLocal({ persistTo: source, quiet: true });
}, 300_000);

afterAll(() => {
  fs?.rmSync(base, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  it('restores the demo state into a fresh dir with the same rows and document bytes', async () => {
    const manifest = await backupLocal({ persistTo: source, out: `${base}/backup` });
    expect(manifest.d1.migrations.length).toBeGreaterThan(0);
    expect(manifest.d1.tables.document_versions).toBeGreaterThan(0);
    expect(manifest.r2.objects.length).toBeGreaterThan(0);
    expect(manifest.r2.objects.every((o) => /^[0-9a-f]{64}$/.test(o.sha256) && o.size > 0)).toBe(true);

    const run = spawnSync(nodeProcess.execPath, ['scripts/restore.mjs', `--from=${base}/backup`, `--persist-to=${base}/restored`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);

    const before = await documentBytes(source);
    const after = await documentBytes(`${base}/restored`);
    expect(after.counts).toEqual(before.counts);
    expect(after.counts).toEqual(manifest.d1.tables);
    expect(after.row).toEqual(before.row);
    expect(after.bytes).not.toBeNull();
    expect(after.bytes?.length).toBe(before.row.size);
    expect(after.bytes).toEqual(before.bytes);
  }, 240_000);

  it('refuses a backup whose R2 object was changed, naming the object', () => {
    fs.cpSync(`${base}/backup`, `${base}/tampered`, { recursive: true });
    const [first] = fs.readdirSync(`${base}/tampered/objects`);
    fs.writeFileSync(`${base}/tampered/objects/${first}`, 'diubah');
    const run = spawnSync(nodeProcess.execPath, ['scripts/restore.mjs', `--from=${base}/tampered`, `--persist-to=${base}/restored-2`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('pemulihan gagal');
    expect(run.stderr).toMatch(/objek \S+: isi berbeda \(SHA-256 tidak cocok\)/);
  }, 240_000);
});
