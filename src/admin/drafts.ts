import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { formDrafts } from '../db/schema';

/**
 * Server-side drafts of admin forms: what an officer typed, saved every few seconds while typing (autosave.tsx) so
 * that a closed tab, a dropped connection or an expired session never loses it. One draft per user and form key.
 */
export const DraftKey = z.string().regex(/^[a-z]+:[A-Za-z0-9-]{1,40}$/, 'Kunci draf tidak sah.');
export type DraftValues = Record<string, string>;

/** Fields never kept in a draft: tokens, credentials and the draft key itself. */
const SKIPPED = new Set(['_csrf', 'password', 'login', '_draf_kunci', '_kembali']);
const MAX_FIELDS = 40;
const MAX_TOTAL_CHARS = 200_000;

/** The text fields of a submitted form worth keeping (files and oversized input dropped). */
export function draftValuesOf(body: Record<string, unknown>): DraftValues | null {
  const out: DraftValues = {};
  let total = 0;
  for (const [k, v] of Object.entries(body)) {
    if (SKIPPED.has(k) || typeof v !== 'string' || !/^[a-z_][a-z0-9_-]{0,39}$/.test(k)) continue;
    total += v.length;
    out[k] = v;
  }
  if (Object.keys(out).length > MAX_FIELDS || total > MAX_TOTAL_CHARS) return null;
  return out;
}

export async function saveDraft(db: Db, userId: string, key: string, values: DraftValues, now: number): Promise<void> {
  const dataJson = JSON.stringify(values);
  await db
    .insert(formDrafts)
    .values({ userId, formKey: key, dataJson, updatedAt: now })
    .onConflictDoUpdate({ target: [formDrafts.userId, formDrafts.formKey], set: { dataJson, updatedAt: now } });
}

export async function loadDraft(db: Db, userId: string, key: string): Promise<{ values: DraftValues; savedAt: number } | null> {
  const row = await db
    .select()
    .from(formDrafts)
    .where(and(eq(formDrafts.userId, userId), eq(formDrafts.formKey, key)))
    .get();
  if (!row) return null;
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(row.dataJson));
    return parsed.success ? { values: parsed.data, savedAt: row.updatedAt } : null;
  } catch {
    return null;
  }
}

export async function discardDraft(db: Db, userId: string, key: string): Promise<void> {
  await db.delete(formDrafts).where(and(eq(formDrafts.userId, userId), eq(formDrafts.formKey, key)));
}
