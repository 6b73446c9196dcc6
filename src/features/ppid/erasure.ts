/**
 * Erasure of a requester's identity (src/features/personal-data.ts): name, address, occupation, phone, e-mail, the
 * encrypted identity number and its last digits, and the private code go. The request (what was asked, why, the
 * decision, dates) stays for the annual PPID report and the objection record.
 */
import { citizenMessagesErasure } from '../../messaging/citizen-notice';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { infoRequests } from '../../db/schema';
import { ERASED_CODE_HASH, type PersonalDataSource } from '../personal-data';
import { normalizeNumber } from './secrets';

export const ppidPersonalData: PersonalDataSource = {
  kind: 'ppid',
  label: 'Permohonan informasi',
  defaultRetentionDays: 5 * 365,
  basis: 'UU 14/2008 (keterbukaan informasi publik) dan Perki 1/2021 (laporan dan keberatan); UU 43/2009; UU 27/2022 Pasal 43',

  async findByReference(db, reference) {
    const number = normalizeNumber(reference);
    if (!number) return null;
    const row = await db
      .select({ id: infoRequests.id, regionCode: infoRequests.regionCode, reference: infoRequests.number, erasedAt: infoRequests.personalDataErasedAt })
      .from(infoRequests)
      .where(eq(infoRequests.number, number))
      .get();
    return row ?? null;
  },

  async expired(db, before, limit) {
    const rows = await db
      .select({ id: infoRequests.id })
      .from(infoRequests)
      .where(and(eq(infoRequests.status, 'dijawab'), lt(infoRequests.updatedAt, before), isNull(infoRequests.personalDataErasedAt)))
      .orderBy(infoRequests.updatedAt)
      .limit(limit)
      .all();
    return rows.map((r) => r.id);
  },

  async erase({ db }, ids, now) {
    if (!ids.length) return { statements: [] };
    const messages = await citizenMessagesErasure(db, 'ppid', ids);
    return {
      statements: [
        db
          .update(infoRequests)
          .set({
            requesterName: '[dihapus]',
            requesterAddress: '',
            requesterOccupation: '',
            requesterPhone: null,
            requesterEmail: null,
            identityCipher: null,
            identityLast4: '',
            codeHash: ERASED_CODE_HASH,
            personalDataErasedAt: now,
          })
          .where(and(inArray(infoRequests.id, ids), isNull(infoRequests.personalDataErasedAt))),
        ...messages.statements,
      ],
      messages: messages.messages,
    };
  },
};
