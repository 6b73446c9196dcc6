/**
 * Hourly: re-seals identity numbers not under the active data key (an older key id after a rotation, or the legacy
 * `v1.` values derived from SESSION_SECRET) in bounded chunks (src/lib/data-key-rotation.ts). SECURITY.md describes
 * the rotation procedure.
 */
import { dataKeys } from '../../lib/data-key';
import { rotateSealed, rotationReport, type SealedTable } from '../../lib/data-key-rotation';
import type { ScheduledJob } from '../descriptor';
import { openLegacyIdentity } from './legacy-identity';
import { identityContext } from './secrets';

export function ppidSealedTable(legacySecret: string): SealedTable {
  return {
    table: 'info_requests',
    id: 'id',
    extra: ['number'],
    columns: [
      {
        name: 'identity_cipher',
        context: (row) => identityContext(String(row.number)),
        openLegacy: (stored, row) => openLegacyIdentity(legacySecret, stored, String(row.number)),
      },
    ],
  };
}

export const ppidResealJob: ScheduledJob = {
  name: 'ppid data-key reseal',
  schedule: 'hourly',
  async run(_controller, env) {
    return rotationReport('PPID', await rotateSealed(env.DB, dataKeys(env), ppidSealedTable(env.SESSION_SECRET)));
  },
};
