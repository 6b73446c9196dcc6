import type { Db } from '../db/client';
import type { Session } from '../auth/actor';

/** One "Perlu tindakan" entry on an admin's home: what needs attention, where, and the link that fixes it. */
export interface AttentionItem {
  label: string;
  href: string;
  tone: 'urgent' | 'warn' | 'info';
  detail?: string;
}

/** A feature's part of "Perlu tindakan" (content reviews, complaints near deadline, PPID requests, stale content …). */
export type AttentionProvider = (deps: { db: Db; now: number }, session: Session) => Promise<AttentionItem[]>;

/** Every provider's items, most urgent first. The providers come from the feature registry (src/features.ts). */
export async function attentionFor(providers: readonly AttentionProvider[], deps: { db: Db; now: number }, session: Session): Promise<AttentionItem[]> {
  const lists = await Promise.all(providers.map((p) => p(deps, session)));
  const order = { urgent: 0, warn: 1, info: 2 } as const;
  return lists.flat().sort((a, b) => order[a.tone] - order[b.tone]);
}
