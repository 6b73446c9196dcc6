/**
 * Reads for letters (drizzle on D1), region scope first. Writes are built as statements in store.ts and committed by
 * the services in one batch.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  letterAttachments,
  letterEvents,
  letterRequests,
  letterServices,
  letterSettings,
  letterTemplates,
  letterTemplateVersions,
  type LetterRequestRow,
  type LetterSettingsRow,
  type RegionRow,
  type ServiceDelivery,
} from '../../db/schema';
import { DEFAULT_NUMBER_PATTERN, defaultShortCode } from './numbering';
import { TemplateContent, type ServiceLevel } from './template';

export interface CatalogueEntry {
  templateId: string;
  version: number;
  content: TemplateContent;
  enabled: boolean;
  /** The region adjusted this entry (a letter_services row exists). */
  adjusted: boolean;
  costRupiah: number;
  serviceDays: number;
  delivery: ServiceDelivery;
  note: string;
  sortOrder: number;
}

/** The template content of a stored version (validated again: the database is not trusted blindly). */
export function parseContent(json: string): TemplateContent {
  return TemplateContent.parse(JSON.parse(json));
}

export function levelOf(region: Pick<RegionRow, 'level'>): ServiceLevel | null {
  return region.level === 'kabupaten' ? null : region.level;
}

/** Every template for the region's level with the region's adjustments; disabled entries included (flagged). */
export async function catalogueFor(db: Db, region: Pick<RegionRow, 'code' | 'level'>): Promise<CatalogueEntry[]> {
  const level = levelOf(region);
  if (!level) return [];
  const rows = await db
    .select({ t: letterTemplates, v: letterTemplateVersions, s: letterServices })
    .from(letterTemplates)
    .innerJoin(
      letterTemplateVersions,
      and(eq(letterTemplateVersions.templateId, letterTemplates.id), eq(letterTemplateVersions.version, letterTemplates.currentVersion)),
    )
    .leftJoin(letterServices, and(eq(letterServices.templateId, letterTemplates.id), eq(letterServices.regionCode, region.code)))
    .where(eq(letterTemplates.isActive, true))
    .orderBy(asc(letterTemplates.sortOrder), asc(letterTemplates.name))
    .all();
  const out: CatalogueEntry[] = [];
  for (const { t, v, s } of rows) {
    const levels = JSON.parse(t.levels) as string[];
    if (!levels.includes(level)) continue;
    const content = parseContent(v.content);
    out.push({
      templateId: t.id,
      version: v.version,
      content,
      enabled: s ? s.isEnabled : t.defaultEnabled,
      adjusted: s !== null,
      costRupiah: s?.costRupiah ?? content.costRupiah,
      serviceDays: s?.serviceDays ?? content.serviceDays,
      delivery: s?.delivery ?? 'keduanya',
      note: s?.note ?? '',
      sortOrder: t.sortOrder,
    });
  }
  return out;
}

export async function catalogueEntry(db: Db, region: Pick<RegionRow, 'code' | 'level'>, templateId: string): Promise<CatalogueEntry | null> {
  return (await catalogueFor(db, region)).find((e) => e.templateId === templateId) ?? null;
}

/** A specific stored version (what a request was made from). */
export async function templateVersion(db: Db, templateId: string, version: number): Promise<TemplateContent | null> {
  const row = await db
    .select({ content: letterTemplateVersions.content })
    .from(letterTemplateVersions)
    .where(and(eq(letterTemplateVersions.templateId, templateId), eq(letterTemplateVersions.version, version)))
    .get();
  return row ? parseContent(row.content) : null;
}

/** The region's letter settings, or defaults made from its level and name when it never saved any. */
export async function settingsFor(db: Db, region: Pick<RegionRow, 'code' | 'level' | 'name'>): Promise<LetterSettingsRow> {
  const row = await db.select().from(letterSettings).where(eq(letterSettings.regionCode, region.code)).get();
  if (row) return row;
  const title = { kabupaten: 'Bupati', kecamatan: 'Camat', desa: 'Kepala Desa', kelurahan: 'Lurah' }[region.level];
  return {
    regionCode: region.code,
    shortCode: defaultShortCode(region.level, region.name),
    numberPattern: DEFAULT_NUMBER_PATTERN,
    signatoryName: '',
    signatoryPosition: `${title} ${region.name}`,
    signatoryNip: '',
    officeAddress: '',
    officeHours: 'Senin–Jumat, 08.00–15.00 WITA',
    officePhone: '',
    updatedAt: 0,
  };
}

export async function findRequestByNumber(db: Db, trackingNumber: string): Promise<LetterRequestRow | undefined> {
  return db.select().from(letterRequests).where(eq(letterRequests.trackingNumber, trackingNumber)).get();
}

export async function findRequestById(db: Db, id: string): Promise<LetterRequestRow | undefined> {
  return db.select().from(letterRequests).where(eq(letterRequests.id, id)).get();
}

export async function findRequestByVerifyNonce(db: Db, nonce: string): Promise<LetterRequestRow | undefined> {
  return db.select().from(letterRequests).where(eq(letterRequests.verifyNonce, nonce)).get();
}

export async function eventsOf(db: Db, requestId: string) {
  return db.select().from(letterEvents).where(eq(letterEvents.requestId, requestId)).orderBy(asc(letterEvents.seq)).all();
}

export async function attachmentsOf(db: Db, requestId: string) {
  return db
    .select()
    .from(letterAttachments)
    .where(eq(letterAttachments.requestId, requestId))
    .orderBy(asc(letterAttachments.createdAt), asc(letterAttachments.id))
    .all();
}
