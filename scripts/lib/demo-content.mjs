// Demo content of the content & documents feature (issue 4): a draft waiting for review in Swarga Bara (so the
// reviewer queue is not empty), fixed pages (profil, kontak, visi-misi) and official documents with small real PDFs.
// Idempotent: fixed ids with INSERT OR IGNORE. The PDF bytes are deterministic, so their SHA-256 in D1 always matches
// the object that scripts/lib/local.mjs puts into the local R2 (`wrangler r2 bulk put --local`, once per state dir).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 86_400_000;
const SARI = 'DEMO0000000000000000000003'; // op.swargabara
const RINA = 'DEMO0000000000000000000001'; // diskominfo

const q = (s) => (s === null || s === undefined ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);

/** A tiny valid one-page PDF (Helvetica, ASCII text) with a correct xref table. */
export function demoPdf(title, lines) {
  const esc = (s) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (m) => `\\${m}`);
  const text = ['BT', '/F1 16 Tf', '56 780 Td', `(${esc(title)}) Tj`, '/F1 11 Tf', '0 -28 Td'];
  for (const l of lines) text.push(`(${esc(l)}) Tj`, '0 -16 Td');
  text.push('ET');
  const stream = text.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** [id, region, title, category, year, infoCategory, responsibleUnit, retention, description, daysAgo, lines, exemption?] */
const DOCUMENTS = [
  [
    'DEMODOC0000000000000000001',
    '64.08.04.2012',
    'APBDes Swarga Bara Tahun Anggaran 2026',
    'apbdes',
    2026,
    'berkala',
    'Sekretaris Desa',
    '10 tahun',
    'Anggaran Pendapatan dan Belanja Desa yang disepakati dalam musyawarah desa.',
    3,
    ['Contoh dokumen demo - bukan APBDes sebenarnya.', 'Pendapatan desa: Dana Desa, ADD, bagi hasil pajak.', 'Belanja: pembangunan, pembinaan, pemberdayaan.'],
  ],
  [
    'DEMODOC0000000000000000002',
    '64.08.04.2012',
    'Perdes Nomor 2 Tahun 2025 tentang Kebersihan Lingkungan',
    'perdes_perkades',
    2025,
    'setiap_saat',
    'Kepala Desa',
    'Selama berlaku',
    'Peraturan desa tentang kebersihan parit dan pengelolaan sampah rumah tangga.',
    8,
    ['Contoh dokumen demo - bukan peraturan sebenarnya.', 'Pasal 1: Warga menjaga kebersihan parit di depan rumah.'],
  ],
  [
    'DEMODOC0000000000000000003',
    '64.08.04',
    'SOP Pelayanan Surat Keterangan di Kantor Kecamatan',
    'sop',
    2026,
    'setiap_saat',
    'Seksi Pelayanan Umum',
    '5 tahun',
    'Langkah, syarat dan waktu pelayanan surat keterangan di Kecamatan Sangatta Utara.',
    5,
    ['Contoh dokumen demo.', '1. Pemohon membawa surat pengantar desa.', '2. Petugas memeriksa berkas (15 menit).', '3. Camat menandatangani surat.'],
  ],
  [
    'DEMODOC0000000000000000004',
    '64.08',
    'LKJIP Dinas Komunikasi dan Informatika 2025',
    'lkjip',
    2025,
    'berkala',
    'Sekretariat Diskominfo',
    '10 tahun',
    'Laporan Kinerja Instansi Pemerintah tahun 2025.',
    10,
    ['Contoh dokumen demo.', 'Capaian: seluruh desa memiliki situs dalam portal terpadu.'],
  ],
  [
    'DEMODOC0000000000000000005',
    '64.08.04.2012',
    'Rincian Data Penerima Bantuan Sosial (by name by address)',
    'laporan',
    2026,
    'dikecualikan',
    'Kepala Seksi Kesejahteraan',
    '5 tahun',
    'Memuat data pribadi penerima; hanya untuk petugas.',
    2,
    ['Contoh dokumen demo yang DIKECUALIKAN - tidak pernah tampil di situs publik.'],
    [
      'UU 14/2008 Pasal 17 huruf h (rahasia pribadi)',
      'Membuka rincian nama, alamat dan NIK penerima akan mengungkap rahasia pribadi dan berisiko penyalahgunaan ' +
        'data; kepentingan publik terpenuhi oleh rekapitulasi jumlah penerima per dusun yang dibuka secara berkala.',
    ],
  ],
];

