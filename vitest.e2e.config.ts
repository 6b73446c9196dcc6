import { defineConfig } from 'vitest/config';

// End-to-end suite: plain Node (NOT the workers pool) driving a real headless Chromium through playwright-core
// against a private `wrangler dev` started by scripts/e2e.mjs (E2E_BASE_URL, CHROMIUM_PATH).
// Run it with `npm run test:e2e`; run directly without those variables, the suite reports itself as skipped.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // A journey makes many page loads; on the shared 2-core machine (a benchmark beside it) each may take seconds.
    testTimeout: 300_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
