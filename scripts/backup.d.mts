/** Types for backup.mjs (imported by test/e2e/backup-restore.e2e.test.ts). */
export interface BackupObject {
  key: string;
  size: number;
  sha256: string;
  file: string;
  httpMetadata: Record<string, unknown>;
  customMetadata: Record<string, string>;
}
export interface BackupTable {
  name: string;
  file: string;
  rows: number;
  sha256: string;
  columns: string[];
}
export interface BackupManifest {
  format: string;
  createdAt: string;
  appVersion: string;
  secrets: string;
  d1: {
    migrations: string[];
    schema: { file: string; sha256: string };
    tables: BackupTable[];
    triggers: { name: string; table: string; sql: string }[];
  };
  r2: { binding: string; objects: BackupObject[] };
}
export declare function backupLocal(options: { persistTo?: string; out: string }): Promise<BackupManifest>;
