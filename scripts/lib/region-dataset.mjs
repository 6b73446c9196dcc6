// The public region dataset of one regency, read and checked: regions.csv (`code,name,level,parent_code,lat,lng`)
// and kabupaten/kecamatan/desa GeoJSON, in the format of cahyadsn/wilayah and cahyadsn/wilayah_boundaries (MIT).
// Pure (no file system): the CLI reads the files, the tests pass them inline. Every problem is collected and
// reported at once (SeedError), so a bad dataset is fixed in one round.

import { isClosedRing, polygonsOf } from '../../src/lib/geo-simplify.mjs';

export const LEVELS = ['kabupaten', 'kecamatan', 'desa', 'kelurahan'];
const PARENT_LEVEL = { kecamatan: 'kabupaten', desa: 'kecamatan', kelurahan: 'kecamatan' };
export const LEVEL_LABEL = { kabupaten: 'Kabupaten', kecamatan: 'Kecamatan', desa: 'Desa', kelurahan: 'Kelurahan' };
export const GEOMETRY_FILES = [
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
 * Validates the dataset for one regency. `files` maps each name in DATASET_FILES to its text (missing: undefined).
 * Rows and features outside `regencyCode` (a province-wide dataset) are ignored.
 * @param {string} regencyCode e.g. '64.08'
 * @param {Record<string, string | undefined>} files
 * @param {{ provinceName?: string }} [options] the province's name when its code is not in PROVINCES
 */
export function readDataset(regencyCode, files, { provinceName } = {}) {
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
