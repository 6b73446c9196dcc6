// SQL for the volume generator (scripts/generate-volume.mjs): ten years of a busy regency, spread over the real
// regions. Rows are made inside SQLite by INSERT … SELECT over a recursive counter (no row-by-row traffic), in chunks
// of CHUNK rows per statement. Values are deterministic functions of the row number, so two runs at the same scale
// make the same database. Every id starts with `vol-` (nothing else uses that prefix).

/** 1× ≈ one year of a busy regency (the issue's 100× figures divided by 100); ten years of it at --scale 10. */
export const BASE = {
  posts: 1_000,
  complaints: 500,
  infoRequests: 200,
  documents: 400,
  tenders: 150,
  letters: 1_000,
};
/** One post in COVER_EVERY has a cover photo (small files in R2). */
export const COVER_EVERY = 10;
const CHUNK = 20_000;
const YEAR = 365 * 86_400_000;
const SPAN = 10 * YEAR;

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** A deterministic pseudo-random integer in [0, mod) for row `i` and a salt (SQL expression). */
const rnd = (salt, mod) => `(((i * 2654435761 + ${salt * 40503}) % 4294967291) % ${mod})`;

/** When row i happened: spread over the ten years before `now`, newest rows last. */
const at = (n, now) => `(${now - SPAN} + (i * ${Math.floor(SPAN / Math.max(1, n))}) + ${rnd(7, 3_600_000)})`;

const pick = (list, salt) => `(CASE ${rnd(salt, list.length)} ${list.map((v, k) => `WHEN ${k} THEN ${q(v)}`).join(' ')} END)`;

/** A sentence-long Indonesian filler, different per row. */
const PARAGRAPH =
  'Pemerintah desa bersama warga melaksanakan kegiatan gotong royong, musyawarah dan pembangunan sarana umum. ' +
  'Kegiatan dibiayai dana desa dan dilaporkan secara terbuka kepada masyarakat melalui papan informasi dan portal ini. ';

function counter(from, to) {
  return `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to})`;
}

/** `regs(k, code, path)`: the regions rows are spread over (villages mostly, some districts and the regency). */
function regionsCte(regions) {
  return `regs(k, code, path) AS (VALUES ${regions.map((r, k) => `(${k}, ${q(r.code)}, ${q(r.path)})`).join(', ')})`;
}

function chunks(total, make) {
  const out = [];
  for (let from = 1; from <= total; from += CHUNK) out.push(make(from, Math.min(total, from + CHUNK - 1)));
  return out;
}

const region = (count, salt) => `(SELECT code FROM regs WHERE k = ${rnd(salt, count)})`;

export function postsSql(n, regions, now) {
  const R = regions.length;
  return chunks(
    n,
    (from, to) => `${counter(from, to)}, ${regionsCte(regions)}
INSERT INTO posts (id, region_code, kind, slug, title, summary, body_md, cover_key, cover_alt, cover_media, status, published_at, valid_until,
  event_starts_at, event_place, is_demo, created_at, updated_at)
SELECT 'vol-p-' || printf('%08d', i), ${region(R, 1)},
  ${pick(['berita', 'berita', 'berita', 'berita', 'berita', 'berita', 'pengumuman', 'pengumuman', 'agenda', 'berita'], 2)},
  'volume-' || i, 'Kabar kegiatan warga nomor ' || i, 'Ringkasan kegiatan nomor ' || i || ' di wilayah ini.',
  ${q(PARAGRAPH)} || char(10) || char(10) || ${q(PARAGRAPH)} || 'Catatan ' || i || '.',
  CASE WHEN i % ${COVER_EVERY} = 0 THEN 'public/posts/vol-p-' || printf('%08d', i) END,
  CASE WHEN i % ${COVER_EVERY} = 0 THEN 'Foto kegiatan warga' END,
  CASE WHEN i % ${COVER_EVERY} = 0 THEN json_object('v', 1, 'base', 'public/posts/vol-p-' || printf('%08d', i), 'w', 1600, 'h', 1200,
    'original', json_object('ext', 'jpg', 'bytes', 0),
    'sizes', json_object('thumb', json_object('w', 240, 'h', 180, 'webp', 0, 'jpeg', 0), 'article', json_object('w', 800, 'h', 600, 'webp', 0, 'jpeg', 0))) END,
  CASE WHEN ${rnd(3, 100)} < 94 THEN 'terbit' WHEN ${rnd(3, 100)} < 97 THEN 'draft' ELSE 'menunggu_tinjauan' END,
  ${at(n, now)}, NULL, NULL, NULL, 0, ${at(n, now)}, ${at(n, now)}
FROM n;`,
  );
}

