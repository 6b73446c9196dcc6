// Demo content for a living local portal. Every row is marked is_demo = 1 and shows a "Contoh" tag on the page.
// Idempotent: fixed ids with INSERT OR IGNORE, so `npm start` can run it every time without undoing edits.

import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { DEMO_PLACES } from './demo-places.mjs';
import { demoContentSql } from './demo-content.mjs';
import { demoPpidSql } from './demo-seed-ppid.mjs';
import { demoComplaintsSql } from './demo-seed-complaints.mjs';
import { demoTendersSql } from './demo-seed-tenders.mjs';
import { demoLettersSql } from './demo-seed-letters.mjs';

const DAY = 86_400_000;

/** Demo password for every demo account (documented in the README). Local development only. */
export const DEMO_PASSWORD = 'Demo-Kutim-2026';

/** [id, username, name, role, regionCode] */
export const DEMO_ACCOUNTS = [
  ['DEMO0000000000000000000001', 'diskominfo', 'Rina Diskominfo (demo)', 'diskominfo', '64.08'],
  ['DEMO0000000000000000000002', 'op.sangattautara', 'Budi Operator Kecamatan (demo)', 'operator_kecamatan', '64.08.04'],
  ['DEMO0000000000000000000003', 'op.swargabara', 'Sari Operator Desa (demo)', 'operator_desa', '64.08.04.2012'],
  ['DEMO0000000000000000000004', 'ppid.sangattautara', 'Dewi PPID Kecamatan (demo)', 'ppid', '64.08.04'],
  ['DEMO0000000000000000000005', 'aduan.sangattautara', 'Andi Penanganan Pengaduan (demo)', 'penanganan_pengaduan', '64.08.04'],
  ['DEMO0000000000000000000006', 'pengadaan', 'Yusuf Pengelola Pengadaan (demo)', 'pengelola_pengadaan', '64.08'],
];

/** Demo stages: the village drafts and the kecamatan reviews (only on first seed; later changes are kept). */
const DEMO_STAGES = [['64.08.04.2012', 'pendampingan', 'Demo: desa mulai menulis dengan pendampingan Diskominfo']];

/** Same format as src/lib/password.ts: pbkdf2-sha256$iterations$salt$hash (base64url). */
export function hashPasswordNode(password, iterations) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  return `pbkdf2-sha256$${iterations}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

function demoAccountsSql(now, iterations) {
  const out = [];
  const hash = hashPasswordNode(DEMO_PASSWORD, iterations);
  for (const [id, username, name, role, region] of DEMO_ACCOUNTS) {
    out.push(`INSERT OR IGNORE INTO users (id, username, email, name, password_hash, is_active, session_version, must_change_password, is_demo,
       created_at, updated_at)
     VALUES (${[q(id), q(username), q(`${username}@demo.kutimkab.go.id`), q(name), q(hash), 1, 1, 0, 1, now, now].join(', ')});`);
    out.push(`INSERT OR IGNORE INTO memberships (id, user_id, role, region_code, created_at, created_by)
     VALUES (${[q(`DEMOM${id.slice(5)}`), q(id), q(role), q(region), now, q('seed')].join(', ')});`);
  }
  for (const [code, stage, reason] of DEMO_STAGES) {
    out.push(`INSERT OR IGNORE INTO stage_history (id, region_code, from_stage, to_stage, reason, actor_id, at)
     SELECT ${q(`DEMOSTAGE${code.replace(/\./g, '')}`.padEnd(26, '0').slice(0, 26))}, ${q(code)}, stage, ${q(stage)}, ${q(reason)},
       'DEMO0000000000000000000001', ${now}
     FROM regions WHERE code = ${q(code)} AND NOT EXISTS (SELECT 1 FROM stage_history WHERE region_code = ${q(code)});`);
    out.push(`UPDATE regions SET stage = ${q(stage)} WHERE code = ${q(code)}
       AND (SELECT COUNT(*) FROM stage_history WHERE region_code = ${q(code)}) = 1
       AND (SELECT reason FROM stage_history WHERE region_code = ${q(code)}) = ${q(reason)};`);
  }
  return out;
}

function q(s) {
  return s === null || s === undefined ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`;
}

