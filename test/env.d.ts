import type { Bindings } from '../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      /** Every migration, one statement each, recorded in d1_migrations (vitest.config.ts); loaded by test/setup.ts. */
      TEST_MIGRATIONS_SQL: string[];
      /** The statements of seed/regions/*.sql, applied after the migrations. */
      TEST_REGION_SEED_SQL: string[];
      /** File names in seed/regions/. */
      TEST_REGION_SEEDS: string[];
      /** Camera-like photos for the image pipeline tests (test/fixtures/media-fixtures.mjs, Node side). */
      MEDIA_FIXTURES: Fetcher;
    }
  }
}
