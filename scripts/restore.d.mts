/** Types for restore.mjs (imported by test/e2e/backup-restore.e2e.test.ts). */
import type { BackupManifest } from './backup.mjs';
export declare class RestoreMismatchError extends Error {
  problems: string[];
}
export declare function restoreLocal(options: { from: string; persistTo?: string; force?: boolean }): Promise<{ manifest: BackupManifest; pending: string[] }>;
