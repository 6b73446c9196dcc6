import type { Db } from '../../db/client';
import type { Action } from '../../regions/policy';
import { candidateRoots } from '../../regions/policy';
import type { Session } from '../accounts/session';
import { unreadCount } from '../monitoring/notifications-repo';

export interface AdminNavItem {
  href: string;
  label: string;
  /** Shown when the user may do this action (or one of these actions) somewhere. */
  action: Action | readonly Action[];
  /** Optional number after the label (e.g. unread notifications); `countLabel` is read by screen readers. */
  count?: (deps: { db: Db; userId: string }) => Promise<number>;
  countLabel?: string;
}

/** The admin menu, in order. Each feature adds its entry here. */
export const ADMIN_NAV: AdminNavItem[] = [
  { href: '/admin', label: 'Beranda', action: 'dashboard.view' },
  { href: '/admin/konten', label: 'Konten', action: 'content.draft' },
  { href: '/admin/dokumen', label: 'Dokumen', action: ['content.draft', 'content.review', 'document.declassify'] },
  { href: '/admin/pengaduan', label: 'Pengaduan', action: 'complaint.handle' },
  { href: '/admin/ppid', label: 'PPID', action: 'ppid.handle' },
  { href: '/admin/layanan', label: 'Layanan surat', action: 'letter.handle' },
  { href: '/admin/pemantauan', label: 'Pemantauan', action: 'monitoring.read' },
  { href: '/admin/wilayah', label: 'Wilayah & tahap', action: 'region.stage' },
  { href: '/admin/tempat', label: 'Tempat di peta', action: ['content.draft', 'content.review'] },
  { href: '/admin/pengguna', label: 'Pengguna', action: 'user.manage' },
  { href: '/admin/mitra', label: 'Mitra API', action: 'partner.manage' },
  { href: '/admin/kalender', label: 'Kalender libur', action: 'settings.manage' },
  { href: '/admin/audit', label: 'Log audit', action: 'audit.read' },
  { href: '/admin/notifikasi', label: 'Notifikasi', action: 'dashboard.view', count: unreadCount, countLabel: 'belum dibaca' },
];

export function navFor(session: Session): AdminNavItem[] {
  return ADMIN_NAV.filter((item) => ([] as Action[]).concat(item.action).some((a) => candidateRoots(session.memberships, a).length > 0));
}
