import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import { monitoringFlags } from '../../db/schema';
import { formatDate, formatWeekdayDate } from '../../lib/time';
import { selfAndAncestors } from '../../regions/codes';
import { regionTitle } from '../../regions/labels';
import type { Membership } from '../../regions/policy';
import type { AttentionItem, AttentionProvider } from '../../admin/attention';
import { inSubtrees } from '../../regions/sql';
import { concerns } from './audience';
import { stateLabel } from './labels';
import { candidateFlagsFor, countEscalated, countStale } from './repo';

const MAX_ITEMS = 15;

/**
 * SQL narrowing of the open flags that may concern one membership on the dashboard (audience.ts `concerns` decides
 * exactly). Deadline flags appear here for operators only (the escalation path: a village's own items, a kecamatan's
 * past-due village items): handlers and Diskominfo already get every deadline from the complaints and PPID
 * providers, so repeating them would only double the list. They still receive the notifications.
 */
function membershipCondition(m: Membership): SQL | undefined {
  const own = eq(monitoringFlags.regionCode, m.regionCode);
  switch (m.role) {
    case 'operator_desa':
    case 'operator_kecamatan':
      return or(
        own,
        and(
          eq(monitoringFlags.kind, 'tenggat'),
          inArray(monitoringFlags.audienceCode, selfAndAncestors(m.regionCode)),
          inSubtrees(monitoringFlags.regionCode, [m.regionCode]),
        ),
      );
    case 'diskominfo':
      return and(own, ne(monitoringFlags.kind, 'tenggat'));
    case 'ppid':
      return and(own, eq(monitoringFlags.source, 'profil_ppid'));
    case 'penanganan_pengaduan':
    case 'pengelola_pengadaan':
      return undefined;
  }
}

const shownOnDashboard = (m: Membership, kind: string) => kind !== 'tenggat' || m.role === 'operator_desa' || m.role === 'operator_kecamatan';

function toneOf(state: string): AttentionItem['tone'] {
  return state === 'lewat' || state === 'lewat_lama' || state === 'usang' ? 'urgent' : 'warn';
}

/**
 * Dashboard "Perlu tindakan": the user's own monitoring flags, each linking to the page where it is fixed, most urgent
 * first; Diskominfo also gets one line with the number of `usang` regions (the monitoring page lists them).
 */
export const monitoringAttention: AttentionProvider = async ({ db }, session) => {
  const conditions: SQL[] = [];
  for (const m of session.memberships) {
    const c = membershipCondition(m);
    if (c) conditions.push(c);
  }
  const diskominfoRoots = session.memberships.filter((m) => m.role === 'diskominfo').map((m) => m.regionCode);
  const [rows, stale, escalated] = await Promise.all([
    candidateFlagsFor(db, conditions),
    diskominfoRoots.length ? countStale(db, diskominfoRoots) : Promise.resolve(0),
    diskominfoRoots.length ? countEscalated(db, diskominfoRoots) : Promise.resolve(0),
  ]);
  const items: AttentionItem[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.flag.id) || !session.memberships.some((m) => shownOnDashboard(m, r.flag.kind) && concerns(m, r.flag, r.stage))) continue;
    seen.add(r.flag.id);
    const when =
      r.flag.kind === 'tenggat' && r.flag.subjectAt !== null
        ? ` · batas waktu ${formatWeekdayDate(r.flag.subjectAt)}`
        : r.flag.kind === 'kesegaran'
          ? r.flag.subjectAt !== null
            ? ` · terakhir ${formatDate(r.flag.subjectAt)}`
            : ''
          : '';
    items.push({
      label: `${r.flag.title} — ${regionTitle({ level: r.regionLevel, name: r.regionName })}`,
      href: r.flag.href,
      tone: toneOf(r.flag.state),
      detail: `${stateLabel(r.flag.state)}${when}`,
    });
  }
  const shown = items.slice(0, MAX_ITEMS);
  if (items.length > MAX_ITEMS) shown.push({ label: `${items.length - MAX_ITEMS} tanda pemantauan lainnya`, href: '/admin/pemantauan', tone: 'info' });
  if (escalated > 0) {
    shown.push({
      label: `${escalated} pengaduan/permohonan lama lewat batas waktu, diteruskan ke Diskominfo`,
      href: '/admin/pemantauan?urut=tenggat',
      tone: 'urgent',
      detail: 'Kecamatan sudah diberi tahu; belum juga ditangani.',
    });
  }
  if (stale > 0)
    shown.push({
      label: `${stale} wilayah berstatus usang`,
      href: '/admin/pemantauan?kesegaran=usang',
      tone: 'warn',
      detail: 'Konten wilayah ini belum diperbarui melewati batas usang.',
    });
  return shown;
};