export function complaintsSql(n, regions, categories, now) {
  const R = regions.length;
  const statuses = ['selesai', 'selesai', 'selesai', 'diarsipkan', 'ditolak', 'bukan_wewenang'];
  const open = ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti'];
  const recent = Math.max(1, Math.floor(n / 20)); // the last 5 % are still open
  const rows = chunks(
    n,
    (from, to) => `${counter(from, to)}, ${regionsCte(regions)}, base AS (SELECT i, ${region(R, 4)} AS code, ${at(n, now)} AS t FROM n)
INSERT INTO complaints (id, ticket, region_code, origin_region_code, classification, category_id, title, description, lat, lng, place,
  is_anonymous, is_confidential, reporter_name, secret_hash, status, version, received_at, verify_due_at, verified_at, finished_at,
  due_at, on_time, is_demo, created_at, updated_at)
SELECT 'vol-c-' || printf('%08d', i), 'ADU-' || substr(printf('%08X', i), 1, 4) || '-' || substr(printf('%08X', i), 5, 4), code, code,
  ${pick(['pengaduan', 'pengaduan', 'aspirasi', 'permintaan_informasi'], 5)}, ${pick(categories, 6)},
  'Laporan warga nomor ' || i, 'Uraian laporan warga nomor ' || i || '. ' || ${q(PARAGRAPH)},
  NULL, NULL, 'Dusun ' || (i % 7 + 1), CASE WHEN i % 5 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 17 = 0 THEN 1 ELSE 0 END,
  CASE WHEN i % 5 = 0 THEN NULL ELSE 'Warga ' || i END, lower(hex(randomblob(32))),
  CASE WHEN i > ${n - recent} THEN ${pick(open, 8)} ELSE ${pick(statuses, 9)} END, 2,
  t, t + ${3 * 86_400_000}, t + 86400000, CASE WHEN i > ${n - recent} THEN NULL ELSE t + ${9 * 86_400_000} END,
  CASE WHEN i > ${n - recent} THEN t + ${8 * 86_400_000} END, 1, 0, t, t + ${9 * 86_400_000}
FROM base;`,
  );
  const events = chunks(
    n,
    (from, to) => `${counter(from, to)}
INSERT INTO complaint_events (id, complaint_id, region_code, seq, at, kind, from_status, to_status, actor_type, actor_label, note_public)
SELECT 'vol-ce-' || printf('%08d', i), c.id, c.region_code, 1, c.received_at, 'dibuat', NULL, 'diterima', 'pelapor', 'Pelapor', NULL
FROM n JOIN complaints c ON c.id = 'vol-c-' || printf('%08d', i);`,
  );
  return [...rows, ...events];
}

export function infoRequestsSql(n, regions, now) {
  const R = regions.length;
  return chunks(
    n,
    (from, to) => `${counter(from, to)}, ${regionsCte(regions)}, base AS (SELECT i, ${region(R, 10)} AS code, ${at(n, now)} AS t FROM n)
INSERT INTO info_requests (id, region_code, number, code_hash, status, requester_type, requester_name, requester_address, requester_occupation,
  identity_type, identity_cipher, identity_last4, information, purpose, obtain_method, registered_at, original_due_at, due_at, answered_at,
  decision, is_demo, created_at, updated_at)
SELECT 'vol-r-' || printf('%08d', i), code, 'PPID-' || substr(printf('%08X', i), 1, 4) || '-' || substr(printf('%08X', i), 5, 4),
  lower(hex(randomblob(32))), CASE WHEN i > ${n - Math.max(1, Math.floor(n / 25))} THEN 'diproses' ELSE 'dijawab' END, 'perorangan',
  'Pemohon ' || i, 'Jalan Volume ' || i, 'Wiraswasta', 'ktp', NULL, printf('%04d', i % 10000),
  'Salinan dokumen anggaran tahun ' || (2016 + i % 10), 'Penelitian', 'salinan_softcopy', t, t + ${14 * 86_400_000}, t + ${14 * 86_400_000},
  CASE WHEN i > ${n - Math.max(1, Math.floor(n / 25))} THEN NULL ELSE t + ${7 * 86_400_000} END,
  CASE WHEN i > ${n - Math.max(1, Math.floor(n / 25))} THEN NULL ELSE 'dipenuhi' END, 0, t, t
FROM base;`,
  );
}

