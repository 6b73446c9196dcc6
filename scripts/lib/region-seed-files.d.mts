/** Types for region-seed-files.mjs (imported by vitest.config.ts). */
export declare const REGION_SEED_DIR: string;
export declare function regionSeedFiles(dir?: string): string[];
export declare function applyRegionSeeds(run: (args: string[]) => unknown, target: string[]): void;
