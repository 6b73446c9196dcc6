import type { Action } from '../../regions/policy';
import { candidateRoots } from '../../regions/policy';
import type { Session } from '../accounts/session';

export interface AdminNavItem {
  href: string;
  label: string;
  /** Shown when the user may do this action somewhere. */
  action: Action;
}

/** The admin menu, in order. Each feature adds its entry here. */
export const ADMIN_NAV: AdminNavItem[] = [
  { href: '/admin', label: 'Beranda', action: 'dashboard.view' },
  { href: '/admin/wilayah', label: 'Wilayah & tahap', action: 'region.stage' },
  { href: '/admin/pengguna', label: 'Pengguna', action: 'user.manage' },
  { href: '/admin/mitra', label: 'Mitra API', action: 'partner.manage' },
  { href: '/admin/audit', label: 'Log audit', action: 'audit.read' },
];

export function navFor(session: Session): AdminNavItem[] {
  return ADMIN_NAV.filter((item) => candidateRoots(session.memberships, item.action).length > 0);
}
