// `npm run deploy`: vendor browser assets, apply remote D1 migrations, deploy with a new page-cache generation.
import { vendorAssets, wrangler, log } from './lib/local.mjs';

vendorAssets();
log('menerapkan migrasi D1 remote');
wrangler(['d1', 'migrations', 'apply', 'DB', '--remote']);
log('deploy ke Cloudflare');
wrangler(['deploy', '--var', `CACHE_GENERATION:${Date.now().toString(36)}`]);
