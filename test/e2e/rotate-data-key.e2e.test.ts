// `npm run rotate-data-key` (scripts/rotate-data-key.mjs): on a local state like `npm start`'s (demo letters and PPID
// requests sealed under the first data key), a new key becomes active and the hourly reseal jobs re-encrypt every
// sealed value, so the old id could be removed. Plain Node, no browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLocal, ROOT } from '../../scripts/lib/local.mjs';
import { countStale, rotateLocal } from '../../scripts/rotate-data-key.mjs';

interface NodeFs {
  mkdirSync(path: string, options: { recursive: true }): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
  copyFileSync(from: string, to: string): void;
  readFileSync(path: string, encoding: 'utf8'): string;
}
const nodeProcess = (globalThis as unknown as { process: { pid: number } }).process;
const state = `${ROOT}/.e2e-state/rotate-${nodeProcess.pid}-${Date.now().toString(36)}`;
const vars = `${state}.vars`;
let fs: NodeFs;

beforeAll(async () => {
  fs = (await import('node:fs' as string)) as NodeFs;
  fs.mkdirSync(state, { recursive: true });
  prepareLocal({ persistTo: state, quiet: true });
  fs.copyFileSync(`${ROOT}/.dev.vars`, vars); // the demo data is sealed with these keys; the repository's file stays untouched
}, 300_000);

afterAll(() => {
  fs?.rmSync(state, { recursive: true, force: true });
  fs?.rmSync(vars, { recursive: true, force: true });
});

describe('npm run rotate-data-key', () => {
  it('adds a key, makes it active and re-seals every letter and PPID value under it', async () => {
    const r = await rotateLocal({ persistTo: state, varsFile: vars });
    expect(r.previous).not.toBeNull();
    expect(r.active).not.toBe(r.previous);
    expect(r.ids).toEqual(expect.arrayContaining([r.previous, r.active]));
    expect(r.before).toBeGreaterThan(0); // the demo seed's letters and PPID requests
    expect(r.runs).toBeGreaterThan(0);
    expect(r.remaining).toBe(0);
    expect(await countStale(state, r.active)).toBe(0);
    expect(await countStale(state, r.previous!)).toBe(r.before);
    const written = fs.readFileSync(vars, 'utf8');
    expect(written).toMatch(new RegExp(`^DATA_KEY_ACTIVE=${r.active}$`, 'm'));
    expect(written.match(/^DATA_KEYS=/gm)).toHaveLength(1);
  }, 300_000);
});
