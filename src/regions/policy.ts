import type { ManagementStage, Role } from '../db/schema';
import { isWithin, levelOfCode } from './codes';

/**
 * THE access policy: "may this actor do this action on this region?". Every admin route and every service call asks
 * here; nothing else decides. Pure (no HTTP, no storage) so the whole matrix is tested in test/unit/policy.test.ts.
 *
 * Rules:
 * - diskominfo: everything within its membership region (normally the whole regency).
 * - operator_kecamatan / operator_desa: their own region only. Stages govern PUBLISHING only: in every stage an
 *   operator prepares public content (posts, documents, places) and submits it for review; only in `mandiri` does it
 *   publish directly. In `diskominfo` and `pendampingan` a reviewer publishes: Diskominfo always, and a kecamatan
 *   operator for its villages in `pendampingan`. The kecamatan operator also sees its villages' monitoring flags; it
 *   never writes a village's content.
 * - Public content = posts, documents and places alike ("content.*" rights; the workflow in src/publishing/).
 *   Moving a document out of `dikecualikan` (declassifying) is Diskominfo's or the PPID's decision alone
 *   (`document.declassify`), with the consequence test recorded.
 * - Letters (`letter.handle`): the operator of a desa/kelurahan serves its own region's letters, the kecamatan
 *   operator the kecamatan's own services (legalisasi, rekomendasi) — never a village's — in every stage; Diskominfo
 *   everywhere.
 * - ppid / penanganan_pengaduan: handle requests/complaints in their region and its descendants (a kecamatan officer
 *   receives what escalates from its villages); nothing else.
 * - Regency procurement packages (SPSE/SiRUP, `tender.regency`): Diskominfo and the accounts it names with the role
 *   `pengelola_pengadaan` (normally on the regency) enter and import them; no operator ever does. Village procurement
 *   is public content like posts (the `content.*` rights and the publishing workflow).
 * A desa membership never reaches another desa (sibling), and no local role reaches a parent region.
 */
export const ACTIONS = [
  'content.draft', // create/edit own drafts and submit them
  'content.publish', // publish/unpublish without review
  'content.review', // approve/reject submitted content
  'document.declassify', // move a document out of `dikecualikan` (with a recorded consequence test)
  'complaint.handle',
  'ppid.handle',
  'letter.handle', // administrative letters of the region (layanan): process, number, sign, revoke
  'ppid.objection.decide', // atasan PPID
  'tender.regency', // enter, import and edit the regency's procurement packages (SPSE/SiRUP)
  'monitoring.read',
  'region.stage',
  'region.boundary',
  'user.manage',
  'audit.read',
  'partner.manage',
  'settings.manage', // holiday calendar, categories, thresholds
  'site.migrate', // the old sites: host names, content import, old links (issue 18)
  'system.status', // the deployment's status page: job runs, failed purges, queued work, storage
  'personal_data.erase', // erase a citizen's identity from complaints, PPID requests and letters (UU 27/2022)
  'dashboard.view',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Membership {
  role: Role;
  regionCode: string;
}

export interface RegionTarget {
  code: string;
  stage: ManagementStage;
}

/** Regency-level actions: only Diskominfo, anywhere in its region. */
const DISKOMINFO_ONLY = new Set<Action>([
  'region.stage',
  'region.boundary',
  'user.manage',
  'audit.read',
  'partner.manage',
  'settings.manage',
  'ppid.objection.decide',
  'site.migrate',
  'system.status',
  'personal_data.erase',
]);

function operatorAllows(action: Action, stage: ManagementStage): boolean {
  switch (action) {
    case 'dashboard.view':
    case 'monitoring.read':
    case 'content.draft':
      return true; // preparing content is open in every stage; a reviewer publishes it until the region is mandiri
    case 'letter.handle':
      return true; // serving citizens is decided by role and region, never by the publishing stage
    case 'content.publish':
      return stage === 'mandiri';
    default:
      return false;
  }
}

/** True when some stage lets an operator do the action in its own region (ppid.handle / complaint.handle: never). */
function operatorMayEver(action: Action): boolean {
  return operatorAllows(action, 'pendampingan') || operatorAllows(action, 'mandiri');
}

const PPID_ACTIONS = ['ppid.handle', 'document.declassify', 'dashboard.view', 'monitoring.read'] as const;
const PROCUREMENT_ACTIONS = ['tender.regency', 'dashboard.view'] as const;

/** Decision for one membership. */
export function membershipAllows(m: Membership, action: Action, target: RegionTarget): boolean {
  const own = m.regionCode === target.code;
  const inSubtree = isWithin(target.code, m.regionCode);
  switch (m.role) {
    case 'diskominfo':
      return inSubtree;
    case 'operator_desa':
      return own && levelOfCode(m.regionCode) !== 'kabupaten' && !DISKOMINFO_ONLY.has(action) && operatorAllows(action, target.stage);
    case 'operator_kecamatan': {
      if (DISKOMINFO_ONLY.has(action)) return false;
      if (own) return operatorAllows(action, target.stage);
      const isChild = inSubtree && !own;
      if (!isChild) return false;
      if (action === 'content.review') return target.stage === 'pendampingan';
      return action === 'monitoring.read' || action === 'dashboard.view';
    }
    case 'ppid':
      return inSubtree && (PPID_ACTIONS as readonly Action[]).includes(action);
    case 'penanganan_pengaduan':
      return inSubtree && (action === 'complaint.handle' || action === 'dashboard.view');
    case 'pengelola_pengadaan':
      return inSubtree && (PROCUREMENT_ACTIONS as readonly Action[]).includes(action);
  }
}

export function can(memberships: readonly Membership[], action: Action, target: RegionTarget): boolean {
  return memberships.some((m) => membershipAllows(m, action, target));
}

/**
 * Region subtrees where an action MAY be allowed (before the per-row stage check): used to narrow list queries.
 * A row from outside these roots is never shown (404, not 403).
 */
export function candidateRoots(memberships: readonly Membership[], action: Action): string[] {
  const roots = new Set<string>();
  for (const m of memberships) {
    const reaches =
      m.role === 'diskominfo' ||
      (m.role === 'ppid' && (PPID_ACTIONS as readonly Action[]).includes(action)) ||
      (m.role === 'penanganan_pengaduan' && ['complaint.handle', 'dashboard.view'].includes(action)) ||
      (m.role === 'pengelola_pengadaan' && (PROCUREMENT_ACTIONS as readonly Action[]).includes(action)) ||
      (m.role === 'operator_kecamatan' && !DISKOMINFO_ONLY.has(action) && (operatorMayEver(action) || action === 'content.review')) ||
      (m.role === 'operator_desa' && !DISKOMINFO_ONLY.has(action) && operatorMayEver(action));
    if (reaches) roots.add(m.regionCode);
  }
  // Drop roots covered by another root.
  return [...roots].filter((r) => ![...roots].some((o) => o !== r && isWithin(r, o)));
}
