// `npm start`: prepare the local D1/KV/R2 (migrations + demo seed + secrets) and run the portal on :8787.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { log, prepareLocal, ROOT } from './lib/local.mjs';

const port = process.env.PORT ?? '8787';
prepareLocal();
log(`portal berjalan di http://localhost:${port} (Ctrl+C untuk berhenti)`);
const child = spawn(
  process.execPath,
  [
    join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
    'dev',
    '--port',
    port,
    '--ip',
    '127.0.0.1',
    '--var',
    `CACHE_GENERATION:${Date.now().toString(36)}`,
    // The canonical origin, so that a request with an old host name (demo: `Host: swargabara.desa.id`) is redirected here.
    '--var',
    `APP_ORIGIN:http://localhost:${port}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
