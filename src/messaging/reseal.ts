/**
 * The sealed columns of the messaging tables, for the data-key rotation (src/lib/data-key-rotation.ts; the hourly
 * job is in src/jobs/index.ts): a queued or sent message's recipient, a citizen's opt-in contact, and an officer's own
 * notification contact.
 */
import type { SealedTable } from '../lib/data-key-rotation';
import { type NoticeKind, sealContext } from './citizen-notice';
import { officerContactContext } from './officer-notify';
import { SEAL_CONTEXT } from './outbox';

export const outboxSealedTable: SealedTable = {
  table: 'message_outbox',
  id: 'id',
  columns: [{ name: 'recipient_sealed', context: () => SEAL_CONTEXT }],
};

export const subscriptionsSealedTable: SealedTable = {
  table: 'citizen_subscriptions',
  id: ['ref_kind', 'ref_id'],
  columns: [{ name: 'contact_sealed', context: (row) => sealContext(String(row.ref_kind) as NoticeKind, String(row.ref_id)) }],
};

export const officerPrefsSealedTable: SealedTable = {
  table: 'officer_notify_prefs',
  id: 'user_id',
  columns: [{ name: 'contact_sealed', context: (row) => officerContactContext(String(row.user_id)) }],
};