function docFile(d) {
  const [id, region, title, , , , , , , , lines] = d;
  const bytes = demoPdf(title, lines);
  return { key: `docs/${region}/${id}/1.pdf`, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Objects for the local R2 bucket: [{ key, bytes }]. */
export function demoDocumentFiles() {
  return DOCUMENTS.map(docFile);
}

function documentsSql(now) {
  const out = [];
  for (const d of DOCUMENTS) {
    const [id, region, title, category, year, info, unit, retention, description, daysAgo, , exemption] = d;
    const { key, bytes, sha256 } = docFile(d);
    const at = now - daysAgo * DAY;
    out.push(
      `INSERT OR IGNORE INTO documents (id, region_code, title, category, year, description, info_category, responsible_unit, retention_period,
         exemption_legal_basis, consequence_test_summary, current_version, current_mime, current_size, current_sha256,
         is_demo, created_by, created_at, updated_at)
       VALUES (${[
         q(id),
         q(region),
         q(title),
         q(category),
         year,
         q(description),
         q(info),
         q(unit),
         q(retention),
         q(exemption?.[0] ?? null),
         q(exemption?.[1] ?? null),
         1,
         q('application/pdf'),
         bytes.length,
         q(sha256),
         1,
         q(RINA),
         at,
         at,
       ].join(', ')});`,
      `INSERT OR IGNORE INTO document_versions (id, document_id, region_code, version, r2_key, mime, ext, size, sha256, original_name, uploaded_by,
         uploaded_at)
       VALUES (${[
         q(`${id.slice(0, 24)}V1`),
         q(id),
         q(region),
         1,
         q(key),
         q('application/pdf'),
         q('pdf'),
         bytes.length,
         q(sha256),
         q(`${title}.pdf`),
         q(RINA),
         at,
       ].join(', ')});`,
    );
  }
  return out;
}

/** [id, region, kind, slug, title, summary, body, status, author, daysAgo] */
const POSTS = [
  [
    'demo-desa-tinjau',
    '64.08.04.2012',
    'berita',
    'posyandu-balita-swarga-bara-bulan-ini',
    'Posyandu balita Swarga Bara ramai dikunjungi',
    'Lebih dari 40 balita ditimbang dan diberi vitamin A di posyandu desa.',
    'Posyandu balita Desa Swarga Bara dikunjungi lebih dari **40 balita** pada Selasa pagi.\n\nKader posyandu ' +
      'menimbang, mengukur tinggi badan dan memberi vitamin A.',
    'menunggu_tinjauan',
    SARI,
    1,
  ],
  [
    'demo-desa-profil',
    '64.08.04.2012',
    'halaman',
    'profil',
    'Profil Desa Swarga Bara',
    'Desa di Kecamatan Sangatta Utara, Kabupaten Kutai Timur.',
    'Desa Swarga Bara terletak di Kecamatan Sangatta Utara, Kabupaten Kutai Timur.\n\n## Wilayah\n\nDesa terdiri ' +
      'atas beberapa dusun dan RT, dengan sebagian besar warga bekerja di sektor pertambangan, perdagangan dan ' +
      'pertanian.\n\n_Contoh konten demo._',
    'terbit',
    SARI,
    20,
  ],
  [
    'demo-desa-kontak',
    '64.08.04.2012',
    'halaman',
    'kontak',
    'Kontak Kantor Desa Swarga Bara',
    'Alamat dan jam pelayanan kantor desa.',
    '**Kantor Desa Swarga Bara**\nJl. Poros Sangatta, Sangatta Utara\n\nJam pelayanan: Senin-Jumat 08.00-15.00 WITA.\n\n_Contoh konten demo._',
    'terbit',
    SARI,
    20,
  ],
  [
    'demo-kab-visi',
    '64.08',
    'halaman',
    'visi-misi',
    'Visi dan misi Kabupaten Kutai Timur',
    'Visi dan misi pemerintah kabupaten.',
    '## Visi\n\nKutai Timur yang maju, sejahtera dan berkeadilan.\n\n## Misi\n\n1. Meningkatkan kualitas pelayanan ' +
      'publik.\n2. Membuka informasi pemerintahan bagi warga.\n\n_Contoh konten demo._',
    'terbit',
    RINA,
    30,
  ],
];

function postsSql(now) {
  return POSTS.map(([id, region, kind, slug, title, summary, body, status, author, daysAgo]) => {
    const at = now - daysAgo * DAY;
    return `INSERT OR IGNORE INTO posts (id, region_code, kind, slug, title, summary, body_md, status, author_id, published_at, is_demo, created_at,
       updated_at)
     VALUES (${[q(id), q(region), q(kind), q(slug), q(title), q(summary), q(body), q(status), q(author), status === 'terbit' ? at : 'NULL', 1, at, at].join(
       ', ',
     )});`;
  });
}

/** Every demo row of the content & documents feature, for buildDemoSeedSql. */
export function demoContentSql(now) {
  return [...postsSql(now), ...documentsSql(now)];
}

/**
 * Puts the demo PDFs into the local R2 bucket with ONE `wrangler r2 bulk put --local` (≈2 s), once per state dir
 * (a marker file remembers it). Never fatal: without the files the demo documents answer a clear 404 on download.
 * `run(args)` runs wrangler with the caller's persistence flags.
 */
export function seedDemoFiles({ stateDir, workDir, bucket, run, log = () => {} }) {
  const marker = join(stateDir, 'demo-r2-files-v1.done');
  if (existsSync(marker)) return false;
  const dir = join(workDir, 'demo-files');
  mkdirSync(dir, { recursive: true });
  const pairs = demoDocumentFiles().map((f, i) => {
    const file = join(dir, `${i + 1}.pdf`);
    writeFileSync(file, f.bytes);
    return { key: f.key, file };
  });
  const list = join(dir, 'pairs.json');
  writeFileSync(list, JSON.stringify(pairs));
  try {
    log('mengunggah berkas dokumen demo ke R2 lokal');
    run(['r2', 'bulk', 'put', bucket, '--local', '--filename', list, '--ct', 'application/pdf']);
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    return true;
  } catch (err) {
    process.stderr.write(`[portal] peringatan: berkas dokumen demo tidak terunggah (${err.message}); unduhan dokumen demo akan 404.\n`);
    return false;
  }
}
