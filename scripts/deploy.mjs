// `npm run deploy`: vendor browser assets, apply remote D1 migrations and then the region seed (idempotent: existing
// regions keep their rows), deploy with a new page-cache generation.
// `npm run deploy -- --env staging`: the same against the staging environment of wrangler.toml ([env.staging]).
import { vendorAssets, wrangler, log } from './lib/local.mjs';
import { applyRegionSeeds } from './lib/region-seed-files.mjs';

const envArg = process.argv.slice(2).find((a, i, all) => a.startsWith('--env=') || all[i - 1] === '--env');
const envName = envArg?.replace(/^--env=/, '');
if (envName !== undefined && !/^[a-z][a-z0-9-]*$/.test(envName)) throw new Error(`nama lingkungan tidak valid: ${envName}`);
const target = envName ? ['--env', envName] : [];

vendorAssets();
log(`menerapkan migrasi D1 remote${envName ? ` (${envName})` : ''}`);
wrangler(['d1', 'migrations', 'apply', 'DB', '--remote', ...target]);
log('mengisi data wilayah remote (seed/regions)');
applyRegionSeeds((args) => wrangler([...args, ...target]), ['--remote', '--yes']);
log('deploy ke Cloudflare');
wrangler(['deploy', ...target, '--var', `CACHE_GENERATION:${Date.now().toString(36)}`]);
