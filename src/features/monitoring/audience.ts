import type { FlagKind, ManagementStage } from '../../db/schema';
import { isWithin } from '../../regions/codes';
import type { Membership } from '../../regions/policy';

/** The parts of a flag that decide who is told about it. */
export interface FlagAudience {
  regionCode: string;
  audienceCode: string;
  kind: FlagKind | string;
  source: string | null;
}

/**
 * Does this flag concern this membership (its dashboard list and its notifications)? Pure; one rule for both.
 *
 * - Deadlines escalate upward: a flag's `audience_code` is the item's region while it is near its deadline, the
 *   parent region (kecamatan) once past due, and the regency (Diskominfo) once long past due. Officers of every
 *   region from the item's region up to the audience are concerned (operators and Diskominfo on that path).
 *   The handlers of the item's kind (PPID for requests/objections, complaint handlers for complaints, procurement
 *   managers for regency packages that need an update) whose region
 *   covers the item are always concerned: it is theirs to answer.
 * - Content flags (freshness, checklist) concern the region's own operators, and only when its stage lets them
 *   write (in stage `diskominfo` Diskominfo runs the site); a missing PPID profile concerns the region's PPID.
 *   Diskominfo gets content flags of its own region; for all others it reads the monitoring page and the digest.
 */
export function concerns(m: Membership, flag: FlagAudience, stage: ManagementStage): boolean {
  const onPath = isWithin(flag.regionCode, m.regionCode) && isWithin(m.regionCode, flag.audienceCode);
  const covers = isWithin(flag.regionCode, m.regionCode);
  const own = flag.regionCode === m.regionCode;
  switch (m.role) {
    case 'diskominfo':
      return flag.kind === 'tenggat' ? onPath : own;
    case 'operator_desa':
    case 'operator_kecamatan':
      if (flag.kind === 'tenggat') return onPath;
      return own && flag.source !== 'profil_ppid' && stage !== 'diskominfo';
    case 'ppid':
      if (flag.kind === 'tenggat') return covers && (flag.source === 'ppid' || flag.source === 'keberatan');
      return own && flag.source === 'profil_ppid';
    case 'penanganan_pengaduan':
      return flag.kind === 'tenggat' && flag.source === 'pengaduan' && covers;
    case 'pengelola_pengadaan':
      return flag.kind === 'tenggat' && flag.source === 'lelang' && covers;
  }
}
