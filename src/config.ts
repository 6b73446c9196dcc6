// The regency as configuration: everything that makes this deployment Kabupaten Kutai Timur rather than another
// regency lives here (the regions themselves are data: seed/regions/<code>.sql). Adopting the portal elsewhere means
// a new seed file and new values below — see the README, "Adopting the portal in another regency".
// Values that a deployment may change without a code change come from wrangler.toml [vars] and are resolved here too.

/** [minLng, minLat, maxLng, maxLat], WGS84 degrees. */
export type RegencyBbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface RegencyContact {
  /** Office that runs the portal (Diskominfo). */
  office: string;
  address: string;
  /** Empty until confirmed; empty fields are not shown. */
  phone: string;
  email: string;
  website: string;
}

export interface RegencyConfig {
  /** Kemendagri code of the regency: the root region of the region seed (seed/regions/<code>.sql). */
  code: string;
  /** Official name, as in the seed's root region. */
  name: string;
  /** Portal name when wrangler.toml leaves PORTAL_NAME empty. */
  portalName: string;
  /**
   * Box around the regency with a small margin (the data's own bbox is in the root region row): coordinates typed by
   * citizens outside it are refused, and uploaded boundaries must lie inside the root region's bbox.
   */
  bbox: RegencyBbox;
  /** Emblem in the header and the favicon: the path of an asset in public/. */
  emblem: string;
  /** Footer line of every page. */
  footer: string;
  /** `iss` of session and partner tokens (their audiences derive from it) and the HTTP auth realm. */
  tokenIssuer: string;
  contact: RegencyContact;
  /** LPSE (e-procurement) of the regency, for tender links. */
  lpseUrl: string;
}

export const REGENCY: Readonly<RegencyConfig> = {
  code: '64.08',
  name: 'Kabupaten Kutai Timur',
  portalName: 'Portal Kabupaten Kutai Timur',
  // The boundary data spans lng 115.968–118.989, lat 0.0225–1.868 (npm run seed:generate prints it).
  bbox: [115.9, 0.0, 119.0, 1.9],
  emblem: '/icons/logo.svg',
  footer: 'Dikelola oleh Dinas Komunikasi dan Informatika Kabupaten Kutai Timur bersama pemerintah kecamatan dan desa.',
  tokenIssuer: 'portal-kutim',
  contact: {
    office: 'Dinas Komunikasi dan Informatika Kabupaten Kutai Timur',
    address: 'Kompleks Perkantoran Pemerintah Kabupaten Kutai Timur, Bukit Pelangi, Sangatta',
    phone: '',
    email: '',
    website: 'https://kutaitimurkab.go.id',
  },
  lpseUrl: 'https://lpse.kutaitimurkab.go.id',
};

/** The portal's name: wrangler.toml PORTAL_NAME when set, else the regency's default. */
export function portalName(env: { PORTAL_NAME?: string }): string {
  return env.PORTAL_NAME?.trim() || REGENCY.portalName;
}

/** Audience of each kind of token, derived from the issuer so another regency's tokens never validate here. */
export function tokenAudience(use: 'session' | 'partner'): string {
  return `${REGENCY.tokenIssuer}-${use === 'session' ? 'admin' : 'api'}`;
}
