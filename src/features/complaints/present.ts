/**
 * THE privacy boundary of complaints: one view function per audience, used by every page, fragment, export and API
 * response. Nothing renders a ComplaintRow directly.
 *
 * - public:   content only when the report is not `rahasia`, has been verified and was not refused/archived; never
 *             the reporter's identity, internal or reporter-only notes, photos or handler names.
 * - reporter: everything about their own report (with the private code), except handlers' internal notes and names.
 * - handler:  everything needed to handle it, but an `anonim` reporter's identity is stripped.
 * - partner:  like handler without internal notes and handler names; `anonim` identity stripped.
 */
import type {
  ComplaintAttachmentRow,
  ComplaintEventRow,
  ComplaintExternalRefRow,
  ComplaintRatingRow,
  ComplaintRow,
  ComplaintStatus,
  RegionLevel,
} from '../../db/schema';
import { regionTitle } from '../../regions/labels';
import { CLASSIFICATION_LABELS, STATUS_HINTS, STATUS_LABELS } from './labels';
import { publicLocation } from './location';
import { allowedActions, type ActionType } from './status-machine';
import { machineStateOf } from './store';

export interface RegionLabel {
  code: string;
  name: string;
  level: RegionLevel;
  path: string;
}

export interface ComplaintBundle {
  complaint: ComplaintRow;
  events: ComplaintEventRow[];
  attachments: ComplaintAttachmentRow[];
  ratings: ComplaintRatingRow[];
  refs: ComplaintExternalRefRow[];
  categoryName: string;
  regions: Map<string, RegionLabel>;
}

export type HiddenReason = 'rahasia' | 'belum_diverifikasi' | 'tidak_diproses';

/** Why the public may not read a report's content, or null when it may. Mirrors repo.publiclyListed(). */
export function publicHiddenReason(c: Pick<ComplaintRow, 'isConfidential' | 'verifiedAt' | 'status'>): HiddenReason | null {
  if (c.isConfidential) return 'rahasia';
  if (c.status === 'ditolak' || c.status === 'diarsipkan') return 'tidak_diproses';
  if (c.verifiedAt === null) return 'belum_diverifikasi';
  return null;
}

/**
 * Whether a change from `before` to `after` changes anything the public sees (list, figures, map, cached pages): only
 * a report that was or becomes verified is public output. Purging the page cache for anything else only costs.
 */
export function changesPublicOutput(before: Pick<ComplaintRow, 'verifiedAt'> | null, after: Pick<ComplaintRow, 'verifiedAt'>): boolean {
  return (before?.verifiedAt ?? null) !== null || after.verifiedAt !== null;
}

export function eventLabel(e: Pick<ComplaintEventRow, 'kind' | 'toStatus'>): string {
  switch (e.kind) {
    case 'dibuat':
      return 'Laporan diterima';
    case 'diteruskan':
      return 'Diteruskan ke wilayah lain';
    case 'info':
      return 'Pelapor menambahkan informasi';
    case 'penilaian':
      return 'Pelapor memberi penilaian';
    case 'referensi':
      return 'Dicatat di SP4N-LAPOR';
    default:
      return e.toStatus ? STATUS_LABELS[e.toStatus] : 'Perubahan';
  }
}

function regionOf(b: ComplaintBundle, code: string | null) {
  const r = code ? b.regions.get(code) : undefined;
  return r ? { code: r.code, name: r.name, path: r.path, title: regionTitle(r) } : code ? { code, name: code, path: '', title: code } : null;
}

const statusOf = (status: ComplaintStatus) => ({ status, statusLabel: STATUS_LABELS[status], statusHint: STATUS_HINTS[status] });

function contentOf(b: ComplaintBundle) {
  const c = b.complaint;
  return {
    classification: c.classification,
    classificationLabel: CLASSIFICATION_LABELS[c.classification],
    categoryId: c.categoryId,
    category: b.categoryName,
    title: c.title,
    description: c.description,
    region: regionOf(b, c.originRegionCode)!,
    place: c.place,
    lat: c.lat,
    lng: c.lng,
  };
}

