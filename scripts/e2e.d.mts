/** Types for e2e.mjs (imported by test/e2e/backup-restore.e2e.test.ts). */
export interface Portal {
  baseUrl: string;
  port: number;
  persistTo: string;
  output(): string;
  stop(): Promise<void>;
}
export declare function startPortal(options?: { label?: string; quiet?: boolean; persistTo?: string }): Promise<Portal>;
