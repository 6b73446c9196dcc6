import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { serveMediaFixture } from './test/fixtures/media-fixtures.mjs';

// Unit and integration suites run inside workerd (miniflare) with the real D1/KV/R2 bindings from wrangler.toml.
// Storage is isolated per test file; test/setup.ts applies every SQL migration before each file runs.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            SESSION_SECRET: 'test-session-secret-at-least-32-characters-long',
            PBKDF2_ITERATIONS: '1000',
          },
          // Camera-like photos for the image pipeline tests, generated on the Node side (test/fixtures/media-fixtures.mjs).
          serviceBindings: { MEDIA_FIXTURES: serveMediaFixture },
        },
      }),
    ],
    test: {
      include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
    },
  };
});
