// Demo procurement packages for `npm start` (src/features/tenders): regency packages from SPSE and SiRUP and the
// procurement of Desa Swarga Bara, at various stages, with schedules around "now". Idempotent (fixed ids, INSERT OR
// IGNORE), marked is_demo. The content hash is a marker, so the first real edit or import of a package writes it; the
// daily job moves statuses along the schedule. Codes, names and amounts are invented.

const DAY = 86_400_000;
const HOUR = 3_600_000;

const q = (s) => (s === null || s === undefined ? 'NULL' : typeof s === 'number' ? String(s) : `'${String(s).replace(/'/g, "''")}'`);

/** [id, source, code, owner region, name, owner, type, method, funding, pagu, hps, status, schedule (days from now), extra] */
const PACKAGES = [
  [
    'DEMOTND0000000000000000001',
    'spse',
    '10045678000',
    '64.08',
    'Peningkatan Jalan Poros Swarga Bara – Singa Gembara',
    'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
    'pekerjaan_konstruksi',
    'tender',
    'APBD',
    1_250_000_000,
    1_190_000_000,
    'pengumuman',
    [
      ['pengumuman', -3, 4],
      ['pendaftaran', -3, 4],
      ['penjelasan', 1, 1.2],
      ['penawaran', 5, 9],
      ['evaluasi', 10, 14],
      ['penetapan', 15, 16],
      ['sanggah', 17, 21],
      ['kontrak', 23, 25],
    ],
    { locations: ['64.08.04.2011', '64.08.04.2012'], lat: 0.5854, lng: 117.4807, stageLabel: 'Pendaftaran Peserta' },
  ],
  [
    'DEMOTND0000000000000000002',
    'spse',
    '10045679000',
    '64.08',
    'Pengadaan Kendaraan Operasional Kecamatan Sangatta Utara',
    'SEKRETARIAT DAERAH',
    'barang',
    'tender',
    'APBD',
    650_000_000,
    640_000_000,
    'kontrak',
    [
      ['pengumuman', -60, -53],
      ['penawaran', -50, -45],
      ['evaluasi', -44, -38],
      ['penetapan', -36, -35],
      ['kontrak', -28, -27],
    ],
    { locations: ['64.08.04'], winner: 'PT Borneo Motor Utama', contractValue: 612_500_000, contractStart: -27, contractEnd: 60 },
  ],
  [
    'DEMOTND0000000000000000003',
    'sirup',
    '46210003',
    '64.08',
    'Pembangunan Dermaga Rakyat Sangkulirang',
    'DINAS PERHUBUNGAN',
    'pekerjaan_konstruksi',
    'tender',
    'DAK',
    2_150_000_000,
    null,
    'rencana',
    [],
    { locations: ['64.08.05'], stageLabel: 'Rencana pemilihan: Februari – April 2027' },
  ],
  [
    'DEMOTND0000000000000000004',
    'desa',
    'PBJ-2026-SB01',
    '64.08.04.2012',
    'Pembangunan Sumur Bor dan Tandon Air RT 03',
    'Pemerintah Desa Swarga Bara',
    'pekerjaan_konstruksi',
    'pengadaan_langsung',
    'Dana Desa',
    185_000_000,
    180_000_000,
    'pengumuman',
    [
      ['pengumuman', -2, 5],
      ['penawaran', 6, 8],
      ['penetapan', 10, 10.5],
      ['kontrak', 12, 12.5],
    ],
    { locations: ['64.08.04.2012'], lat: 0.5861, lng: 117.4795, locationText: 'RT 03, dekat balai desa' },
  ],
  [
    'DEMOTND0000000000000000005',
    'desa',
    'PBJ-2026-SB02',
    '64.08.04.2012',
    'Rehabilitasi Posyandu Melati',
    'Pemerintah Desa Swarga Bara',
    'pekerjaan_konstruksi',
    'swakelola',
    'ADD',
    95_000_000,
    null,
    'selesai',
    [
      ['pengumuman', -90, -85],
      ['kontrak', -80, -79],
    ],
    { locations: ['64.08.04.2012'], winner: 'Tim Pelaksana Kegiatan Desa Swarga Bara', contractValue: 94_200_000, contractStart: -79, contractEnd: -20 },
  ],
];

/** SQL for the demo packages and their location rows. `now` in epoch ms. */
export function demoTendersSql(now) {
  const lines = [];
  const at = (days) => Math.round(now + days * DAY - (now % HOUR));
  for (const [id, source, code, region, name, owner, type, method, funding, pagu, hps, status, schedule, extra] of PACKAGES) {
    const windows = schedule.map(([stage, s, e]) => ({ stage, s: at(s), e: at(e) }));
    const values = [
      id,
      region,
      source,
      code,
      name,
      owner,
      type,
      method,
      2026,
      funding,
      pagu,
      hps,
      extra.stageLabel ?? '',
      JSON.stringify(windows),
      extra.winner ?? null,
      extra.contractValue ?? null,
      extra.contractStart === undefined ? null : at(extra.contractStart),
      extra.contractEnd === undefined ? null : at(extra.contractEnd),
      extra.locationText ?? '',
      extra.lat ?? null,
      extra.lng ?? null,
      source === 'desa' ? null : `https://lpse.kutaitimurkab.go.id/eproc4/lelang/${code}/pengumumanlelang`,
      status,
      now,
      'terbit',
      `demo-${id}`,
      1,
      now - 3 * DAY,
      now - 3 * DAY,
    ];
    lines.push(
      `INSERT OR IGNORE INTO tenders (id, region_code, source, external_code, name, owner_name, procurement_type, method, fiscal_year, funding_source,
         pagu, hps, stage_label, schedule_json, winner_name, contract_value, contract_start_at, contract_end_at, location_text, lat, lng, source_url,
         status, status_changed_at, publish_status, content_hash, is_demo, created_at, updated_at)
       VALUES (${values.map(q).join(', ')});`,
    );
    for (const loc of extra.locations ?? []) lines.push(`INSERT OR IGNORE INTO tender_locations (region_code, tender_id) VALUES (${q(loc)}, ${q(id)});`);
  }
  return lines;
}