/** Demo posts: [id, regionCode, kind, slug, title, summary, body, daysAgo, extra]. */
const POSTS = [
  [
    'demo-kab-1',
    '64.08',
    'pengumuman',
    'portal-desa-dan-kecamatan-terpadu',
    'Portal desa dan kecamatan Kutai Timur kini terpadu',
    'Seluruh situs desa dan kecamatan kini berada dalam satu portal yang dikelola Diskominfo.',
    'Diskominfo Kabupaten Kutai Timur menyatukan seluruh situs desa dan kecamatan dalam **satu portal** yang ' +
      'ringan dan bisa dibuka dari ponsel.\n\nUntuk sementara pembaruan informasi dilakukan oleh Diskominfo, lalu ' +
      'pengelolaan diserahkan secara bertahap kepada desa dan kecamatan.\n\n- Berita dan pengumuman desa\n- Dokumen ' +
      'publik (SOP, LKJIP, Renstra, RKA, APBDes)\n- Pengaduan dan permohonan informasi\n\nInformasi lebih lanjut: ' +
      '[Diskominfo Kutai Timur](https://kutaitimurkab.go.id).',
    1,
  ],
  [
    'demo-kab-2',
    '64.08',
    'berita',
    'pelatihan-operator-website-desa',
    'Pelatihan operator website desa angkatan pertama',
    'Operator dari 18 kecamatan mengikuti pelatihan pengelolaan portal di Sangatta.',
    'Sebanyak 36 operator desa dan kecamatan mengikuti pelatihan pengelolaan portal di Balai Pertemuan Umum ' +
      'Sangatta Utara.\n\nMateri meliputi penulisan berita, unggah dokumen, dan penanganan pengaduan.',
    3,
  ],
  [
    'demo-kec-1',
    '64.08.04',
    'berita',
    'sangatta-utara-wakili-kutim-lomba-ppid',
    'Sangatta Utara wakili Kutai Timur dalam lomba PPID provinsi',
    'Kecamatan Sangatta Utara terpilih mewakili Kutai Timur dalam evaluasi PPID tingkat Provinsi Kalimantan Timur.',
    'Berkat konsistensi mempublikasikan SOP, LKJIP, rencana strategis dan RKA, Kecamatan Sangatta Utara mewakili ' +
      'Kutai Timur dalam evaluasi PPID tingkat provinsi.',
    2,
  ],
  [
    'demo-desa-1',
    '64.08.04.2012',
    'berita',
    'gotong-royong-bersih-parit',
    'Warga Swarga Bara gotong royong membersihkan parit',
    'Menjelang musim hujan, warga membersihkan parit di sepanjang jalan desa.',
    'Puluhan warga Desa Swarga Bara bergotong royong membersihkan parit pada Minggu pagi.\n\n> Kebersihan parit ' +
      'mencegah banjir di permukiman.\n\nKegiatan akan diadakan setiap bulan.',
    4,
  ],
  [
    'demo-desa-2',
    '64.08.04.2012',
    'agenda',
    'musyawarah-desa-rkpdes',
    'Musyawarah desa penyusunan RKPDes',
    'Warga diundang hadir dalam musyawarah desa penyusunan Rencana Kerja Pemerintah Desa.',
    'Musyawarah desa membahas usulan kegiatan pembangunan tahun depan. Seluruh warga dipersilakan hadir.',
    5,
    { eventInDays: 6, place: 'Balai Desa Swarga Bara' },
  ],
  [
    'demo-desa-3',
    '64.08.02.2003',
    'pengumuman',
    'jadwal-posyandu-desember',
    'Jadwal posyandu bulan Desember',
    'Posyandu balita dan lansia dilaksanakan setiap Selasa minggu kedua.',
    'Posyandu balita dan lansia Desa Muara Wahau dilaksanakan setiap **Selasa minggu kedua** pukul 08.00 WITA di Polindes.',
    6,
    { validDays: 30 },
  ],
];

/** Demo places (geo feature): kantor, sekolah, posyandu/puskesmas, pasar … inside their regions' boundaries. */
function demoPlacesSql(now) {
  return DEMO_PLACES.map(
    ([id, region, category, name, lat, lng, address, hours, contact, description]) =>
      `INSERT OR IGNORE INTO places (id, region_code, name, category, lat, lng, address, description, opening_hours, contact, is_demo, created_by,
       updated_by, created_at, updated_at)
     VALUES (${[q(id), q(region), q(name), q(category), lat, lng, q(address), q(description), q(hours), q(contact), 1, q('seed'), q('seed'), now, now].join(
       ', ',
     )});`,
  );
}

export function buildDemoSeedSql({ now = Date.now(), iterations = 100000, root = process.cwd() } = {}) {
  const lines = ['-- Demo content (is_demo = 1). Generated by scripts/lib/demo-seed.mjs on every npm start.'];
  lines.push(...demoAccountsSql(now, iterations));
  lines.push(...demoPlacesSql(now));
  lines.push(...demoContentSql(now));
  lines.push(...demoPpidSql(now));
  lines.push(...demoComplaintsSql(now));
  lines.push(...demoTendersSql(now));
  lines.push(...demoLettersSql(now, root));
  const touched = new Map();
  for (const [id, region, kind, slug, title, summary, body, daysAgo, extra = {}] of POSTS) {
    const published = now - daysAgo * DAY;
    const eventAt = extra.eventInDays ? now + extra.eventInDays * DAY : null;
    const validUntil = extra.validDays ? now + extra.validDays * DAY : null;
    lines.push(
      `INSERT OR IGNORE INTO posts (id, region_code, kind, slug, title, summary, body_md, status, published_at, valid_from, valid_until,
         event_starts_at, event_place, is_demo, created_at, updated_at)
       VALUES (${[
         q(id),
         q(region),
         q(kind),
         q(slug),
         q(title),
         q(summary),
         q(body),
         q('terbit'),
         published,
         validUntil ? published : 'NULL',
         validUntil ?? 'NULL',
         eventAt ?? 'NULL',
         q(extra.place ?? null),
         1,
         published,
         published,
       ].join(', ')});`,
    );
    for (const code of ancestorsAndSelf(region)) touched.set(code, Math.max(touched.get(code) ?? 0, published));
  }
  for (const [code, at] of touched) {
    lines.push(`UPDATE regions SET last_content_update = MAX(COALESCE(last_content_update, 0), ${at}) WHERE code = ${q(code)};`);
  }
  return `${lines.join('\n')}\n`;
}

function ancestorsAndSelf(code) {
  const parts = code.split('.');
  const out = [];
  for (let i = 2; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}
