import type { ManagementStage, Role } from '../db/schema';
import { isWithin, levelOfCode } from './codes';

/**
 * THE access policy: "may this actor do this action on this region?". Every admin route and every service call asks
 * here; nothing else decides. Pure (no HTTP, no storage) so the whole matrix is tested in test/unit/policy.test.ts.
 *
 * Rules:
 * - diskominfo: everything within its membership region (normally the whole regency).
 * - operator_kecamatan / operator_desa: their own region only, and only as the region's management stage allows:
 *   stage `diskominfo` → nothing (Diskominfo runs the site); `pendampingan` → draft and submit for review;
 *   `mandiri` → publish directly. A kecamatan operator may also REVIEW (approve/reject) content of its villages that
 *   are in `pendampingan`, and sees its villages' monitoring flags; it never writes a village's content.
 * - ppid / penanganan_pengaduan: handle requests/complaints in their region and its descendants (a kecamatan officer
 *   receives what escalates from its villages); nothing else.
 * A desa membership never reaches another desa (sibling), and no local role reaches a parent region.
 */
export const ACTIONS = [
  'content.draft', // create/edit own drafts and submit them
  'content.publish', // publish/unpublish without review
  'content.review', // approve/reject submitted content
  'document.manage',
  'place.manage',
  'complaint.handle',
  'ppid.handle',
  'ppid.objection.decide', // atasan PPID
  'monitoring.read',
  'region.stage',
  'region.boundary',
  'region.profile',
  'user.manage',
  'audit.read',
  'partner.manage',
  'settings.manage', // holiday calendar, categories, thresholds
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
const DISKOMINFO_ONLY = new Set<Action>(['region.stage', 'region.boundary', 'user.manage', 'audit.read', 'partner.manage', 'settings.manage', 'ppid.objection.decide']);

function operatorAllows(action: Action, stage: ManagementStage): boolean {
  if (action === 'dashboard.view' || action === 'monitoring.read') return true;
  if (stage === 'diskominfo') return false;
  switch (action) {
    case 'content.draft':
    case 'document.manage':
    case 'place.manage':
    case 'region.profile':
      return true; // in pendampingan these changes go through review (content) or are audited and reversible
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
      return inSubtree && (action === 'ppid.handle' || action === 'dashboard.view' || action === 'monitoring.read');
    case 'penanganan_pengaduan':
      return inSubtree && (action === 'complaint.handle' || action === 'dashboard.view');
  }
}

export function can(memberships: readonly Membership[], action: Action, target: RegionTarget): boolean {
  return memberships.some((m) => membershipAllows(m, action, target));
}

export function isDiskominfo(memberships: readonly Membership[]): boolean {
  return memberships.some((m) => m.role === 'diskominfo');
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
      (m.role === 'ppid' && ['ppid.handle', 'dashboard.view', 'monitoring.read'].includes(action)) ||
      (m.role === 'penanganan_pengaduan' && ['complaint.handle', 'dashboard.view'].includes(action)) ||
      (m.role === 'operator_kecamatan' && !DISKOMINFO_ONLY.has(action) && (operatorMayEver(action) || action === 'content.review')) ||
      (m.role === 'operator_desa' && !DISKOMINFO_ONLY.has(action) && operatorMayEver(action));
    if (reaches) roots.add(m.regionCode);
  }
  // Drop roots covered by another root.
  return [...roots].filter((r) => ![...roots].some((o) => o !== r && isWithin(r, o)));
}
