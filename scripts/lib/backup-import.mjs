// `npm run backup -- --d1-export=FILE.sql [--r2-dir=DIR]`: turns a production copy — a `wrangler d1 export --remote`
// dump and a plain copy of the R2 bucket (e.g. `rclone sync r2:portal-kutim-files DIR`, keys as relative paths) —
// into a local scratch setup, so that the same archive writer makes a portable archive of production.
// A plain directory copy carries no R2 metadata: objects are restored with the content type the key's file
// extension implies (the portal serves downloads with the type recorded in D1).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { openLocalState } from './backup-state.mjs';
import { wrangler } from './local.mjs';

const TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', json: 'application/json' };

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Loads `sqlFile` into the empty D1 of `persistTo` and every file under `r2Dir` into its R2 bucket. */
export async function importProductionCopy({ sqlFile, r2Dir, persistTo }) {
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', sqlFile, '--yes'], { quiet: true });
  if (!r2Dir) return;
  const state = await openLocalState(persistTo);
  try {
    for (const path of filesUnder(r2Dir)) {
      const key = relative(r2Dir, path).split(sep).join('/');
      const contentType = TYPES[/\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase() ?? ''];
      await state.bucket.put(key, new Uint8Array(readFileSync(path)), contentType ? { httpMetadata: { contentType } } : {});
    }
  } finally {
    await state.dispose();
  }
}
