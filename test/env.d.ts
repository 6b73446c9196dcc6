import type { Bindings } from '../src/env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      /** Every migration plus the region seed, one statement each (vitest.config.ts), loaded by test/setup.ts. */
      TEST_SCHEMA: string[];
      /** File names in seed/regions/. */
      TEST_REGION_SEEDS: string[];
    }
  }
}
