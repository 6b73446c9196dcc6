// The region seed of one regency, as data: validates a folder of the public region datasets (regions.csv plus
// kabupaten/kecamatan/desa GeoJSON, the format of cahyadsn/wilayah and cahyadsn/wilayah_boundaries, MIT) for ONE
// Kemendagri regency code and builds idempotent SQL upserts of the `regions` table (migrations/0001_foundation.sql):
// slugs unique among siblings and never a reserved word, boundaries simplified with Douglas–Peucker and wound per
// RFC 7946 (src/lib/geo-simplify.mjs), one statement per line.
//
// Pure: no file system, no Node-only API (the CLI scripts/generate-region-seed.mjs reads the files; tests run this
// module inside workerd). Deterministic: the same input gives a byte-identical seed.

import { bbox, countPositions, isClosedRing, polygonsOf, simplifyGeometry } from '../../src/lib/geo-simplify.mjs';
import { RESERVED_SLUGS, RESERVED_SLUGS_SOURCE } from './reserved-slugs.mjs';
import { chooseSlug } from './slug.mjs';

/** Douglas–Peucker tolerance in degrees (≈ 100 m at the equator); keeps the SQL file under ~350 KB. */
export const DEFAULT_TOLERANCE = 0.0009;
/** Rings that collapse under simplification and are smaller than this (deg², ≈ 1.2 ha) are dropped, unless they are a region's largest polygon. */
const TINY_RING_AREA = 1e-6;
/** D1 rejects statements over 100 KB; stay well below. */
const MAX_STATEMENT_BYTES = 90_000;

const LEVELS = ['kabupaten', 'kecamatan', 'desa', 'kelurahan'];
const PARENT_LEVEL = { kecamatan: 'kabupaten', desa: 'kecamatan', kelurahan: 'kecamatan' };
const LEVEL_LABEL = { kabupaten: 'Kabupaten', kecamatan: 'Kecamatan', desa: 'Desa', kelurahan: 'Kelurahan' };
const GEOMETRY_FILES = [
  { file: 'kabupaten.geojson', levels: ['kabupaten'] },
  { file: 'kecamatan.geojson', levels: ['kecamatan'] },
  { file: 'desa.geojson', levels: ['desa', 'kelurahan'] },
];
/** Province names by Kemendagri code (Kepmendagri 300.2.2-2430/2025); the province has no row in regions.csv. */
const PROVINCES = Object.freeze({
  11: 'Aceh',
  12: 'Sumatera Utara',
  13: 'Sumatera Barat',
  14: 'Riau',
  15: 'Jambi',
  16: 'Sumatera Selatan',
  17: 'Bengkulu',
  18: 'Lampung',
  19: 'Kepulauan Bangka Belitung',
  21: 'Kepulauan Riau',
  31: 'DKI Jakarta',
  32: 'Jawa Barat',
  33: 'Jawa Tengah',
  34: 'Daerah Istimewa Yogyakarta',
  35: 'Jawa Timur',
  36: 'Banten',
  51: 'Bali',
  52: 'Nusa Tenggara Barat',
  53: 'Nusa Tenggara Timur',
  61: 'Kalimantan Barat',
  62: 'Kalimantan Tengah',
  63: 'Kalimantan Selatan',
  64: 'Kalimantan Timur',
  65: 'Kalimantan Utara',
  71: 'Sulawesi Utara',
  72: 'Sulawesi Tengah',
  73: 'Sulawesi Selatan',
  74: 'Sulawesi Tenggara',
  75: 'Gorontalo',
  76: 'Sulawesi Barat',
  81: 'Maluku',
  82: 'Maluku Utara',
  91: 'Papua',
  92: 'Papua Barat',
  93: 'Papua Selatan',
  94: 'Papua Tengah',
  95: 'Papua Pegunungan',
  96: 'Papua Barat Daya',
});
/** Files of a dataset folder. */
export const DATASET_FILES = Object.freeze(['regions.csv', 'kabupaten.geojson', 'kecamatan.geojson', 'desa.geojson']);
/** A Kemendagri regency (kabupaten/kota) code: province.regency, e.g. 64.08. */
const REGENCY_CODE = /^\d{2}\.\d{2}$/;
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
function parseCsv(text) {
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
function compareCodes(a, b) {
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
 * Validates the dataset for one regency. `files` maps each name in DATASET_FILES to its text (missing: undefined).
 * Rows and features outside `regencyCode` (a province-wide dataset) are ignored.
 * @param {string} regencyCode e.g. '64.08'
 * @param {Record<string, string | undefined>} files
 * @param {{ provinceName?: string }} [options] the province's name when its code is not in PROVINCES
 */
function readDataset(regencyCode, files, { provinceName } = {}) {
  const problems = [];
  if (!REGENCY_CODE.test(regencyCode)) {
    throw new SeedError([`regency code must look like 64.08 (province.regency), got "${regencyCode}"`]);
  }
  const missing = DATASET_FILES.filter((f) => typeof files[f] !== 'string');
  if (missing.length > 0) throw new SeedError(missing.map((f) => `missing input file: ${f}`));
  const inRegency = (code) => code === regencyCode || code.startsWith(`${regencyCode}.`);

  // regions.csv
  const csv = parseCsv(files['regions.csv']);
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
    if (!inRegency(code)) return;
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
  if (tops.length !== 1 || tops[0].code !== regencyCode) {
    problems.push(`regions.csv: expected exactly one kabupaten row ${regencyCode}, found ${tops.map((t) => t.code).join(', ') || 'none'}`);
  }
  const province = provinceName ?? PROVINCES[regencyCode.slice(0, 2)];
  if (!province) problems.push(`unknown province code ${regencyCode.slice(0, 2)}: pass its name (--province=...)`);

  // GeoJSON files
  /** @type {Map<string, {geometry:any, name:string, file:string}>} */
  const geometries = new Map();
  for (const { file, levels } of GEOMETRY_FILES) {
    let fc;
    try {
      fc = JSON.parse(files[file]);
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
      if (!inRegency(code)) return;
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
  return { rows, geometries, top: tops[0], province };
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
  const header = [
    '-- GENERATED FILE, DO NOT EDIT. Region seed (data, not a migration): applied after the migrations by',
    '-- `npm start`, `npm run deploy` and the tests (scripts/lib/region-seed-files.mjs).',
    `-- ${top.name.startsWith(levelLabel) ? top.name : `${levelLabel} ${top.name}`} (Kemendagri ${top.code}), Provinsi ${province},`,
    '-- and all of its kecamatan, desa and kelurahan.',
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
