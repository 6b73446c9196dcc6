/**
 * Diskominfo's template editor and each region's catalogue adjustments. Saving a template writes a NEW version row
 * (versions are never updated) and moves the template's pointer, so requests made earlier keep rendering from the
 * version they were made from. Authorization and the audit row come from the caller (one batch).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { letterServices, letterTemplates, letterTemplateVersions, type ServiceDelivery } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { commitChange, type Statement } from './store';
import type { TemplateContent } from './template';

export const TEMPLATE_ID_RE = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** Creates a template (version 1) or saves a new version of it; returns the new version number. */
export async function saveTemplateVersion(
  db: Db,
  templateId: string,
  content: TemplateContent,
  opts: { userId: string | null; now: number; create?: boolean; sortOrder?: number; audit?: Statement[] },
): Promise<number> {
  if (!TEMPLATE_ID_RE.test(templateId))
    throw new AppError('validation', 'Kode jenis surat: huruf kecil, angka dan tanda minus.', {
      fieldErrors: [{ field: 'id', message: 'Kode jenis surat: huruf kecil, angka dan tanda minus.' }],
    });
  const current = await db.select().from(letterTemplates).where(eq(letterTemplates.id, templateId)).get();
  if (opts.create && current)
    throw new AppError('conflict', 'Kode jenis surat ini sudah dipakai.', { fieldErrors: [{ field: 'id', message: 'Kode jenis surat ini sudah dipakai.' }] });
  if (!opts.create && !current) throw new AppError('not_found', 'Jenis surat tidak ditemukan.');
  const version = (current?.currentVersion ?? 0) + 1;
  const statements: Statement[] = [];
  if (!current) {
    statements.push(
      db.insert(letterTemplates).values({
        id: templateId,
        name: content.title,
        levels: JSON.stringify(content.levels),
        currentVersion: version,
        sortOrder: opts.sortOrder ?? 50,
        updatedAt: opts.now,
      }),
    );
  }
  // The version row first; the pointer moves only if nobody saved in between (version guard).
  statements.push(
    db.insert(letterTemplateVersions).values({ templateId, version, content: JSON.stringify(content), createdAt: opts.now, createdBy: opts.userId }),
  );
  if (current) {
    statements.push(
      db
        .update(letterTemplates)
        .set({ name: content.title, levels: JSON.stringify(content.levels), currentVersion: version, updatedAt: opts.now })
        .where(and(eq(letterTemplates.id, templateId), eq(letterTemplates.currentVersion, current.currentVersion))),
    );
  }
  statements.push(...(opts.audit ?? []));
  await commitChange(db, statements, 'Jenis surat ini baru saja disimpan orang lain. Muat ulang halaman lalu simpan lagi.');
  return version;
}

export interface ServiceAdjustment {
  enabled: boolean;
  costRupiah: number | null;
  serviceDays: number | null;
  delivery: ServiceDelivery;
  note: string;
}

/** A region turns an entry on or off, or adjusts cost, time, delivery and its note (upsert). */
export async function adjustService(db: Db, regionCode: string, templateId: string, a: ServiceAdjustment, now: number, audit: Statement[] = []): Promise<void> {
  await commitChange(db, [
    db
      .insert(letterServices)
      .values({
        regionCode,
        templateId,
        isEnabled: a.enabled,
        costRupiah: a.costRupiah,
        serviceDays: a.serviceDays,
        delivery: a.delivery,
        note: a.note,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [letterServices.regionCode, letterServices.templateId],
        set: { isEnabled: a.enabled, costRupiah: a.costRupiah, serviceDays: a.serviceDays, delivery: a.delivery, note: a.note, updatedAt: sql`${now}` },
      }),
    ...audit,
  ]);
}
