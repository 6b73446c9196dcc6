/** Types for region-seed.mjs (imported by the workers tests and vitest.config.ts). */
export type DatasetFiles = Record<string, string | undefined>;
export interface RegionSeedOptions {
  tolerance?: number;
  provinceName?: string;
  command?: string;
  sources?: string[];
}
export interface RegionSeedStats {
  perLevel: Record<string, number>;
  verticesBefore: number;
  verticesAfter: number;
  perFile: Record<string, { before: number; after: number }>;
  keptUnsimplified: number;
  droppedRings: number;
  refinedRings: number;
  largestStatement: { bytes: number; code: string };
}
export interface RegionSeed {
  sql: string;
  stats: RegionSeedStats;
  slugNotes: string[];
  placed: Map<string, { slug: string; path: string }>;
  tolerance: number;
  regencyBbox: [number, number, number, number];
}
export declare class SeedError extends Error {
  problems: string[];
  constructor(problems: string[]);
}
export declare const DATASET_FILES: readonly string[];
export declare const DEFAULT_TOLERANCE: number;
export declare function buildRegionSeed(regencyCode: string, files: DatasetFiles, options?: RegionSeedOptions): RegionSeed;
export declare function seedStatements(sql: string): string[];
