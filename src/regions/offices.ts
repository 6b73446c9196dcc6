/**
 * A region's office contact (address, phone, WhatsApp, email, hours), with the fallback every citizen-facing page
 * uses: the region's own office, else the nearest ancestor's (a village without a phone number on file points to its
 * kecamatan), always saying whose office it is.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type RegionOfficeRow, regionOffices } from '../db/schema/offices';
import type { RegionContext } from './context';
import type { RegionSummary } from './repo';

export interface OfficeContact {
  /** The region whose office this is (the page's region or an ancestor). */
  region: RegionSummary;
  address: string;
  phone: string;
  whatsapp: string;
  email: string;
  hours: string;
}

const FIELDS = ['address', 'phone', 'whatsapp', 'email', 'hours'] as const;
const hasAny = (row: RegionOfficeRow) => FIELDS.some((f) => row[f].trim() !== '');

/** The nearest office with any contact on file, from the region up to the regency; null when none has one. */
export async function officeFor(db: Db, ctx: RegionContext): Promise<OfficeContact | null> {
  const chain = [ctx.region, ...[...ctx.ancestors].reverse()];
  const rows = await db
    .select()
    .from(regionOffices)
    .where(
      inArray(
        regionOffices.regionCode,
        chain.map((r) => r.code),
      ),
    )
    .all();
  const byCode = new Map(rows.map((r) => [r.regionCode, r]));
  for (const region of chain) {
    const row = byCode.get(region.code);
    if (row && hasAny(row)) return { region, address: row.address, phone: row.phone, whatsapp: row.whatsapp, email: row.email, hours: row.hours };
  }
  return null;
}

/** Digits of a WhatsApp number in international form for a wa.me link: 0812… → 62812…; null when not a number. */
export function whatsappDigits(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '').replace(/^\+/, '');
  if (!/^\d{8,15}$/.test(digits)) return null;
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}
