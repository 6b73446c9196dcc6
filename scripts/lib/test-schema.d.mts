/** Types for test-schema.mjs (imported by vitest.config.ts). */
export declare function buildTestSchema(migrations: { name: string; queries: string[] }[]): {
  migrations: string[];
  regionSeed: string[];
  seedFiles: string[];
};
