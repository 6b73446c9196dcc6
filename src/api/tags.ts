/** The groups of the API reference, in display order. A new area adds one line here and uses its key as `tag`. */
export const API_TAGS = {
  Wilayah: 'Regions (Kemendagri codes): the kabupaten, its kecamatan and desa/kelurahan.',
  Konten: 'Published news, announcements, agenda and fixed pages.',
  Dokumen: 'Public documents (SOP, LKJIP, Renstra, APBDes, …) and their versions.',
  Pengaduan: 'Complaints and aspirations (SP4N-LAPOR style), the partner changes feed and the SP4N-LAPOR bridge.',
  PPID: 'Public information requests (Perki 1/2021) and the Daftar Informasi Publik.',
  Layanan: 'Administrative letters (layanan surat).',
  Lelang: 'Tenders and procurement.',
  Peta: 'GeoJSON (RFC 7946): region boundaries, places and map layers.',
  Pemantauan: 'Monitoring flags and scores of every region.',
  OAuth: 'OAuth 2.0 for partner systems: discovery (RFC 8414), the client-credentials grant, revocation and introspection.',
  Meta: 'This API description itself.',
} as const;
export type ApiTag = keyof typeof API_TAGS;
