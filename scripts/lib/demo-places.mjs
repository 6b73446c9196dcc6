// Demo places (tempat) for the local portal: Desa Swarga Bara and Kecamatan Sangatta Utara. Plain data, no imports,
// so the test suite can check that every point lies inside its region's boundary (test/integration/geo-places.test.ts).
// Coordinates are plausible positions inside the simplified boundaries, not surveyed locations.

/** [id, regionCode, category, name, lat, lng, address, openingHours, contact, description] */
export const DEMO_PLACES = [
  ['demo-tempat-sb-01', '64.08.04.2012', 'kantor', 'Kantor Desa Swarga Bara', 0.5854, 117.4807,
    'Jl. Poros Swarga Bara', 'Senin–Jumat 08.00–16.00 WITA', 'kantor.swargabara@demo.kutimkab.go.id',
    'Pelayanan administrasi desa: surat keterangan, pengantar KTP/KK, dan informasi desa.'],
  ['demo-tempat-sb-02', '64.08.04.2012', 'sekolah', 'SD Negeri 001 Swarga Bara', 0.5880, 117.4850,
    'Jl. Pendidikan', 'Senin–Sabtu 07.00–12.30 WITA', '', 'Sekolah dasar negeri dengan 12 rombongan belajar.'],
  ['demo-tempat-sb-03', '64.08.04.2012', 'kesehatan', 'Posyandu Melati', 0.5830, 117.4760,
    'Balai RT 05', 'Selasa minggu kedua, 08.00–11.00 WITA', '', 'Penimbangan balita, imunisasi dan pemeriksaan lansia.'],
  ['demo-tempat-sb-04', '64.08.04.2012', 'ibadah', 'Masjid Al-Ikhlas Swarga Bara', 0.5900, 117.4790,
    'Jl. Masjid', '', '', ''],
  ['demo-tempat-sb-05', '64.08.04.2012', 'pasar', 'Pasar Desa Swarga Bara', 0.5790, 117.4880,
    'Jl. Poros Swarga Bara km 2', 'Setiap hari 06.00–12.00 WITA', '', 'Pasar pagi hasil kebun dan kebutuhan pokok.'],
  ['demo-tempat-su-01', '64.08.04', 'kantor', 'Kantor Camat Sangatta Utara', 0.5230, 117.5860,
    'Jl. Yos Sudarso, Sangatta', 'Senin–Jumat 07.30–16.00 WITA', '(0549) 000000', 'Pelayanan PATEN kecamatan.'],
  ['demo-tempat-su-02', '64.08.04', 'kesehatan', 'Puskesmas Sangatta Utara', 0.5210, 117.5900,
    'Jl. Soekarno-Hatta, Sangatta', 'Senin–Sabtu 08.00–14.00 WITA; UGD 24 jam', '(0549) 000001', 'Poli umum, KIA, gigi dan UGD.'],
  ['demo-tempat-su-03', '64.08.04', 'pasar', 'Pasar Induk Sangatta', 0.5250, 117.5820,
    'Jl. Pasar Baru, Sangatta', 'Setiap hari 05.00–17.00 WITA', '', ''],
  ['demo-tempat-su-04', '64.08.04', 'sekolah', 'SMA Negeri 1 Sangatta Utara', 0.5270, 117.5950,
    'Jl. Pendidikan, Sangatta', 'Senin–Jumat 07.00–15.00 WITA', '', ''],
  ['demo-tempat-su-05', '64.08.04', 'wisata', 'Taman Kota Sangatta', 0.5190, 117.5800,
    'Jl. APT Pranoto, Sangatta', 'Setiap hari 06.00–22.00 WITA', '', 'Ruang terbuka hijau untuk keluarga.'],
];
