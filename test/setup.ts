// Runs before every test file. Test files share a runner (isolate: false, see vitest.config.ts), so storage is made
// fresh here: reset() wipes D1, KV and R2, then the prepared schema and region seed go in with one batch.
// The emptiness check makes per-file isolation a checked fact rather than an assumption: reset() has been seen (twice
// in ~100 files, on a loaded machine) to leave the previous file's storage in place; then everything is removed by
// hand, and a file never starts while anything of another file is left.
import { reset } from 'cloudflare:test';
import { leftovers, loadSchema, wipeStorage } from './helpers/storage';

await reset();
const left = await leftovers();
if (left) {
  console.warn(`test setup: reset() left storage of an earlier file (${left}); removing it by hand`);
  await wipeStorage();
  const still = await leftovers();
  if (still) throw new Error(`test setup: storage of an earlier test file could not be removed (${still})`);
}
await loadSchema();
