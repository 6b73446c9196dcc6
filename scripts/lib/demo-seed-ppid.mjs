// Demo PPID data for `npm start` (src/features/ppid): the PPID profile of Kecamatan Sangatta Utara, a few
// non-document DIP entries and information requests at various statuses. Idempotent (fixed ids, INSERT OR IGNORE).
// Due dates follow the working-day clock: weekends and the holidays seeded in migrations/0003_holidays.sql are skipped.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DAY = 86_400_000;
const WITA = 8 * 3_600_000;
const REGION = '64.08.04';
const DESA = '64.08.04.2012';

/**
 * Demo requests and their private codes (local demo only). Numbers and codes use the real alphabet
 * (no 0/O/1/I), so they can be typed on /sangatta-utara/ppid/lacak.
 */
export const DEMO_PPID_REQUESTS = [
  { id: 'DEMOPPIDREQ000000000000001', number: 'PPID-DEMA-2222', code: 'DEMA-2222-KDEM', region: REGION, status: 'diterima', daysAgo: 1 },
  { id: 'DEMOPPIDREQ000000000000002', number: 'PPID-DEMB-3333', code: 'DEMB-3333-KDEM', region: DESA, status: 'diproses', daysAgo: 6 },
  { id: 'DEMOPPIDREQ000000000000003', number: 'PPID-DEMC-4444', code: 'DEMC-4444-KDEM', region: REGION, status: 'diperpanjang', daysAgo: 13, extendDays: 5 },
  {
    id: 'DEMOPPIDREQ000000000000004',
    number: 'PPID-DEMD-5555',
    code: 'DEMD-5555-KDEM',
    region: REGION,
    status: 'dijawab',
    daysAgo: 20,
    answeredDaysAgo: 15,
    decision: 'dipenuhi',
  },
  {
    id: 'DEMOPPIDREQ000000000000005',
    number: 'PPID-DEME-6666',
    code: 'DEME-6666-KDEM',
    region: DESA,
    status: 'dijawab',
    daysAgo: 30,
    answeredDaysAgo: 24,
    decision: 'ditolak',
    objectionDaysAgo: 20,
  },
  { id: 'DEMOPPIDREQ000000000000006', number: 'PPID-DEMF-7777', code: 'DEMF-7777-KDEM', region: REGION, status: 'diproses', daysAgo: 25, info: 'lewat' },
];

const q = (s) => (s === null || s === undefined ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);

function holidaysFromMigration() {
  try {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations', '0003_holidays.sql');
    return new Set([...readFileSync(file, 'utf8').matchAll(/VALUES \('(\d{4}-\d{2}-\d{2})'/g)].map((m) => m[1]));
  } catch {
    return new Set();
  }
}

/** Same rule as src/lib/working-days.ts: end (23:59:59.999 WITA) of the n-th working day after the day of `start`. */
export function addWorkingDaysNode(start, n, holidays) {
  let day = Math.floor((start + WITA) / DAY);
  let counted = 0;
  while (counted < n) {
    day++;
    const weekday = (((day + 4) % 7) + 7) % 7;
    const key = new Date(day * DAY).toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !holidays.has(key)) counted++;
  }
  return day * DAY - WITA + DAY - 1;
}

const INFO = {
  diterima: 'Daftar penerima bantuan alat pertanian Kecamatan Sangatta Utara tahun 2026 (jumlah per desa).',
  diproses: 'Salinan APBDes Desa Swarga Bara tahun 2026 beserta rincian belanja pembangunan.',
  diperpanjang: 'Laporan realisasi anggaran Kecamatan Sangatta Utara triwulan III tahun 2026.',
  dipenuhi: 'SOP pelayanan surat keterangan domisili di Kantor Camat Sangatta Utara.',
  ditolak: 'Data NIK dan alamat seluruh penerima BLT Dana Desa Swarga Bara.',
  lewat: 'Daftar kegiatan pemeliharaan jalan lingkungan Kecamatan Sangatta Utara tahun 2026 dan anggarannya.',
};

