/** Scopes a partner system can be granted. Routes declare the scope they need; the OpenAPI document lists them. */
export const PARTNER_SCOPES = {
  'regions:read': 'Membaca data wilayah',
  'complaints:read': 'Membaca pengaduan (tanpa identitas pelapor anonim)',
  'complaints:write': 'Mencatat referensi dan status dari SP4N-LAPOR',
  'tenders:write': 'Menulis data lelang/pengadaan',
  'monitoring:read': 'Membaca skor dan tanda pemantauan wilayah',
  'ppid:read': 'Membaca data permohonan informasi (tanpa identitas)',
} as const;
export type PartnerScope = keyof typeof PARTNER_SCOPES;
export const SCOPE_NAMES = Object.keys(PARTNER_SCOPES) as PartnerScope[];

/** A partner system authenticated by its bearer token (`c.get('partner')`). */
export interface PartnerPrincipal {
  id: string;
  name: string;
  scopes: PartnerScope[];
}
