// Demo complaints for `npm start` (src/features/complaints): reports in Sangatta Utara villages at various statuses,
// one anonymous and one confidential, one past its deadline. Idempotent (fixed ids, INSERT OR IGNORE), marked is_demo.
// Deadlines follow the working-day clock: weekends and the holidays seeded in migrations/0003_holidays.sql are skipped.
// Private codes of the demo reports (for trying the reporter view): DEM0AAAA0000BBBB000<n>, n = 1…7.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WITA = 8 * HOUR;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const q = (s) =>
  s === null || s === undefined ? 'NULL' : typeof s === 'number' ? String(s) : typeof s === 'boolean' ? (s ? '1' : '0') : `'${String(s).replace(/'/g, "''")}'`;

function holidaySet() {
  const sql = readFileSync(join(ROOT, 'migrations', '0003_holidays.sql'), 'utf8');
  return new Set([...sql.matchAll(/VALUES \('(\d{4}-\d{2}-\d{2})'/g)].map((m) => m[1]));
}

const dayKey = (d) => new Date(d * DAY).toISOString().slice(0, 10);

/** Same rule as src/lib/working-days.ts: end (23:59:59.999 WITA) of the n-th working day after the WITA day of start. */
function addWorkingDays(start, n, holidays) {
  let d = Math.floor((start + WITA) / DAY);
  let counted = 0;
  while (counted < n) {
    d++;
    const weekday = (((d + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6 && !holidays.has(dayKey(d))) counted++;
  }
  return d * DAY - WITA + DAY - 1;
}

const hashCode = (code) => createHash('sha256').update(`complaint:${code}`).digest('hex');
const STAFF = 'Petugas pengaduan Kecamatan Sangatta Utara';

/**
 * [n, region, status, daysAgo, title, description, extra]. Steps are [daysAfterFiling, status, notes] and become
 * the timeline; the report's deadline columns are derived from them.
 */
const DEMO = [
  [
    1,
    '64.08.04.2012',
    'diterima',
    1,
    'Lampu jalan padam di Jalan Poros Swarga Bara',
    'Tiga lampu jalan di Jalan Poros dekat masjid padam sejak seminggu. Malam hari jalan gelap dan rawan kecelakaan.',
    { name: 'Rudi Hartono (demo)', phone: '081200000001', place: 'Jalan Poros dekat masjid', lat: 0.5489, lng: 117.5602, category: 'keamanan', steps: [] },
  ],
  [
    2,
    '64.08.04.2011',
    'diverifikasi',
    2,
    'Antrean surat keterangan terlalu lama',
    'Mengurus surat keterangan usaha di kantor desa harus kembali tiga kali karena petugas tidak ada di tempat.',
    {
      anonymous: true,
      name: 'Warga Anonim (demo)',
      phone: '081200000002',
      category: 'layanan_administrasi',
      steps: [[1, 'diverifikasi', { internal: 'Cek jadwal piket pelayanan' }]],
    },
  ],
  [
    3,
    '64.08.04.1010',
    'didisposisikan',
    6,
    'Drainase tersumbat di RT 07 Teluk Lingga',
    'Saluran drainase di RT 07 tersumbat sampah sehingga air meluap ke rumah warga setiap hujan.',
    {
      name: 'Siti Aminah (demo)',
      email: 'siti.demo@contoh.id',
      place: 'RT 07 Teluk Lingga',
      lat: 0.5312,
      lng: 117.5734,
      category: 'lingkungan',
      steps: [
        [1, 'diverifikasi', {}],
        [
          2,
          'didisposisikan',
          {
            target: '64.08.04.1010',
            unit: 'Seksi Kebersihan Kelurahan Teluk Lingga',
            pub: 'Didisposisikan ke Seksi Kebersihan Kelurahan Teluk Lingga (Kelurahan Teluk Lingga).',
            internal: 'Koordinasikan kerja bakti',
          },
        ],
      ],
    },
  ],
  [
    4,
    '64.08.04.2012',
    'ditindaklanjuti',
    9,
    'Jembatan kayu RT 05 rusak',
    'Papan jembatan kayu di RT 05 patah. Anak sekolah harus memutar jauh untuk berangkat ke sekolah.',
    {
      name: 'Budi Santoso (demo)',
      phone: '081200000004',
      place: 'Jembatan RT 05',
      lat: 0.5521,
      lng: 117.5571,
      category: 'infrastruktur',
      steps: [
        [1, 'diverifikasi', {}],
        [
          2,
          'didisposisikan',
          {
            target: '64.08.04.2012',
            unit: 'Kasi Pembangunan Desa Swarga Bara',
            pub: 'Didisposisikan ke Kasi Pembangunan Desa Swarga Bara (Desa Swarga Bara).',
            internal: 'Gunakan dana pemeliharaan',
          },
        ],
        [4, 'ditindaklanjuti', { reporter: 'Papan jembatan sudah diganti oleh pemerintah desa bersama warga. Mohon konfirmasi bila masih ada kerusakan.' }],
      ],
    },
  ],
  [
    5,
    '64.08.04.2011',
    'selesai',
    20,
    'Sampah menumpuk di pasar desa',
    'Sampah di belakang pasar desa tidak diangkut selama dua minggu dan menimbulkan bau.',
    {
      name: 'Nur Aisyah (demo)',
      phone: '081200000005',
      place: 'Belakang pasar desa',
      lat: 0.5603,
      lng: 117.5488,
      category: 'lingkungan',
      rating: [5, 'Cepat ditangani, terima kasih.'],
      steps: [
        [1, 'diverifikasi', {}],
        [
          1,
          'didisposisikan',
          { target: '64.08.04.2011', unit: 'Pemerintah Desa Singa Gembara', pub: 'Didisposisikan ke Pemerintah Desa Singa Gembara (Desa Singa Gembara).' },
        ],
        [3, 'ditindaklanjuti', { reporter: 'Sampah sudah diangkut dan jadwal angkut kini dua kali seminggu.' }],
        [4, 'selesai', { pub: 'Pelapor menyatakan laporan selesai.' }],
      ],
    },
  ],
  [
    6,
    '64.08.04.2012',
    'diverifikasi',
    3,
    'Dugaan penyalahgunaan bantuan sosial (rahasia)',
    'Ada dugaan bantuan sosial tidak sampai kepada penerima yang berhak. Mohon diperiksa tanpa menyebut pelapor.',
    {
      confidential: true,
      name: 'Pelapor Rahasia (demo)',
      phone: '081200000006',
      category: 'lainnya',
      steps: [[1, 'diverifikasi', { internal: 'Teruskan ke inspektorat bila terbukti' }]],
    },
  ],
  [
    7,
    '64.08.04.1010',
    'diterima',
    8,
    'Jalan berlubang di depan SD Teluk Lingga',
    'Lubang besar di jalan depan sekolah dasar membahayakan anak-anak, terutama saat hujan.',
    { name: 'Agus Salim (demo)', phone: '081200000007', place: 'Depan SD Teluk Lingga', lat: 0.5298, lng: 117.5711, category: 'infrastruktur', steps: [] },
  ],
];

export function demoComplaintsSql(now) {
  const holidays = holidaySet();
  const out = [];
  for (const [n, region, status, daysAgo, title, description, x] of DEMO) {
    const id = `DEMOADU${String(n).padStart(19, '0')}`;
    const ticket = `ADU-DEM0-000${n}`;
    const created = now - daysAgo * DAY - 2 * HOUR;
    const events = [{ at: created, to: 'diterima', from: null, actor: 'pelapor', label: 'Pelapor', kind: 'dibuat' }];
    let current = { region, unit: null, verifiedAt: null, dispositionedAt: null, followedUpAt: null, finishedAt: null };
    for (const [after, to, notes] of x.steps) {
      const at = created + after * DAY + events.length * HOUR;
      events.push({
        at,
        to,
        from: events[events.length - 1].to,
        actor: to === 'selesai' ? 'pelapor' : 'petugas',
        label: to === 'selesai' ? 'Pelapor' : STAFF,
        kind: 'status',
        ...notes,
      });
      if (to === 'diverifikasi') current.verifiedAt = at;
      if (to === 'didisposisikan') current = { ...current, dispositionedAt: at, region: notes.target ?? current.region, unit: notes.unit ?? null };
      if (to === 'ditindaklanjuti') current.followedUpAt = at;
      if (to === 'selesai') current.finishedAt = at;
    }
    const verifyDue = addWorkingDays(created, 3, holidays);
    const followupDue = current.dispositionedAt ? addWorkingDays(current.dispositionedAt, 5, holidays) : null;
    const autoclose = status === 'ditindaklanjuti' ? addWorkingDays(current.followedUpAt, 10, holidays) : null;
    const reopenUntil = status === 'selesai' ? addWorkingDays(current.finishedAt, 10, holidays) : null;
    const dueAt = status === 'diterima' || status === 'diverifikasi' ? verifyDue : status === 'didisposisikan' ? followupDue : null;
    const lastAt = events[events.length - 1].at;
    const cols = {
      id,
      ticket,
      region_code: current.region,
      origin_region_code: region,
      classification: 'pengaduan',
      category_id: x.category,
      title,
      description,
      lat: x.lat ?? null,
      lng: x.lng ?? null,
      place: x.place ?? null,
      is_anonymous: !!x.anonymous,
      is_confidential: !!x.confidential,
      reporter_name: x.name ?? null,
      reporter_phone: x.phone ?? null,
      reporter_email: x.email ?? null,
      secret_hash: hashCode(`DEM0AAAA0000BBBB000${n}`),
      status,
      version: events.length,
      unit: current.unit,
      received_at: created,
      verify_due_at: verifyDue,
      verified_at: current.verifiedAt,
      dispositioned_at: current.dispositionedAt,
      followup_due_at: followupDue,
      followed_up_at: current.followedUpAt,
      autoclose_at: autoclose,
      finished_at: current.finishedAt,
      reopen_until: reopenUntil,
      due_at: dueAt,
      on_time: true,
      round: 0,
      is_demo: true,
      created_at: created,
      updated_at: lastAt,
    };
    out.push(`INSERT OR IGNORE INTO complaints (${Object.keys(cols).join(', ')}) VALUES (${Object.values(cols).map(q).join(', ')});`);
    events.forEach((e, i) => {
      const ev = {
        id: `DEMOADUEV${String(n).padStart(3, '0')}${String(i + 1).padStart(14, '0')}`,
        complaint_id: id,
        region_code: region,
        seq: i + 1,
        at: e.at,
        kind: e.kind,
        from_status: e.from,
        to_status: e.to,
        actor_type: e.actor,
        actor_id: null,
        actor_label: e.label,
        actor_name: e.actor === 'petugas' ? 'Andi Penanganan Pengaduan (demo)' : null,
        target_region_code: e.target ?? null,
        note_public: e.pub ?? null,
        note_reporter: e.reporter ?? null,
        note_internal: e.internal ?? null,
      };
      out.push(`INSERT OR IGNORE INTO complaint_events (${Object.keys(ev).join(', ')}) VALUES (${Object.values(ev).map(q).join(', ')});`);
    });
    if (x.rating) {
      out.push(`INSERT OR IGNORE INTO complaint_ratings (complaint_id, round, region_code, score, comment, created_at)
       VALUES (${[id, 0, region, x.rating[0], x.rating[1], lastAt + HOUR].map(q).join(', ')});`);
    }
  }
  return out;
}
