/** Types for backup.mjs (imported by test/e2e/backup-restore.e2e.test.ts). */
export interface BackupObject {
  key: string;
  size: number;
  sha256: string;
  httpMetadata: Record<string, unknown>;
  customMetadata: Record<string, string>;
}
export interface BackupManifest {
  format: string;
  createdAt: string;
  appVersion: string;
  secrets: string;
  d1: { file: string; sha256: string; migrations: string[]; tables: Record<string, number> };
  r2: { binding: string; objects: BackupObject[] };
}
export declare function backupLocal(options: { persistTo?: string; out: string }): Promise<BackupManifest>;
