/** Types for rotate-data-key.mjs (imported by test/e2e/rotate-data-key.e2e.test.ts). */
export interface RotationOutcome {
  previous: string | null;
  active: string;
  ids: string[];
  before: number;
  remaining: number;
  runs: number;
}
export declare const SEALED_COLUMNS: Array<[string, string]>;
export declare class RotateUsageError extends Error {}
export declare function addDataKey(varsFile: string): { previous: string | null; active: string; ids: string[] };
export declare function countStale(persistTo: string, active: string): Promise<number>;
export declare function rotateLocal(options?: { persistTo?: string; varsFile?: string; maxRuns?: number }): Promise<RotationOutcome>;
