/**
 * Erasure of an applicant's identity (src/features/personal-data.ts): name, NIK, KK, contact, birth data, address,
 * the template's own fields, the private code, uploaded requirement files and the signed scan go. The request, its
 * number, status, dates and timeline stay (numbering and figures do not change). Sealed columns are NOT NULL, so they
 * hold an encrypted empty value under the active data key.
 */
import { citizenMessagesErasure } from '../../messaging/citizen-notice';
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { letterAttachments, letterRequests, type LetterStatus } from '../../db/schema';
import { dataKeys, seal } from '../../lib/data-key';
import { ERASED_CODE_HASH, type PersonalDataSource } from '../personal-data';
import { normalizeTrackingNumber } from './codes';
import { sealContext } from './submit';

const FINISHED: LetterStatus[] = ['selesai', 'ditolak', 'dibatalkan'];

export const letterPersonalData: PersonalDataSource = {
  kind: 'surat',
  label: 'Permohonan surat',
  defaultRetentionDays: 10 * 365,
  basis: 'UU 43/2009 (kearsipan) dan jadwal retensi arsip desa; UU 23/2006 (administrasi kependudukan); UU 27/2022 Pasal 43',

  async findByReference(db, reference) {
    const number = normalizeTrackingNumber(reference);
    if (!number) return null;
    const row = await db
      .select({
        id: letterRequests.id,
        regionCode: letterRequests.regionCode,
        reference: letterRequests.trackingNumber,
        erasedAt: letterRequests.personalDataErasedAt,
      })
      .from(letterRequests)
      .where(eq(letterRequests.trackingNumber, number))
      .get();
    return row ?? null;
  },

  async expired(db, before, limit) {
    const rows = await db
      .select({ id: letterRequests.id })
      .from(letterRequests)
      .where(and(inArray(letterRequests.status, FINISHED), lt(letterRequests.updatedAt, before), isNull(letterRequests.personalDataErasedAt)))
      .orderBy(letterRequests.updatedAt)
      .limit(limit)
      .all();
    return rows.map((r) => r.id);
  },

  async erase({ db, env }, ids, now) {
    if (!ids.length) return { statements: [] };
    const keys = dataKeys(env);
    const [files, scans] = await Promise.all([
      db.select({ key: letterAttachments.r2Key }).from(letterAttachments).where(inArray(letterAttachments.requestId, ids)).all(),
      db
        .select({ key: letterRequests.signedScanKey })
        .from(letterRequests)
        .where(and(inArray(letterRequests.id, ids), isNotNull(letterRequests.signedScanKey)))
        .all(),
    ]);
    const messages = await citizenMessagesErasure(db, 'surat', ids);
    const statements: BatchItem<'sqlite'>[] = [db.delete(letterAttachments).where(inArray(letterAttachments.requestId, ids)), ...messages.statements];
    for (const id of ids) {
      statements.push(
        db
          .update(letterRequests)
          .set({
            applicantName: '[dihapus]',
            nikSealed: await seal(keys, '', sealContext(id, 'nik')),
            kkSealed: await seal(keys, '', sealContext(id, 'kk')),
            contactSealed: await seal(keys, '', sealContext(id, 'contact')),
            birthPlace: '',
            birthDate: '',
            occupation: '',
            address: '',
            rt: '',
            rw: '',
            fields: '{}',
            secretHash: ERASED_CODE_HASH,
            signedScanKey: null,
            personalDataErasedAt: now,
          })
          .where(and(eq(letterRequests.id, id), isNull(letterRequests.personalDataErasedAt))),
      );
    }
    const r2Keys = [...files.map((f) => f.key), ...scans.flatMap((s) => (s.key ? [s.key] : []))];
    return { statements, cleanup: r2Keys.length ? () => env.FILES.delete(r2Keys) : undefined, messages: messages.messages };
  },
};
