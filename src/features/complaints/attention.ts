import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { formatDate } from '../../lib/time';
import { addWorkingDays } from '../../lib/working-days';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { handlerRoots } from './handling';
import { STATUS_LABELS } from './labels';
import { countForHandler, listForHandler } from './repo';

const SHOWN = 6;

/**
 * "Perlu tindakan" for complaint handlers: reports past their deadline (urgent) or due by the end of the next working
 * day (warn), earliest first; then how many new reports wait for verification. Titles only, never reporters.
 */
export const complaintAttention: AttentionProvider = async ({ db, now }, session) => {
  const roots = handlerRoots(session.memberships);
  if (roots.length === 0) return [];
  const cal = await loadHolidayCalendar(db);
  const horizon = addWorkingDays(now, 1, cal);
  const [near, waiting] = await Promise.all([
    listForHandler(db, { roots, statuses: ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti'], dueBefore: horizon, limit: 50 }),
    countForHandler(db, { roots, statuses: ['diterima'] }),
  ]);
  const items: AttentionItem[] = near.slice(0, SHOWN).map((r) => {
    const late = r.dueAt !== null && r.dueAt < now;
    return {
      label: `Pengaduan ${r.ticket}: ${r.title}`,
      href: `/admin/pengaduan/${r.id}`,
      tone: late ? 'urgent' : 'warn',
      detail: `${STATUS_LABELS[r.status]} · ${late ? 'lewat tenggat' : 'tenggat'} ${r.dueAt ? formatDate(r.dueAt) : ''}`.trim(),
    };
  });
  if (near.length > SHOWN) {
    items.push({ label: `${near.length - SHOWN} pengaduan lain mendekati atau lewat tenggat`, href: '/admin/pengaduan?tenggat=lewat', tone: 'warn' });
  }
  if (waiting > 0) items.push({ label: `${waiting} pengaduan baru menunggu verifikasi`, href: '/admin/pengaduan?status=diterima', tone: 'info' });
  return items;
};
