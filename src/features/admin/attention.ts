import type { Db } from '../../db/client';
import type { Session } from '../accounts/session';
import { complaintAttention } from '../complaints/attention';
import { letterAttention } from '../letters/attention';
import { contentAttention } from '../content/attention';
import { documentAttention } from '../documents/attention';
import { placeAttention } from '../geo/attention';
import { ppidAttention } from '../ppid/attention';
import { monitoringAttention } from '../monitoring/attention';

/** One "Perlu tindakan" entry on an admin's home: what needs attention, where, and the link that fixes it. */
export interface AttentionItem {
  label: string;
  href: string;
  tone: 'urgent' | 'warn' | 'info';
  detail?: string;
}

export type AttentionProvider = (deps: { db: Db; now: number }, session: Session) => Promise<AttentionItem[]>;

/** Features add their providers here (content reviews, complaints near deadline, PPID requests, stale content …). */
export const ATTENTION_PROVIDERS: AttentionProvider[] = [ppidAttention, contentAttention, documentAttention, placeAttention, complaintAttention, letterAttention, monitoringAttention];

export async function attentionFor(deps: { db: Db; now: number }, session: Session): Promise<AttentionItem[]> {
  const lists = await Promise.all(ATTENTION_PROVIDERS.map((p) => p(deps, session)));
  const order = { urgent: 0, warn: 1, info: 2 } as const;
  return lists.flat().sort((a, b) => order[a.tone] - order[b.tone]);
}
