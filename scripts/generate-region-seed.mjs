#!/usr/bin/env node
// Generates migrations/0002_seed_regions.sql: one INSERT per region of
// Kabupaten Kutai Timur (kabupaten, kecamatan, desa, kelurahan) into the
// `regions` table defined in migrations/0001_foundation.sql.
//
// Usage:
//   node scripts/generate-region-seed.mjs [inputDir] [outputFile] [--tolerance=DEG]
//
//   inputDir    folder with regions.csv, kabupaten.geojson, kecamatan.geojson
//               and desa.geojson (default: ../shared/data/kutai-timur,
//               relative to the project root)
//   outputFile  default: migrations/0002_seed_regions.sql (relative to the
//               project root)
//   --tolerance Douglas–Peucker tolerance in degrees (default 0.0009)
//
// Relative paths given on the command line are resolved against the current
// working directory. The output is deterministic: the same input gives a
// byte-identical file. No dependencies beyond Node >= 20.

import { readFileSync, writeFileSync, existsSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chooseSlug } from './lib/slug.mjs';
import { RESERVED_SLUGS, RESERVED_SLUGS_SOURCE } from './lib/reserved-slugs.mjs';
import { bbox, countPositions, isClosedRing, polygonsOf, simplifyGeometry } from './lib/geo-simplify.mjs';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUT = path.resolve(PROJECT_ROOT, '../shared/data/kutai-timur');
const DEFAULT_OUTPUT = path.resolve(PROJECT_ROOT, 'migrations/0002_seed_regions.sql');

/** Douglas–Peucker tolerance in degrees (≈ 100 m at the equator); keeps the SQL file under ~350 KB. */
export const DEFAULT_TOLERANCE = 0.0009;
/** Rings that collapse under simplification and are smaller than this (deg², ≈ 1.2 ha) are dropped, unless they are a region's largest polygon. */
export const TINY_RING_AREA = 1e-6;
/** D1 rejects statements over 100 KB; stay well below. */
export const MAX_STATEMENT_BYTES = 90_000;

const LEVELS = ['kabupaten', 'kecamatan', 'desa', 'kelurahan'];
const PARENT_LEVEL = { kecamatan: 'kabupaten', desa: 'kecamatan', kelurahan: 'kecamatan' };
const LEVEL_LABEL = { kabupaten: 'Kabupaten', kecamatan: 'Kecamatan', desa: 'Desa', kelurahan: 'Kelurahan' };
const GEOMETRY_FILES = [
  { file: 'kabupaten.geojson', levels: ['kabupaten'] },
  { file: 'kecamatan.geojson', levels: ['kecamatan'] },
  { file: 'desa.geojson', levels: ['desa', 'kelurahan'] },
];
/** Province names by Kemendagri code; the province itself has no row in regions.csv. */
const PROVINCES = { 64: 'Kalimantan Timur' };
const CSV_COLUMNS = ['code', 'name', 'level', 'parent_code', 'lat', 'lng'];

export class SeedError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------
// Input

/**
 * Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF or LF).
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // BOM
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new SeedError(['regions.csv: unterminated quoted field']);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Compares Kemendagri codes segment by segment, numerically ('64.08.2' < '64.08.10'). */
export function compareCodes(a, b) {
  const sa = a.split('.');
  const sb = b.split('.');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const d = Number(sa[i]) - Number(sb[i]);
    if (d !== 0) return d;
    if (sa[i] !== sb[i]) return sa[i] < sb[i] ? -1 : 1;
  }
  return sa.length - sb.length;
}

/**
 * Reads and validates the input folder.
 * @param {string} inputDir
 */
