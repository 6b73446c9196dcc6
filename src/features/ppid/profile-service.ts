/** The region's PPID profile and its non-document DIP items: edited by the region's PPID officer or Diskominfo. */
import { and, eq, isNull } from 'drizzle-orm';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import { ppidInfoItems, ppidProfiles } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { authorize } from '../../regions/guard';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { findInfoItem, findProfile } from './repo';
import type { InfoItemInput, ProfileInput } from './schemas';

export async function saveProfile(deps: PurgeDeps, ctx: ActionContext, regionCode: string, input: ProfileInput) {
  const { db } = deps;
  await authorize(db, ctx.actor, 'ppid.handle', regionCode);
  const before = await findProfile(db, regionCode);
  const values = {
    officerName: input.officer_name,
    officerPosition: input.officer_position,
    superiorName: input.superior_name,
    address: input.address,
    phone: input.phone,
    email: input.email,
    officeHours: input.office_hours,
    maklumat: input.maklumat,
    serviceStandard: input.service_standard,
    cost: input.cost,
    isDemo: false,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.id,
  };
  await db.batch([
    db
      .insert(ppidProfiles)
      .values({ regionCode, ...values })
      .onConflictDoUpdate({ target: ppidProfiles.regionCode, set: values }),
    auditInsert(db, ctx, {
      action: 'ppid.profile.save',
      regionCode,
      entityType: 'ppid_profile',
      entityId: regionCode,
      summary: before ? 'Profil PPID diperbarui' : 'Profil PPID dibuat',
      // Office contact data only (public on the PPID page), no personal data.
      before: before ? { officer_name: before.officerName, phone: before.phone, email: before.email } : null,
      after: { officer_name: input.officer_name, phone: input.phone, email: input.email },
    }),
  ]);
  await purgeRegionPages(deps, regionCode, ctx.requestId);
}

export async function addInfoItem(deps: PurgeDeps, ctx: ActionContext, regionCode: string, input: InfoItemInput) {
  const { db } = deps;
  await authorize(db, ctx.actor, 'ppid.handle', regionCode);
  const id = newId(ctx.now);
  const excluded = input.info_category === 'dikecualikan';
  await db.batch([
    db.insert(ppidInfoItems).values({
      id,
      regionCode,
      title: input.title,
      summary: excluded ? '' : input.summary,
      infoCategory: input.info_category,
      responsibleUnit: input.responsible_unit,
      year: input.year ?? null,
      format: input.format,
      retention: input.retention,
      url: excluded ? null : (input.url ?? null),
      legalBasis: excluded ? (input.legal_basis ?? null) : null,
      consequenceTest: excluded ? (input.consequence_test ?? null) : null,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
    auditInsert(db, ctx, {
      action: 'ppid.dip.add',
      regionCode,
      entityType: 'ppid_info_item',
      entityId: id,
      summary: `DIP: "${input.title}" (${input.info_category}) ditambahkan`,
    }),
  ]);
  await purgeRegionPages(deps, regionCode, ctx.requestId);
  return id;
}

export async function removeInfoItem(deps: PurgeDeps, ctx: ActionContext, id: string) {
  const { db } = deps;
  const item = /^[0-9A-Z]{26}$/.test(id) ? await findInfoItem(db, id) : undefined;
  if (!item) throw new AppError('not_found', 'Informasi tidak ditemukan.');
  await authorize(db, ctx.actor, 'ppid.handle', item.regionCode);
  await db.batch([
    db
      .update(ppidInfoItems)
      .set({ deletedAt: ctx.now, updatedAt: ctx.now })
      .where(and(eq(ppidInfoItems.id, id), isNull(ppidInfoItems.deletedAt))),
    auditInsert(db, ctx, {
      action: 'ppid.dip.remove',
      regionCode: item.regionCode,
      entityType: 'ppid_info_item',
      entityId: id,
      summary: `DIP: "${item.title}" dihapus`,
    }),
  ]);
  await purgeRegionPages(deps, item.regionCode, ctx.requestId);
  return item.regionCode;
}
