#!/usr/bin/env node
// Generates the region seed of one regency: seed/regions/<code>.sql (idempotent upserts of the `regions` table,
// applied after the migrations by `npm start`, `npm run deploy` and the tests). See scripts/lib/region-seed.mjs.
//
// Usage (from the project root):
//   node scripts/generate-region-seed.mjs <regencyCode> <dataDir> [--out=FILE] [--tolerance=DEG] [--province=NAME]
//     [--source=LINE ...]
//   npm run seed:generate -- 64.08 ../shared/data/kutai-timur
//
//   regencyCode  Kemendagri code of the kabupaten/kota, e.g. 64.08
//   dataDir      folder with regions.csv, kabupaten.geojson, kecamatan.geojson and desa.geojson in the format of the
//                public MIT datasets cahyadsn/wilayah + cahyadsn/wilayah_boundaries (rows of other regencies, e.g. a
//                province-wide folder, are ignored)
//   --out        default seed/regions/<regencyCode>.sql
//   --tolerance  Douglas–Peucker tolerance in degrees (default 0.0009 ≈ 100 m)
//   --province   the province's name when its code is not one of the 38 Kemendagri provinces
//   --source     credit line for the seed header (repeatable); by default the cahyadsn credits when the folder's
//                README.md names those datasets
//
// The output is deterministic: the same input gives a byte-identical file. No dependencies beyond Node >= 20.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegionSeed, DATASET_FILES, DEFAULT_TOLERANCE, SeedError } from './lib/region-seed.mjs';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/generate-region-seed.mjs <regencyCode> <dataDir> [--out=FILE] [--tolerance=DEG] [--province=NAME] [--source=LINE]';

const CAHYADSN_SOURCES = [
  'codes and names: github.com/cahyadsn/wilayah, db/wilayah.sql, MIT licence,',
  '  Copyright (c) 2017-2025 Cahya DSN; follows Kepmendagri No. 300.2.2-2430 Tahun 2025.',
  'boundaries and centroids: github.com/cahyadsn/wilayah_boundaries, MIT licence,',
  '  Copyright (c) 2024 Cahya DSN; follows Kepmendagri No. 300.2.2-2430 Tahun 2025.',
  '  Boundaries are indicative, not legally binding. See the README.md of the data folder.',
];

/** Parses the command line; throws SeedError on a bad argument. */
export function parseArgs(argv) {
  const positional = [];
  const options = { tolerance: DEFAULT_TOLERANCE, out: undefined, province: undefined, sources: [] };
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return { help: true };
    const [name, value] = arg.startsWith('--')
      ? [arg.slice(2, arg.includes('=') ? arg.indexOf('=') : undefined), arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '']
      : [null, arg];
    if (name === null) positional.push(value);
    else if (name === 'tolerance') {
      options.tolerance = Number(value);
      if (value === '' || !(options.tolerance >= 0) || !Number.isFinite(options.tolerance)) throw new SeedError([`invalid --tolerance value: ${arg}`]);
    } else if (name === 'out' && value) options.out = value;
    else if (name === 'province' && value) options.province = value;
    else if (name === 'source' && value) options.sources.push(value);
    else throw new SeedError([`unknown or empty option: ${arg}`]);
  }
  if (positional.length !== 2) throw new SeedError([`expected <regencyCode> <dataDir>, got ${positional.length} argument(s)`, USAGE]);
  const [code, dataDir] = positional;
  return {
    code,
    dataDir: path.resolve(dataDir),
    outputFile: path.resolve(options.out ?? path.join(PROJECT_ROOT, 'seed', 'regions', `${code}.sql`)),
    ...options,
  };
}

/** Reads the dataset files of a folder (undefined for a missing file). */
export function readDatasetFolder(dataDir) {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new SeedError([`data folder not found: ${dataDir}`]);
  const files = {};
  for (const name of DATASET_FILES) {
    const file = path.join(dataDir, name);
    files[name] = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }
  return files;
}

function defaultSources(dataDir) {
  const readme = path.join(dataDir, 'README.md');
  return existsSync(readme) && readFileSync(readme, 'utf8').includes('cahyadsn/wilayah') ? CAHYADSN_SOURCES : [];
}

/** Generates and writes the seed; returns what buildRegionSeed returns plus the output file. */
export function generateRegionSeed(args) {
  const relative = (file) => path.relative(PROJECT_ROOT, file).split(path.sep).join('/');
  const command = [
    'node scripts/generate-region-seed.mjs',
    args.code,
    relative(args.dataDir),
    ...(args.tolerance === DEFAULT_TOLERANCE ? [] : [`--tolerance=${args.tolerance}`]),
    ...(args.province ? [`--province="${args.province}"`] : []),
  ].join(' ');
  const result = buildRegionSeed(args.code, readDatasetFolder(args.dataDir), {
    tolerance: args.tolerance,
    provinceName: args.province,
    command,
    sources: args.sources.length > 0 ? args.sources : defaultSources(args.dataDir),
  });
  mkdirSync(path.dirname(args.outputFile), { recursive: true });
  writeFileSync(args.outputFile, result.sql);
  return { ...result, outputFile: args.outputFile };
}

function main() {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log(USAGE);
      return;
    }
    const { sql, stats, slugNotes, outputFile, regencyBbox } = generateRegionSeed(args);
    const pct = ((100 * stats.verticesAfter) / stats.verticesBefore).toFixed(1);
    console.log(`wrote ${path.relative(process.cwd(), outputFile) || outputFile}`);
    console.log(
      `  rows: ${Object.entries(stats.perLevel)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ')}`,
    );
    console.log(`  tolerance: ${args.tolerance} degrees`);
    console.log(`  vertices: ${stats.verticesBefore} -> ${stats.verticesAfter} (${pct}%)`);
    for (const [file, v] of Object.entries(stats.perFile)) console.log(`    ${file}: ${v.before} -> ${v.after}`);
    console.log(
      `  rings: ${stats.keptUnsimplified} kept unsimplified (would collapse), ${stats.droppedRings} tiny islands/holes dropped, ` +
        `${stats.refinedRings} re-simplified finer to avoid a self-intersection`,
    );
    console.log(`  largest statement: ${stats.largestStatement.bytes} bytes (${stats.largestStatement.code})`);
    console.log(`  slug adjustments: ${slugNotes.length === 0 ? 'none' : ''}`);
    for (const n of slugNotes) console.log(`    ${n}`);
    console.log(`  output: ${Buffer.byteLength(sql, 'utf8')} bytes`);
    console.log(`  regency bbox (src/config.ts): [${regencyBbox.join(', ')}]`);
  } catch (err) {
    if (err instanceof SeedError) {
      console.error('generate-region-seed: failed:');
      for (const p of err.problems) console.error(`  - ${p}`);
    } else {
      console.error('generate-region-seed: unexpected error:', err);
    }
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
