/**
 * Erasure of a reporter's identity (src/features/personal-data.ts): name, phone, e-mail and the private code go; the
 * exact point becomes the public grid point (location.ts). The report, its timeline, photos of the place, rating and
 * figures stay, so statistics and the public list do not change.
 */
import { citizenMessagesErasure } from '../../messaging/citizen-notice';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { complaints, type ComplaintStatus } from '../../db/schema';
import { ERASED_CODE_HASH, type PersonalDataSource } from '../personal-data';
import { publicLocation } from './location';
import { CLOSED_STATUSES } from './status-machine';
import { normalizeTicket } from './ticket';

const FINISHED: ComplaintStatus[] = [...CLOSED_STATUSES, 'diarsipkan'];

export const complaintPersonalData: PersonalDataSource = {
  kind: 'pengaduan',
  label: 'Pengaduan',
  defaultRetentionDays: 5 * 365,
  basis: 'Perpres 76/2013 (pengelolaan pengaduan pelayanan publik); UU 43/2009 (kearsipan); UU 27/2022 Pasal 43',

  async findByReference(db, reference) {
    const ticket = normalizeTicket(reference);
    if (!ticket) return null;
    const row = await db
      .select({ id: complaints.id, regionCode: complaints.regionCode, reference: complaints.ticket, erasedAt: complaints.personalDataErasedAt })
      .from(complaints)
      .where(eq(complaints.ticket, ticket))
      .get();
    return row ?? null;
  },

  async expired(db, before, limit) {
    const rows = await db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(inArray(complaints.status, FINISHED), lt(complaints.updatedAt, before), isNull(complaints.personalDataErasedAt)))
      .orderBy(complaints.updatedAt)
      .limit(limit)
      .all();
    return rows.map((r) => r.id);
  },

  async erase({ db }, ids, now) {
    if (!ids.length) return { statements: [] };
    const rows = await db.select({ id: complaints.id, lat: complaints.lat, lng: complaints.lng }).from(complaints).where(inArray(complaints.id, ids)).all();
    const statements = rows.map((r) => {
      const point = publicLocation({ lat: r.lat, lng: r.lng, isAnonymous: true, exactLocationPublic: false });
      return db
        .update(complaints)
        .set({
          reporterName: null,
          reporterPhone: null,
          reporterEmail: null,
          secretHash: ERASED_CODE_HASH,
          lat: point.lat,
          lng: point.lng,
          exactLocationPublic: false,
          personalDataErasedAt: now,
        })
        .where(and(eq(complaints.id, r.id), isNull(complaints.personalDataErasedAt)));
    });
    const messages = await citizenMessagesErasure(db, 'aduan', ids);
    return { statements: [...statements, ...messages.statements], messages: messages.messages };
  },
};
