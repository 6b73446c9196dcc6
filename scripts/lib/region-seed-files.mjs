// Where the region seed lives and how it is applied: every `seed/regions/*.sql` file (one per regency — a deployment
// keeps only its own), executed after the D1 migrations by `npm start` (local), `npm run deploy` (remote), the e2e
// suite and the benchmark (through prepareLocal) and the workers tests (vitest.config.ts). The seed is idempotent
// (scripts/lib/region-seed.mjs), so applying it on every start or deploy keeps existing rows as they are.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REGION_SEED_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'seed', 'regions');

/** Absolute paths of the region seed files, sorted by name. */
export function regionSeedFiles(dir = REGION_SEED_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Applies every region seed file with `run(args)` (a wrangler runner) to the database of `target`:
 * ['--local', ...persistArgs] or ['--remote', '--yes'].
 */
export function applyRegionSeeds(run, target) {
  for (const file of regionSeedFiles()) run(['d1', 'execute', 'DB', ...target, '--file', file]);
}