const publicPoint = (p: { lat: number | null; lng: number | null }) => ({ lat: p.lat, lng: p.lng });

export interface TimelineItem {
  seq: number;
  at: number;
  label: string;
  actor: string;
  notes: string[];
}

export function toPublicView(b: ComplaintBundle) {
  const c = b.complaint;
  const hiddenReason = publicHiddenReason(c);
  const visible = hiddenReason === null;
  return {
    audience: 'public' as const,
    ticket: c.ticket,
    ...statusOf(c.status),
    createdAt: c.createdAt,
    hiddenReason,
    content: visible
      ? {
          ...contentOf(b),
          ...publicPoint(publicLocation(c)),
          updatedAt: c.updatedAt,
          timeline: b.events.map(
            (e): TimelineItem => ({ seq: e.seq, at: e.at, label: eventLabel(e), actor: e.actorLabel, notes: e.notePublic ? [e.notePublic] : [] }),
          ),
        }
      : null,
  };
}
export type PublicComplaintView = ReturnType<typeof toPublicView>;

function attachmentsOf(b: ComplaintBundle) {
  return b.attachments.map((a) => ({ id: a.id, mime: a.mime, width: a.width, height: a.height, size: a.size, createdAt: a.createdAt, eventSeq: a.eventSeq }));
}

function deadlinesOf(c: ComplaintRow) {
  return {
    verifyDueAt: c.verifyDueAt,
    followupDueAt: c.followupDueAt,
    autocloseAt: c.autocloseAt,
    reopenUntil: c.reopenUntil,
    dueAt: c.dueAt,
    finishedAt: c.finishedAt,
  };
}

const refsOf = (b: ComplaintBundle) =>
  b.refs.map((r) => ({ system: r.system, externalId: r.externalId, externalStatus: r.externalStatus, updatedAt: r.updatedAt }));
const currentRating = (b: ComplaintBundle) => b.ratings.find((r) => r.round === b.complaint.round) ?? null;

export function toReporterView(b: ComplaintBundle, now: number) {
  const c = b.complaint;
  const rating = currentRating(b);
  return {
    audience: 'reporter' as const,
    ticket: c.ticket,
    ...statusOf(c.status),
    ...contentOf(b),
    anonymous: c.isAnonymous,
    confidential: c.isConfidential,
    reporter: { name: c.reporterName, phone: c.reporterPhone, email: c.reporterEmail },
    unit: c.unit,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...deadlinesOf(c),
    timeline: b.events.map(
      (e): TimelineItem => ({
        seq: e.seq,
        at: e.at,
        label: eventLabel(e),
        actor: e.actorLabel,
        notes: [e.notePublic, e.noteReporter].filter((n): n is string => !!n),
      }),
    ),
    attachments: attachmentsOf(b),
    rating: rating ? { score: rating.score, comment: rating.comment, createdAt: rating.createdAt } : null,
    externalRefs: refsOf(b),
    actions: allowedActions(machineStateOf(c, rating !== null), 'pelapor', now),
  };
}
export type ReporterComplaintView = ReturnType<typeof toReporterView>;

/** Identity for handlers and partners: nothing at all for an anonymous report. */
function identityOf(c: ComplaintRow) {
  return c.isAnonymous
    ? { anonymous: true as const, name: null, phone: null, email: null }
    : { anonymous: false as const, name: c.reporterName, phone: c.reporterPhone, email: c.reporterEmail };
}

/**
 * Identity for partners (who may forward it to SP4N-LAPOR): only with the reporter's recorded consent, never for an
 * anonymous report. An anonymous reporter's exact point is snapped like the public's (it can point at their house).
 */
function partnerIdentityOf(c: ComplaintRow) {
  const consent = !c.isAnonymous && c.identityConsentAt !== null;
  return consent
    ? { anonymous: false, forward_consent: true, name: c.reporterName, phone: c.reporterPhone, email: c.reporterEmail }
    : { anonymous: c.isAnonymous, forward_consent: false, name: null, phone: null, email: null };
}

