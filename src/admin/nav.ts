import type { Session } from '../auth/actor';
import type { Db } from '../db/client';
import type { Action } from '../regions/policy';
import { candidateRoots } from '../regions/policy';

export interface AdminNavItem {
  href: string;
  label: string;
  /** Shown when the user may do this action (or one of these actions) somewhere. */
  action: Action | readonly Action[];
  /** Position in the menu, lowest first (the home is 0; features use steps of 10 so entries can go between). */
  order: number;
  /** Optional number after the label (e.g. unread notifications); `countLabel` is read by screen readers. */
  count?: (deps: { db: Db; userId: string }) => Promise<number>;
  countLabel?: string;
}

/** The shell's own entry; features add theirs through their descriptor (`adminNav`). */
export const HOME_NAV_ITEM: AdminNavItem = { href: '/admin', label: 'Beranda', action: 'dashboard.view', order: 0 };

/** The menu in order, with the entries this user may use. */
export function navFor(items: readonly AdminNavItem[], session: Session): AdminNavItem[] {
  return items.filter((item) => ([] as Action[]).concat(item.action).some((a) => candidateRoots(session.memberships, a).length > 0));
}
