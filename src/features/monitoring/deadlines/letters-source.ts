import { closedLetterStats, openLetterDeadlines } from '../../letters/deadlines';
import type { DeadlineSource } from './types';

/** Letters (migrations/0020_letters.sql): the service time while the office holds the request (src/features/letters/deadlines.ts). */
export const lettersSource: DeadlineSource = {
  name: 'layanan',
  listOpen: (db, { horizon }) => openLetterDeadlines(db, { horizon }).then((rows) => rows.map((r) => ({ ...r, source: 'layanan' as const }))),
  closedStats: (db, opts) => closedLetterStats(db, opts),
};
