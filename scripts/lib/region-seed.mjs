// The region seed of one regency, as data: from its public dataset (checked by region-dataset.mjs), idempotent SQL
// upserts of the `regions` table (migrations/0001_foundation.sql), one statement per line: slugs unique among
// siblings and never a reserved word, boundaries simplified with Douglas–Peucker and wound per RFC 7946
// (src/lib/geo-simplify.mjs).
//
// Pure: no file system, no Node-only API (the CLI scripts/generate-region-seed.mjs reads the files; tests run this
// module inside workerd). Deterministic: the same input gives a byte-identical seed.

import { bbox, countPositions, simplifyGeometry } from '../../src/lib/geo-simplify.mjs';
import { compareCodes, GEOMETRY_FILES, LEVEL_LABEL, LEVELS, readDataset } from './region-dataset.mjs';
import { RESERVED_SLUGS, RESERVED_SLUGS_SOURCE } from './reserved-slugs.mjs';
import { chooseSlug } from './slug.mjs';

export { DATASET_FILES, SeedError } from './region-dataset.mjs';

/** Douglas–Peucker tolerance in degrees (≈ 100 m at the equator); keeps the SQL file under ~350 KB. */
export const DEFAULT_TOLERANCE = 0.0009;
/** Rings that collapse under simplification and are smaller than this (deg², ≈ 1.2 ha) are dropped, unless they are a region's largest polygon. */
const TINY_RING_AREA = 1e-6;
/** D1 rejects statements over 100 KB; stay well below. */
const MAX_STATEMENT_BYTES = 90_000;

// ---------------------------------------------------------------------------
// Build

/** SQL string literal with single quotes doubled. */
function sqlString(value) {
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

function buildProfile(row, rows, top, province) {
  const provinsi = `Provinsi ${province}`;
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
 * Builds the seed SQL of one regency from its dataset (see readDataset).
 * @param {string} regencyCode
 * @param {Record<string, string | undefined>} files
 * @param {{ tolerance?: number, provinceName?: string, command?: string, sources?: string[] }} [options]
 *   command: how to regenerate (header line); sources: credit lines for the header
 */
export function buildRegionSeed(regencyCode, files, { tolerance = DEFAULT_TOLERANCE, provinceName, command, sources = [] } = {}) {
  const { rows, geometries, top, province } = readDataset(regencyCode, files, { provinceName });
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
      sqlString(buildProfile(row, rows, top, province)),
      'NULL',
    ];
    const statement =
      'INSERT INTO regions (code, name, level, parent_code, slug, path, lat, lng, bbox, boundary, stage, profile, last_content_update) VALUES (' +
      values.join(', ') +
      `) ${UPSERT_CLAUSE};`;
    const bytes = utf8Bytes(statement);
    if (bytes >= MAX_STATEMENT_BYTES) {
      problems.push(`INSERT for ${row.code} (${row.name}) is ${bytes} bytes, over the ${MAX_STATEMENT_BYTES}-byte limit; raise --tolerance`);
    }
    if (bytes > stats.largestStatement.bytes) stats.largestStatement = { bytes, code: row.code };
    statements.push(statement);
  }
  if (problems.length > 0) throw new SeedError(problems);

  const levelLabel = LEVEL_LABEL[top.level];
  const topTitle = top.name.startsWith(levelLabel) ? top.name : `${levelLabel} ${top.name}`;
  const header = [
    '-- GENERATED FILE, DO NOT EDIT. Region seed (data, not a migration): applied after the migrations by',
    '-- `npm start`, `npm run deploy` and the tests (scripts/lib/region-seed-files.mjs).',
    `-- ${topTitle} (Kemendagri ${top.code}), Provinsi ${province}, and all of its kecamatan, desa and kelurahan.`,
    '--',
    '-- Idempotent: one upsert per region, one statement per line. A region that already exists keeps its slug, path,',
    '-- stage, boundary and profile (URLs stay stable; uploaded boundaries and admin edits survive); only a changed',
    '-- official name is updated. Applying the same seed again changes nothing.',
    '--',
    ...(command ? ['-- Regenerate (from the project root):', `--   ${command}`, '--'] : []),
    ...(sources.length > 0 ? ['-- Sources:', ...sources.map((line) => `--   ${line}`), '--'] : []),
    `-- Counts: ${LEVELS.map((l) => `${stats.perLevel[l]} ${l}`).join(', ')} (${ordered.length} rows).`,
    `-- Boundaries: Douglas-Peucker, tolerance ${tolerance} degrees, coordinates rounded to 5 decimals, outer rings`,
    `--   counter-clockwise (RFC 7946); ${stats.verticesBefore} positions in the source, ${stats.verticesAfter} kept.`,
    '--   bbox is computed from the unsimplified source geometry.',
    '-- Slugs: lowercase ASCII from the name, unique among siblings (-2, -3, ... on collision);',
    `--   reserved words get -desa/-kelurahan/-kecamatan appended. Reserved list: ${RESERVED_SLUGS_SOURCE}`,
    `--   (${RESERVED_SLUGS.join(', ')}).`,
    slugNotes.length === 0 ? '--   No slug needed adjusting.' : ['--   Adjusted slugs:', ...slugNotes.map((n) => `--     ${n}`)].join('\n'),
    '',
  ].join('\n');

  const sql = `${header}\n${statements.join('\n')}\n`;
  return { sql, stats, slugNotes, placed, tolerance, regencyBbox: bbox(geometries.get(top.code).geometry) };
}

/** Only a changed official name updates an existing row; the WHERE makes a repeated seed a true no-op. */
const UPSERT_CLAUSE = 'ON CONFLICT (code) DO UPDATE SET name = excluded.name WHERE regions.name IS NOT excluded.name';

function utf8Bytes(text) {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * The statements of a seed file: one per line, comment and blank lines skipped (the generator's format).
 * @param {string} sql
 * @returns {string[]}
 */
export function seedStatements(sql) {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('--'));
}
