import { and, count, eq, inArray } from 'drizzle-orm';
import { letterRequests } from '../../db/schema';
import { formatDate } from '../../lib/time';
import { addWorkingDays } from '../../lib/working-days';
import { inSubtrees } from '../../regions/sql';
import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { openLetterDeadlines } from './deadlines';
import { letterRoots } from './officer';

const SHOWN = 6;

/**
 * "Perlu tindakan" for letter officers: requests the office holds past their service time (urgent) or due by the
 * end of the next working day (warn), earliest first; then how many new requests wait. Tracking numbers only.
 */
export const letterAttention: AttentionProvider = async ({ db, now }, session) => {
  const roots = letterRoots(session.memberships);
  if (roots.length === 0) return [];
  const cal = await loadHolidayCalendar(db);
  const near = (await openLetterDeadlines(db, { horizon: addWorkingDays(now, 1, cal) })).filter((i) =>
    roots.some((r) => i.regionCode === r || i.regionCode.startsWith(`${r}.`)),
  );
  const waiting = await db
    .select({ n: count() })
    .from(letterRequests)
    .where(and(inSubtrees(letterRequests.regionCode, roots), inArray(letterRequests.status, ['diajukan']), eq(letterRequests.isDemo, false)))
    .get();
  const items: AttentionItem[] = near.slice(0, SHOWN).map((i) => {
    const late = i.dueAt < now;
    return {
      label: `Surat ${i.reference}: ${i.kind}`,
      href: i.adminHref,
      tone: late ? 'urgent' : 'warn',
      detail: `${late ? 'lewat tenggat' : 'tenggat'} ${formatDate(i.dueAt)}`,
    };
  });
  if (near.length > SHOWN)
    items.push({ label: `${near.length - SHOWN} permohonan surat lain mendekati atau lewat tenggat`, href: '/admin/layanan', tone: 'warn' });
  if ((waiting?.n ?? 0) > 0)
    items.push({ label: `${waiting!.n} permohonan surat baru menunggu diperiksa`, href: '/admin/layanan?status=diajukan', tone: 'info' });
  return items;
};
