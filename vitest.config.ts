import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

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
            // Test-only keys (32 bytes each, base64). k0 is an "older" data key so tests can read values written with it.
            DATA_KEYS: JSON.stringify({ k0: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', k1: 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=' }),
            DATA_KEY_ACTIVE: 'k1',
            VERIFY_KEYS: JSON.stringify({ v1: 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=' }),
            VERIFY_KEY_ACTIVE: 'v1',
          },
        },
      }),
    ],
    test: {
      include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
    },
  };
});
