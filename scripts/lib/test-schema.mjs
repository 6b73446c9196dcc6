// The database the workers tests start every file with (vitest.config.ts → test/setup.ts): every migration, recorded
// in d1_migrations as wrangler does, then the region seed — the same statements `npm start` applies, one per entry.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { regionSeedFiles } from './region-seed-files.mjs';
import { seedStatements } from './region-seed.mjs';

/**
 * @param {{ name: string, queries: string[] }[]} migrations from readD1Migrations (wrangler's SQL splitter)
 * @returns {{ migrations: string[], regionSeed: string[], seedFiles: string[] }}
 */
export function buildTestSchema(migrations) {
  const seeds = regionSeedFiles();
  return {
    migrations: [
      'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, ' +
        'applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)',
      ...migrations.flatMap((m) => [...m.queries, `INSERT INTO d1_migrations (name) VALUES ('${m.name.replace(/'/g, "''")}')`]),
    ],
    regionSeed: seeds.flatMap((file) => seedStatements(readFileSync(file, 'utf8'))),
    seedFiles: seeds.map((file) => basename(file)),
  };
}
