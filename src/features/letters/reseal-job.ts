/**
 * Hourly: re-seals the NIK, KK and contact of letter requests written under an older data key, in bounded chunks
 * (src/lib/data-key-rotation.ts). SECURITY.md describes the rotation procedure.
 */
import { dataKeys } from '../../lib/data-key';
import { rotateSealed, rotationReport, type SealedTable } from '../../lib/data-key-rotation';
import type { ScheduledJob } from '../descriptor';
import { sealContext } from './submit';

const column = (name: string, which: 'nik' | 'kk' | 'contact') => ({ name, context: (row: Record<string, unknown>) => sealContext(String(row.id), which) });

export const letterSealedTable: SealedTable = {
  table: 'letter_requests',
  id: 'id',
  columns: [column('nik_sealed', 'nik'), column('kk_sealed', 'kk'), column('contact_sealed', 'contact')],
};

export const lettersResealJob: ScheduledJob = {
  name: 'letters data-key reseal',
  schedule: 'hourly',
  async run(_controller, env) {
    return rotationReport('Surat', await rotateSealed(env.DB, dataKeys(env), letterSealedTable));
  },
};
