// `npm run deploy`: vendor browser assets, apply remote D1 migrations and then the region seed (idempotent: existing
// regions keep their rows), deploy with a new page-cache generation. Refuses to run without an https APP_ORIGIN.
import { vendorAssets, wrangler, log } from './lib/local.mjs';
import { applyRegionSeeds } from './lib/region-seed-files.mjs';
import { appOriginProblem, configuredAppOrigin } from './lib/app-origin.mjs';

const origin = configuredAppOrigin();
const problem = appOriginProblem(origin);
if (problem) {
  console.error(`deploy dibatalkan: ${problem}`);
  process.exit(1);
}

vendorAssets();
log('menerapkan migrasi D1 remote');
wrangler(['d1', 'migrations', 'apply', 'DB', '--remote']);
log('mengisi data wilayah remote (seed/regions)');
applyRegionSeeds((args) => wrangler(args), ['--remote', '--yes']);
log('deploy ke Cloudflare');
wrangler(['deploy', '--var', `CACHE_GENERATION:${Date.now().toString(36)}`, '--var', `APP_ORIGIN:${origin.replace(/\/+$/, '')}`]);