export interface HandlerTimelineItem extends TimelineItem {
  actorName: string | null;
  notePublic: string | null;
  noteReporter: string | null;
  noteInternal: string | null;
  targetRegion: ReturnType<typeof regionOf>;
}

export function toHandlerView(b: ComplaintBundle, now: number) {
  const c = b.complaint;
  return {
    audience: 'handler' as const,
    id: c.id,
    ticket: c.ticket,
    version: c.version,
    ...statusOf(c.status),
    ...contentOf(b),
    handlingRegion: regionOf(b, c.regionCode)!,
    unit: c.unit,
    confidential: c.isConfidential,
    reporter: identityOf(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    receivedAt: c.receivedAt,
    ...deadlinesOf(c),
    onTime: c.onTime,
    round: c.round,
    isDemo: c.isDemo,
    timeline: [...b.events].reverse().map(
      (e): HandlerTimelineItem => ({
        seq: e.seq,
        at: e.at,
        label: eventLabel(e),
        actor: e.actorLabel,
        actorName: e.actorName,
        notes: [e.notePublic, e.noteReporter, e.noteInternal].filter((n): n is string => !!n),
        notePublic: e.notePublic,
        noteReporter: e.noteReporter,
        noteInternal: e.noteInternal,
        targetRegion: regionOf(b, e.targetRegionCode),
      }),
    ),
    attachments: attachmentsOf(b),
    ratings: b.ratings.map((r) => ({ round: r.round, score: r.score, comment: r.comment, createdAt: r.createdAt })),
    externalRefs: refsOf(b),
    actions: allowedActions(machineStateOf(c, currentRating(b) !== null), 'petugas', now) as ActionType[],
  };
}
export type HandlerComplaintView = ReturnType<typeof toHandlerView>;

export function toPartnerView(b: ComplaintBundle) {
  const c = b.complaint;
  const rating = currentRating(b);
  return {
    audience: 'partner' as const,
    ticket: c.ticket,
    ...statusOf(c.status),
    ...contentOf(b),
    ...(c.isAnonymous ? publicPoint(publicLocation(c)) : {}),
    handlingRegion: regionOf(b, c.regionCode)!,
    unit: c.unit,
    confidential: c.isConfidential,
    channel: c.channel,
    reporter: partnerIdentityOf(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...deadlinesOf(c),
    onTime: c.onTime,
    timeline: b.events.map(
      (e): TimelineItem => ({
        seq: e.seq,
        at: e.at,
        label: eventLabel(e),
        actor: e.actorLabel,
        notes: [e.notePublic, e.noteReporter].filter((n): n is string => !!n),
      }),
    ),
    attachmentCount: b.attachments.length,
    rating: rating ? { score: rating.score, comment: rating.comment } : null,
    externalRefs: refsOf(b),
  };
}
export type PartnerComplaintView = ReturnType<typeof toPartnerView>;

/** A row of the handler list or export: no identity columns exist in the list query at all. */
export function handlerListItem(r: {
  id: string;
  ticket: string;
  title: string;
  status: ComplaintStatus;
  classification: ComplaintRow['classification'];
  categoryId: string;
  isAnonymous: boolean;
  isConfidential: boolean;
  dueAt: number | null;
  onTime: boolean;
  unit: string | null;
  createdAt: number;
  regionName: string;
  regionLevel: RegionLevel;
  regionPath: string;
}) {
  return {
    id: r.id,
    ticket: r.ticket,
    title: r.title,
    ...statusOf(r.status),
    classificationLabel: CLASSIFICATION_LABELS[r.classification],
    categoryId: r.categoryId,
    anonymous: r.isAnonymous,
    confidential: r.isConfidential,
    dueAt: r.dueAt,
    onTime: r.onTime,
    unit: r.unit,
    createdAt: r.createdAt,
    region: regionTitle({ level: r.regionLevel, name: r.regionName }),
  };
}
export type HandlerListItem = ReturnType<typeof handlerListItem>;