export function readInput(inputDir) {
  const problems = [];
  if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) {
    throw new SeedError([`input folder not found: ${inputDir}`]);
  }
  const required = ['regions.csv', ...GEOMETRY_FILES.map((g) => g.file)];
  const missing = required.filter((f) => !existsSync(path.join(inputDir, f)));
  if (missing.length > 0) {
    throw new SeedError(missing.map((f) => `missing input file: ${path.join(inputDir, f)}`));
  }

  // regions.csv
  const csv = parseCsv(readFileSync(path.join(inputDir, 'regions.csv'), 'utf8'));
  const header = csv.shift() ?? [];
  if (header.join(',') !== CSV_COLUMNS.join(',')) {
    throw new SeedError([`regions.csv: expected header "${CSV_COLUMNS.join(',')}", got "${header.join(',')}"`]);
  }
  /** @type {Map<string, {code:string,name:string,level:string,parentCode:string,lat:number,lng:number,line:number}>} */
  const rows = new Map();
  csv.forEach((cells, idx) => {
    const line = idx + 2;
    const where = `regions.csv line ${line}`;
    if (cells.length !== CSV_COLUMNS.length) {
      problems.push(`${where}: expected ${CSV_COLUMNS.length} columns, got ${cells.length}`);
      return;
    }
    const [code, name, level, parentCode, latText, lngText] = cells.map((c) => c.trim());
    if (!/^\d+(\.\d+)*$/.test(code)) problems.push(`${where}: invalid code "${code}"`);
    if (name === '') problems.push(`${where}: empty name for ${code}`);
    if (!LEVELS.includes(level)) problems.push(`${where}: unknown level "${level}" for ${code}`);
    const lat = Number(latText);
    const lng = Number(lngText);
    if (latText === '' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
      problems.push(`${where}: invalid lat "${latText}" for ${code}`);
    }
    if (lngText === '' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
      problems.push(`${where}: invalid lng "${lngText}" for ${code}`);
    }
    if (rows.has(code)) {
      problems.push(`${where}: duplicate code ${code} (first seen on line ${rows.get(code).line})`);
      return;
    }
    rows.set(code, { code, name, level, parentCode, lat, lng, line });
  });

  // Tree structure: exactly one top region whose parent has no row; every
  // other parent_code must exist and be of the right level.
  const tops = [];
  for (const r of rows.values()) {
    const parent = rows.get(r.parentCode);
    if (r.level === 'kabupaten') {
      if (parent) problems.push(`regions.csv: kabupaten ${r.code} has a parent row ${r.parentCode}`);
      tops.push(r);
      continue;
    }
    if (!parent) {
      problems.push(`regions.csv: ${r.code} (${r.name}) has parent_code ${r.parentCode || '(empty)'} with no row`);
    } else if (parent.level !== PARENT_LEVEL[r.level]) {
      problems.push(`regions.csv: ${r.level} ${r.code} has parent ${parent.code} of level ${parent.level}, expected ${PARENT_LEVEL[r.level]}`);
    }
  }
  if (tops.length !== 1) {
    problems.push(`regions.csv: expected exactly one kabupaten row, found ${tops.length}`);
  } else if (!PROVINCES[tops[0].parentCode]) {
    problems.push(`regions.csv: unknown province code ${tops[0].parentCode} for ${tops[0].code}`);
  }

  // GeoJSON files
  /** @type {Map<string, {geometry:any, name:string, file:string}>} */
  const geometries = new Map();
  for (const { file, levels } of GEOMETRY_FILES) {
    let fc;
    try {
      fc = JSON.parse(readFileSync(path.join(inputDir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid JSON (${err.message})`);
      continue;
    }
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      problems.push(`${file}: not a GeoJSON FeatureCollection`);
      continue;
    }
    fc.features.forEach((f, i) => {
      const code = f?.properties?.code;
      const where = `${file} feature #${i} (${code ?? 'no code'})`;
      if (typeof code !== 'string' || code === '') {
        problems.push(`${where}: missing properties.code`);
        return;
      }
      if (geometries.has(code)) {
        problems.push(`${where}: duplicate code ${code} (also in ${geometries.get(code).file})`);
        return;
      }
      const row = rows.get(code);
      if (!row) {
        problems.push(`${where}: geometry without a row in regions.csv`);
        return;
      }
      if (!levels.includes(row.level)) {
        problems.push(`${where}: ${row.level} ${code} does not belong in ${file}`);
        return;
      }
      if (f.properties.name !== row.name) {
        problems.push(`${where}: name "${f.properties.name}" differs from regions.csv "${row.name}"`);
      }
      problems.push(...validateGeometry(f.geometry, where));
      geometries.set(code, { geometry: f.geometry, name: f.properties.name, file });
    });
  }
  for (const r of rows.values()) {
    if (!geometries.has(r.code)) problems.push(`regions.csv: ${r.level} ${r.code} (${r.name}) has no geometry`);
  }

  if (problems.length > 0) throw new SeedError(problems);
  return { rows, geometries, top: tops[0] };
}

/** @returns {string[]} problems found in one GeoJSON geometry */
function validateGeometry(geometry, where) {
  const problems = [];
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    return [`${where}: geometry must be Polygon or MultiPolygon, got ${geometry?.type}`];
  }
  const polys = polygonsOf(geometry);
  if (!Array.isArray(polys) || polys.length === 0) return [`${where}: empty geometry`];
  polys.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      problems.push(`${where}: polygon ${pi} has no rings`);
      return;
    }
    poly.forEach((ring, ri) => {
      const label = `${where}: polygon ${pi} ring ${ri}`;
      if (!Array.isArray(ring) || ring.length < 4) {
        problems.push(`${label} has fewer than 4 positions`);
        return;
      }
      for (const p of ring) {
        if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
          problems.push(`${label} has an invalid position ${JSON.stringify(p)}`);
          return;
        }
      }
      if (!isClosedRing(ring)) {
        problems.push(`${label} is not closed (first ${JSON.stringify(ring[0])}, last ${JSON.stringify(ring.at(-1))})`);
      }
    });
  });
  return problems;
}