export function documentsSql(n, regions, now) {
  const R = regions.length;
  const docs = chunks(
    n,
    (from, to) => `${counter(from, to)}, ${regionsCte(regions)}, base AS (SELECT i, ${region(R, 11)} AS code, ${at(n, now)} AS t FROM n)
INSERT INTO documents (id, region_code, title, category, year, description, info_category, responsible_unit, retention_period, current_version,
  current_mime, current_size, current_sha256, status, is_demo, created_at, updated_at)
SELECT 'vol-d-' || printf('%08d', i), code, 'Dokumen publik nomor ' || i,
  ${pick(['sop', 'lkjip', 'renstra', 'renja', 'rka', 'dpa', 'apbdes', 'perdes_perkades', 'laporan', 'lainnya'], 12)},
  CAST(strftime('%Y', t / 1000, 'unixepoch') AS INTEGER), 'Dokumen nomor ' || i,
  CASE WHEN i % 20 = 0 THEN 'dikecualikan' ELSE ${pick(['berkala', 'serta_merta', 'setiap_saat'], 13)} END, 'Sekretariat', '5 tahun', 1,
  'application/pdf', 900, lower(hex(randomblob(32))), CASE WHEN i % 25 = 0 THEN 'draft' ELSE 'terbit' END, 0, t, t
FROM base;`,
  );
  const versions = chunks(
    n,
    (from, to) => `${counter(from, to)}
INSERT INTO document_versions (id, document_id, region_code, version, r2_key, mime, ext, size, sha256, original_name, uploaded_at)
SELECT 'vol-dv-' || printf('%08d', i), d.id, d.region_code, 1, 'docs/' || d.region_code || '/' || d.id || '/1.pdf', 'application/pdf', 'pdf', 900,
  d.current_sha256, 'dokumen-' || i || '.pdf', d.created_at
FROM n JOIN documents d ON d.id = 'vol-d-' || printf('%08d', i);`,
  );
  return [...docs, ...versions];
}

export function tendersSql(n, regions, now) {
  const R = regions.length;
  return chunks(
    n,
    (from, to) => `${counter(from, to)}, ${regionsCte(regions)}, base AS (SELECT i, ${region(R, 14)} AS code, ${at(n, now)} AS t FROM n)
INSERT INTO tenders (id, region_code, source, external_code, name, owner_name, procurement_type, method, fiscal_year, pagu, status,
  status_changed_at, publish_status, content_hash, is_demo, created_at, updated_at)
SELECT 'vol-t-' || printf('%08d', i), code, 'desa', 'VOL-' || i, 'Paket pengadaan nomor ' || i, 'Pemerintah Desa', 'pekerjaan_konstruksi',
  'pengadaan_langsung', CAST(strftime('%Y', t / 1000, 'unixepoch') AS INTEGER), 150000000 + (i % 50) * 1000000,
  CASE WHEN i > ${n - Math.max(1, Math.floor(n / 20))} THEN 'pengumuman' ELSE 'selesai' END, t, 'terbit', lower(hex(randomblob(16))), 0, t, t
FROM base;`,
  );
}

export function lettersSql(n, regions, templates, now) {
  const R = regions.length;
  const done = ['selesai', 'selesai', 'selesai', 'selesai', 'ditolak', 'dibatalkan'];
  const open = ['diajukan', 'diperiksa', 'diproses', 'menunggu_tanda_tangan'];
  const recent = Math.max(1, Math.floor(n / 50));
  return chunks(
    n,
    (from, to) => `${counter(from, to)}, ${regionsCte(regions)}, base AS (SELECT i, ${region(R, 15)} AS code, ${at(n, now)} AS t FROM n)
INSERT INTO letter_requests (id, tracking_number, region_code, template_id, template_version, channel, delivery, status, applicant_name,
  nik_sealed, kk_sealed, contact_sealed, birth_place, birth_date, gender, address, rt, rw, secret_hash, submitted_at, due_at, finished_at,
  on_time, is_demo, created_at, updated_at)
SELECT 'vol-l-' || printf('%08d', i), 'SRT-' || substr(printf('%08X', i), 1, 4) || '-' || substr(printf('%08X', i), 5, 4), code,
  ${pick(templates, 16)}, 1, 'portal', 'ambil', CASE WHEN i > ${n - recent} THEN ${pick(open, 17)} ELSE ${pick(done, 18)} END,
  'Pemohon surat ' || i, 'vol:sealed', 'vol:sealed', 'vol:sealed', 'Sangatta', '1990-01-01', CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END,
  'Jalan Volume ' || i, '001', '002', lower(hex(randomblob(32))), t, CASE WHEN i > ${n - recent} THEN t + ${5 * 86_400_000} END,
  CASE WHEN i > ${n - recent} THEN NULL ELSE t + ${3 * 86_400_000} END, 1, 0, t, t
FROM base;`,
  );
}

/** R2 keys of the cover photos (each post with a cover: original, thumb and article in WebP and JPEG). */
export function coverKeys(nPosts) {
  const out = [];
  for (let i = COVER_EVERY; i <= nPosts; i += COVER_EVERY) {
    const base = `public/posts/vol-p-${String(i).padStart(8, '0')}`;
    out.push({ key: `${base}/original.jpg`, type: 'jpeg' });
    for (const size of ['thumb', 'article']) out.push({ key: `${base}/${size}.webp`, type: 'webp' }, { key: `${base}/${size}.jpg`, type: 'jpeg' });
  }
  return out;
}
