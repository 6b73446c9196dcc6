/**
 * Scopes a partner system can be granted. Routes declare the scope they need; the OpenAPI document lists them. Every
 * scope here is required by at least one route (test/integration/partners.test.ts): open data needs none.
 */
export const PARTNER_SCOPES = {
  'complaints:read': 'Membaca pengaduan (tanpa identitas pelapor anonim)',
  'complaints:write': 'Mencatat referensi dan status dari SP4N-LAPOR',
  'tenders:write': 'Menulis data lelang/pengadaan',
  'monitoring:read': 'Membaca skor dan tanda pemantauan wilayah',
} as const;
export type PartnerScope = keyof typeof PARTNER_SCOPES;
export const SCOPE_NAMES = Object.keys(PARTNER_SCOPES) as PartnerScope[];

/** A partner system authenticated by its bearer token (`c.get('partner')`). */
export interface PartnerPrincipal {
  id: string;
  name: string;
  scopes: PartnerScope[];
}