// ---------------------------------------------------------------------------
// Build

/** SQL string literal with single quotes doubled. */
export function sqlString(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** SQL numeric literal; refuses anything that is not a finite number. */
function sqlNumber(value) {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

function countChildren(rows, parentCode) {
  const counts = { kecamatan: 0, desa: 0, kelurahan: 0 };
  for (const r of rows.values()) if (r.parentCode === parentCode) counts[r.level] += 1;
  return counts;
}

/** "3 desa dan 1 kelurahan", "12 desa", "1 kelurahan" */
function desaKelurahanPhrase({ desa, kelurahan }) {
  const parts = [];
  if (desa > 0) parts.push(`${desa} desa`);
  if (kelurahan > 0) parts.push(`${kelurahan} kelurahan`);
  return parts.join(' dan ') || '0 desa';
}

function buildProfile(row, rows, top) {
  const provinsi = `Provinsi ${PROVINCES[top.parentCode]}`;
  if (row.level === 'kabupaten') {
    const kecamatan = [...rows.values()].filter((r) => r.level === 'kecamatan').length;
    const desa = [...rows.values()].filter((r) => r.level === 'desa').length;
    const kelurahan = [...rows.values()].filter((r) => r.level === 'kelurahan').length;
    const villages = [];
    if (desa > 0) villages.push(`${desa} desa`);
    if (kelurahan > 0) villages.push(`${kelurahan} kelurahan`);
    const last = villages.pop();
    const list = villages.length > 0 ? `${kecamatan} kecamatan, ${villages.join(', ')}, dan ${last}` : `${kecamatan} kecamatan dan ${last}`;
    return `${row.name} adalah kabupaten di ${provinsi} yang terdiri atas ${list}.`;
  }
  if (row.level === 'kecamatan') {
    const counts = countChildren(rows, row.code);
    return `Kecamatan ${row.name} adalah kecamatan di ${top.name}, ${provinsi}, yang terdiri atas ${desaKelurahanPhrase(counts)}.`;
  }
  const kecamatan = rows.get(row.parentCode);
  return `${LEVEL_LABEL[row.level]} ${row.name} adalah ${row.level} di Kecamatan ${kecamatan.name}, ${top.name}, ${provinsi}.`;
}

/**
 * Builds the seed SQL from a validated input folder.
 * @param {string} inputDir
 * @param {{ tolerance?: number }} [options]
 */
export function buildSeed(inputDir, { tolerance = DEFAULT_TOLERANCE } = {}) {
  const { rows, geometries, top } = readInput(inputDir);
  const ordered = [...rows.values()].sort((a, b) => compareCodes(a.code, b.code));

  /** @type {Map<string, Set<string>>} slugs taken per parent code */
  const takenByParent = new Map();
  /** @type {Map<string, {slug:string,path:string}>} */
  const placed = new Map();
  const slugNotes = [];
  const stats = {
    perLevel: Object.fromEntries(LEVELS.map((l) => [l, 0])),
    verticesBefore: 0,
    verticesAfter: 0,
    perFile: Object.fromEntries(GEOMETRY_FILES.map((g) => [g.file, { before: 0, after: 0 }])),
    keptUnsimplified: 0,
    droppedRings: 0,
    refinedRings: 0,
    largestStatement: { bytes: 0, code: '' },
  };
  const problems = [];
  const statements = [];
  const seenPaths = new Map();

  for (const row of ordered) {
    const parentKey = row.level === 'kabupaten' ? '' : row.parentCode;
    if (!takenByParent.has(parentKey)) takenByParent.set(parentKey, new Set());
    const taken = takenByParent.get(parentKey);
    const { slug, notes } = chooseSlug({ name: row.name, level: row.level, code: row.code, taken });
    taken.add(slug);
    for (const note of notes) slugNotes.push(`${row.code} ${row.level} "${row.name}": ${note}`);

    let regionPath;
    if (row.level === 'kabupaten') regionPath = '';
    else if (row.level === 'kecamatan') regionPath = slug;
    else regionPath = `${placed.get(row.parentCode).path}/${slug}`;
    placed.set(row.code, { slug, path: regionPath });
    if (seenPaths.has(regionPath)) {
      problems.push(`path "${regionPath}" of ${row.code} is also used by ${seenPaths.get(regionPath)}`);
    }
    seenPaths.set(regionPath, row.code);

    const { geometry: source, file } = geometries.get(row.code);
    const simplified = simplifyGeometry(source, tolerance, { tinyArea: TINY_RING_AREA });
    const before = countPositions(source);
    const after = countPositions(simplified.geometry);
    stats.verticesBefore += before;
    stats.verticesAfter += after;
    stats.perFile[file].before += before;
    stats.perFile[file].after += after;
    stats.keptUnsimplified += simplified.keptUnsimplified;
    stats.droppedRings += simplified.droppedRings;
    stats.refinedRings += simplified.refinedRings;
    stats.perLevel[row.level] += 1;

    const values = [
      sqlString(row.code),
      sqlString(row.name),
      sqlString(row.level),
      row.level === 'kabupaten' ? 'NULL' : sqlString(row.parentCode),
      sqlString(slug),
      sqlString(regionPath),
      sqlNumber(row.lat),
      sqlNumber(row.lng),
      sqlString(JSON.stringify(bbox(source))),
      sqlString(JSON.stringify(simplified.geometry)),
      sqlString('diskominfo'),
      sqlString(buildProfile(row, rows, top)),
      'NULL',
    ];
    const statement =
      'INSERT INTO regions (code, name, level, parent_code, slug, path, lat, lng, bbox, boundary, stage, profile, last_content_update) VALUES (' +
      values.join(', ') +
      ');';
    const bytes = Buffer.byteLength(statement, 'utf8');
    if (bytes >= MAX_STATEMENT_BYTES) {
      problems.push(`INSERT for ${row.code} (${row.name}) is ${bytes} bytes, over the ${MAX_STATEMENT_BYTES}-byte limit; raise --tolerance`);
    }
    if (bytes > stats.largestStatement.bytes) stats.largestStatement = { bytes, code: row.code };
    statements.push(statement);
  }
  if (problems.length > 0) throw new SeedError(problems);

  const inputLabel = path.relative(PROJECT_ROOT, path.resolve(inputDir)).split(path.sep).join('/');
  const header = [
    '-- GENERATED FILE, DO NOT EDIT.',
    '-- Seed of the regions table: Kabupaten Kutai Timur (Kemendagri 64.08) and all of its',
    '-- kecamatan, desa and kelurahan.',
    '--',
    '-- Regenerate (from the project root):',
    `--   node scripts/generate-region-seed.mjs ${inputLabel} migrations/0002_seed_regions.sql${
      tolerance === DEFAULT_TOLERANCE ? '' : ` --tolerance=${tolerance}`
    }`,
    '--   (or: npm run seed:generate)',
    '--',
    '-- Sources (see the README.md of the input folder for commits and checks):',
    '--   codes and names: github.com/cahyadsn/wilayah, db/wilayah.sql, MIT licence,',
    '--     Copyright (c) 2017-2025 Cahya DSN; follows Kepmendagri No. 300.2.2-2430 Tahun 2025.',
    '--   boundaries and centroids: github.com/cahyadsn/wilayah_boundaries, MIT licence,',
    '--     Copyright (c) 2024 Cahya DSN; follows Kepmendagri No. 300.2.2-2430 Tahun 2025.',
    '--     Boundaries are indicative, not legally binding.',
    '--',
    `-- Counts: ${LEVELS.map((l) => `${stats.perLevel[l]} ${l}`).join(', ')} (${ordered.length} rows).`,
    `-- Boundaries: Douglas-Peucker, tolerance ${tolerance} degrees, coordinates rounded to 5 decimals;`,
    `--   ${stats.verticesBefore} positions in the source, ${stats.verticesAfter} kept.`,
    '--   bbox is computed from the unsimplified source geometry.',
    '-- Slugs: lowercase ASCII from the name, unique among siblings (-2, -3, ... on collision);',
    `--   reserved words get -desa/-kelurahan/-kecamatan appended. Reserved list: ${RESERVED_SLUGS_SOURCE}`,
    `--   (${RESERVED_SLUGS.join(', ')}).`,
    slugNotes.length === 0 ? '--   No slug needed adjusting.' : ['--   Adjusted slugs:', ...slugNotes.map((n) => `--     ${n}`)].join('\n'),
    '',
  ].join('\n');

  const sql = `${header}\n${statements.join('\n')}\n`;
  return { sql, stats, slugNotes, placed, tolerance };
}

// ---------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const positional = [];
  let tolerance = DEFAULT_TOLERANCE;
  for (const arg of argv) {
    if (arg.startsWith('--tolerance=')) {
      tolerance = Number(arg.slice('--tolerance='.length));
      if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
        throw new SeedError([`invalid --tolerance value: ${arg}`]);
      }
    } else if (arg === '-h' || arg === '--help') {
      return { help: true };
    } else if (arg.startsWith('--')) {
      throw new SeedError([`unknown option: ${arg}`]);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 2) throw new SeedError(['too many arguments (expected [inputDir] [outputFile])']);
  return {
    inputDir: positional[0] ? path.resolve(positional[0]) : DEFAULT_INPUT,
    outputFile: positional[1] ? path.resolve(positional[1]) : DEFAULT_OUTPUT,
    tolerance,
  };
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log('usage: node scripts/generate-region-seed.mjs [inputDir] [outputFile] [--tolerance=DEG]');
      return;
    }
    const { sql, stats, slugNotes } = buildSeed(args.inputDir, { tolerance: args.tolerance });
    mkdirSync(path.dirname(args.outputFile), { recursive: true });
    writeFileSync(args.outputFile, sql);
    const pct = ((100 * stats.verticesAfter) / stats.verticesBefore).toFixed(1);
    console.log(`wrote ${path.relative(process.cwd(), args.outputFile) || args.outputFile}`);
    console.log(`  rows: ${LEVELS.map((l) => `${l} ${stats.perLevel[l]}`).join(', ')}`);
    console.log(`  tolerance: ${args.tolerance} degrees`);
    console.log(`  vertices: ${stats.verticesBefore} -> ${stats.verticesAfter} (${pct}%)`);
    for (const [file, v] of Object.entries(stats.perFile)) {
      console.log(`    ${file}: ${v.before} -> ${v.after}`);
    }
    console.log(
      `  rings: ${stats.keptUnsimplified} kept unsimplified (would collapse), ${stats.droppedRings} tiny islands/holes dropped, ` +
        `${stats.refinedRings} re-simplified finer to avoid a self-intersection`,
    );
    console.log(`  largest INSERT: ${stats.largestStatement.bytes} bytes (${stats.largestStatement.code})`);
    console.log(`  slug adjustments: ${slugNotes.length === 0 ? 'none' : ''}`);
    for (const n of slugNotes) console.log(`    ${n}`);
    console.log(`  output: ${Buffer.byteLength(sql, 'utf8')} bytes`);
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