export function demoPpidSql(now) {
  const hol = holidaysFromMigration();
  const out = [];
  out.push(
    `INSERT OR IGNORE INTO ppid_profiles (region_code, officer_name, officer_position, superior_name, address, phone, email, office_hours, maklumat,
       service_standard, cost, is_demo, updated_at, updated_by)
     VALUES (${[
       q(REGION),
       q('Sekretaris Kecamatan Sangatta Utara'),
       q('PPID Pelaksana Kecamatan'),
       q('Camat Sangatta Utara'),
       q('Jl. Yos Sudarso II No. 1, Sangatta Utara, Kutai Timur'),
       q('(0549) 21000'),
       q('ppid.sangattautara@demo.kutimkab.go.id'),
       q('Senin–Kamis 08.00–15.00 WITA, Jumat 08.00–11.00 WITA'),
       q(
         'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai standar pelayanan dan ' +
           '**tanpa pungutan liar**. Apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan.',
       ),
       q(
         '- Permohonan dicatat dan diberi nomor registrasi pada hari yang sama.\n- Jawaban tertulis paling lambat **10 ' +
           'hari kerja**, dapat diperpanjang **7 hari kerja**.\n- Keberatan ditanggapi atasan PPID paling lambat **30 ' +
           'hari kerja**.',
       ),
       q('Tanpa biaya. Biaya penggandaan salinan cetak atau pengiriman pos, bila ada, ditanggung pemohon.'),
       1,
       now,
       q('seed'),
     ].join(', ')});`,
  );
  const items = [
    [
      'DEMOPPIDITEM00000000000001',
      REGION,
      'Profil dan struktur organisasi PPID Kecamatan',
      'Susunan PPID pelaksana, tugas dan kontak layanan.',
      'berkala',
      'Sekretariat Kecamatan',
      2026,
      'Elektronik',
      'Selama berlaku',
      '/sangatta-utara/ppid',
      null,
      null,
    ],
    [
      'DEMOPPIDITEM00000000000002',
      REGION,
      'Buku register surat masuk dan keluar',
      'Register tertulis di ruang tata usaha.',
      'setiap_saat',
      'Subbagian Umum',
      2026,
      'Cetak',
      '5 tahun',
      null,
      null,
      null,
    ],
    [
      'DEMOPPIDITEM00000000000003',
      REGION,
      'Informasi peringatan dini banjir Sungai Sangatta',
      'Disiarkan segera bila muka air naik.',
      'serta_merta',
      'Seksi Ketenteraman dan Ketertiban',
      2026,
      'Elektronik dan pengeras suara',
      'Selama berlaku',
      null,
      null,
      null,
    ],
    [
      'DEMOPPIDITEM00000000000004',
      REGION,
      'Data pribadi pemohon layanan administrasi kependudukan',
      '',
      'dikecualikan',
      'Seksi Pelayanan',
      null,
      '',
      '',
      null,
      'UU 14/2008 Pasal 17 huruf h; UU 27/2022 tentang Pelindungan Data Pribadi',
      'Membuka data ini mengungkap rahasia pribadi warga; kerugiannya lebih besar daripada manfaat membukanya.',
    ],
  ];
  for (const [id, region, title, summary, cat, unit, year, format, retention, url, basis, test] of items) {
    out.push(
      `INSERT OR IGNORE INTO ppid_info_items (id, region_code, title, summary, info_category, responsible_unit, year, format, retention, url, legal_basis,
         consequence_test, is_demo, created_by, created_at, updated_at)
       VALUES (${[
         q(id),
         q(region),
         q(title),
         q(summary),
         q(cat),
         q(unit),
         year ?? 'NULL',
         q(format),
         q(retention),
         q(url),
         q(basis),
         q(test),
         1,
         q('seed'),
         now,
         now,
       ].join(', ')});`,
    );
  }
  for (const r of DEMO_PPID_REQUESTS) {
    const registered = now - r.daysAgo * DAY;
    const originalDue = addWorkingDaysNode(registered, 10, hol);
    const due = r.extendDays ? addWorkingDaysNode(originalDue, r.extendDays, hol) : originalDue;
    const answered = r.answeredDaysAgo ? now - r.answeredDaysAgo * DAY : null;
    const extended = r.extendDays ? registered + 5 * DAY : null;
    const processed = r.status === 'diterima' ? null : registered + DAY;
    const codeHash = createHash('sha256').update(`ppid-code:${r.number}:${r.code}`).digest('hex');
    const info = INFO[r.info ?? r.decision ?? r.status];
    const ditolak = r.decision === 'ditolak';
    out.push(
      `INSERT OR IGNORE INTO info_requests (id, region_code, number, code_hash, status, channel, requester_type, requester_name, requester_address,
         requester_occupation, requester_phone, requester_email, identity_type, identity_cipher, identity_last4,
         information, purpose, obtain_method, delivery_method, registered_at, original_due_at, due_at, processed_at,
         extended_at, extension_days, extension_reason, answered_at, decision, answer_note, refusal_reason,
         refusal_basis, is_demo, created_at, updated_at)
       VALUES (${[
         q(r.id),
         q(r.region),
         q(r.number),
         q(codeHash),
         q(r.status),
         q('web'),
         q('perorangan'),
         q('Warga Contoh (demo)'),
         q('Jl. Contoh No. 1, Sangatta Utara'),
         q('Petani'),
         q('0800 0000 0000'),
         'NULL',
         q('ktp'),
         'NULL',
         q('0000'),
         q(info),
         q('Bahan diskusi kelompok tani dan musyawarah desa.'),
         q('salinan_softcopy'),
         q('langsung'),
         registered,
         originalDue,
         due,
         processed ?? 'NULL',
         extended ?? 'NULL',
         r.extendDays ?? 'NULL',
         q(r.extendDays ? 'Data masih dihimpun dari tujuh desa.' : null),
         answered ?? 'NULL',
         q(r.decision ?? null),
         q(
           answered
             ? ditolak
               ? 'Informasi yang diminta memuat data pribadi sehingga dikecualikan. Rekap jumlah penerima per dusun dapat ' + 'diminta.'
               : 'Dokumen SOP terlampir dan dapat diambil di kantor kecamatan.'
             : null,
         ),
         q(ditolak ? 'pasal_17h' : null),
         q(ditolak ? 'UU 14/2008 Pasal 17 huruf h' : null),
         1,
         registered,
         answered ?? processed ?? registered,
       ].join(', ')});`,
    );
    const events = [[`${r.id.slice(0, 24)}E1`, registered, 'diterima', 'pemohon', 'Diajukan melalui portal']];
    if (processed) events.push([`${r.id.slice(0, 24)}E2`, processed, 'diproses', 'ppid', '']);
    if (extended)
      events.push([
        `${r.id.slice(0, 24)}E3`,
        extended,
        'diperpanjang',
        'ppid',
        `Diperpanjang ${r.extendDays} hari kerja. Alasan: Data masih dihimpun dari tujuh desa.`,
      ]);
    if (answered)
      events.push([`${r.id.slice(0, 24)}E4`, answered, 'dijawab', 'ppid', `Keputusan: ${ditolak ? 'Ditolak (UU 14/2008 Pasal 17 huruf h)' : 'Dipenuhi'}`]);
    if (r.objectionDaysAgo) {
      const filed = now - r.objectionDaysAgo * DAY;
      out.push(
        `INSERT OR IGNORE INTO info_objections (id, region_code, request_id, grounds, reason, status, filed_at, due_at, is_demo, created_at, updated_at)
         VALUES (${[
           q(`${r.id.slice(0, 24)}OB`),
           q(r.region),
           q(r.id),
           q('["penolakan"]'),
           q('Saya hanya memerlukan jumlah penerima, bukan data pribadi.'),
           q('diajukan'),
           filed,
           addWorkingDaysNode(filed, 30, hol),
           1,
           filed,
           filed,
         ].join(', ')});`,
      );
      events.push([`${r.id.slice(0, 24)}E5`, filed, 'keberatan', 'pemohon', 'Alasan: Permohonan informasi ditolak']);
    }
    for (const [id, at, kind, role, note] of events) {
      out.push(`INSERT OR IGNORE INTO info_request_events (id, region_code, request_id, at, kind, actor_role, note)
       VALUES (${[q(id), q(r.region), q(r.id), at, q(kind), q(role), q(note)].join(', ')});`);
    }
  }
  return out;
}
