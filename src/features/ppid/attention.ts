import { addWorkingDays } from '../../lib/working-days';
import { candidateRoots } from '../../regions/policy';
import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { attentionCounts, loadCalendar } from './repo';

/** "Perlu tindakan" on the admin home: requests near or over their due date, objections waiting for the atasan PPID. */
export const ppidAttention: AttentionProvider = async ({ db, now }, session) => {
  const roots = candidateRoots(session.memberships, 'ppid.handle');
  if (roots.length === 0) return [];
  const cal = await loadCalendar(db);
  const counts = await attentionCounts(db, roots, now, addWorkingDays(now, 2, cal));
  if (!counts) return [];
  const items: AttentionItem[] = [];
  if (counts.overdue > 0) {
    items.push({
      tone: 'urgent',
      label: `${counts.overdue} permohonan informasi melewati batas waktu`,
      href: '/admin/ppid',
      detail: 'UU 14/2008: jawaban paling lambat 10 hari kerja (+7 bila diperpanjang).',
    });
  }
  if (counts.nearDue > 0) {
    items.push({ tone: 'warn', label: `${counts.nearDue} permohonan informasi jatuh tempo dalam 2 hari kerja`, href: '/admin/ppid' });
  }
  if (counts.objections > 0) {
    items.push({
      tone: counts.objectionsOverdue > 0 ? 'urgent' : 'warn',
      label: `${counts.objections} keberatan menunggu putusan atasan PPID`,
      href: '/admin/ppid?status=keberatan',
      detail: counts.objectionsOverdue > 0 ? `${counts.objectionsOverdue} di antaranya melewati 30 hari kerja.` : undefined,
    });
  }
  return items;
};
