import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { buildTestSchema } from './scripts/lib/test-schema.mjs';
import { serveMediaFixture } from './test/fixtures/media-fixtures.mjs';

// Unit and integration suites run inside workerd (miniflare) with the real D1/KV/R2 bindings from wrangler.toml.
//
// Speed and isolation: test files share one runner per worker (`isolate: false`), so the app's module graph is
// loaded once per worker instead of once per file (that import, not the SQL, was most of the old ~12-minute run).
// Storage stays per file: test/setup.ts wipes D1, KV and R2 with `reset()` before every file, checks that they are
// empty, and loads the schema prepared here — every migration plus the region seed (seed/regions/*.sql), the same
// statements `npm start` applies (scripts/lib/test-schema.mjs) — in ONE D1 batch (~0.1–0.3 s per file).
export default defineConfig(async () => {
  const schema = buildTestSchema(await readD1Migrations('./migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS_SQL: schema.migrations,
            TEST_REGION_SEED_SQL: schema.regionSeed,
            TEST_REGION_SEEDS: schema.seedFiles,
            SESSION_SECRET: 'test-session-secret-at-least-32-characters-long',
            PBKDF2_ITERATIONS: '1000',
            // Test-only keys (32 bytes each, base64). k0 is an "older" data key so tests can read values written with it.
            DATA_KEYS: JSON.stringify({ k0: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', k1: 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=' }),
            DATA_KEY_ACTIVE: 'k1',
            VERIFY_KEYS: JSON.stringify({ v1: 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=' }),
            VERIFY_KEY_ACTIVE: 'v1',
          },
          // Camera-like photos for the image pipeline tests, generated on the Node side (test/fixtures/media-fixtures.mjs).
          serviceBindings: { MEDIA_FIXTURES: serveMediaFixture },
        },
      }),
    ],
    test: {
      include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
      isolate: false,
      // Generous on purpose: the machine is small and often busy; a slow test fails on its assertions, not the clock.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      teardownTimeout: 30_000,
    },
  };
});
