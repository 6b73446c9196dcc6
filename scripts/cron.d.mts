/** Types for cron.mjs (imported by test/e2e/cron.e2e.test.ts). */
export interface CronRun {
  job: string;
  status: 'berjalan' | 'selesai' | 'gagal' | 'dilewati';
  counts: Record<string, number>;
  error: string | null;
  scheduledAt: number;
}
export interface CronResult {
  cron: string;
  at: string;
  outcome: string;
  runs: CronRun[];
}
export declare class CronUsageError extends Error {}
export declare function configuredCrons(): string[];
export declare function runCron(options: { cron: string; persistTo?: string; at?: Date; varsFile?: string }): Promise<CronResult>;
export declare function devVars(file?: string): Record<string, string>;
