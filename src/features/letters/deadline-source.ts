import type { DeadlineSource } from '../deadlines';
import { closedLetterStats, openLetterDeadlines } from './deadlines';

/**
 * Letters (migrations/0020_letters.sql): the service time in working days while the office holds the request;
 * `due_at` is NULL while the requester fixes what was asked (the clock stops) and once the request is closed.
 */
export const lettersSource: DeadlineSource = {
  name: 'layanan',
  label: 'Layanan surat',
  listOpen: (db, { horizon }) => openLetterDeadlines(db, { horizon }),
  closedStats: (db, opts) => closedLetterStats(db, opts),
};
