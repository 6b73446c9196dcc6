/** Types for local.mjs (imported by test/e2e/cron.e2e.test.ts). */
export declare const ROOT: string;
export declare function prepareLocal(options?: { persistTo?: string; quiet?: boolean }): void;
export declare function wrangler(args: string[], options?: { quiet?: boolean; env?: Record<string, string> }): string;
