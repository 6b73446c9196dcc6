// `npm run test:e2e`: end-to-end suite in a real (headless) Chromium against a private `wrangler dev`.
// Each run gets a fresh persistence dir under .e2e-state/ (migrations + demo seed), a free port on 127.0.0.1,
// and the server is always stopped afterwards (also on Ctrl+C). Also imported by scripts/test.mjs and scripts/bench.mjs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareLocal, ROOT } from './lib/local.mjs';

const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const STATE_ROOT = join(ROOT, '.e2e-state');
const READY_TIMEOUT_MS = 90_000;
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

// Tests never reach the Internet: Miniflare's fetch of the `Request.cf` object (workers.cloudflare.com) would wait up to
// 3 s on every start and reload before falling back to its placeholder. Inherited by every child (wrangler, vitest).
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';

export const CHROMIUM_MISSING_MESSAGE = 'e2e: Chromium tidak ditemukan — lewati e2e. Pasang dengan: apt-get install -y chromium';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, else the Debian/Ubuntu locations; null when none is an executable file. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** vitest processes started by runVitest(), stopped together with the portal on Ctrl+C. */
const activeVitest = new Set();

/** Keeps the last `max` characters of a child's output, to print when the server fails to start. */
function outputTail(max = 64 * 1024) {
  let buf = '';
  return {
    push(chunk) {
      buf += chunk.toString();
      if (buf.length > max) buf = buf.slice(-max);
    },
    text: () => buf,
  };
}

/** Removes a run's persist dir, and .e2e-state/ itself once no other run uses it. */
function removeStateDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  try {
    rmdirSync(STATE_ROOT); // only succeeds when empty
  } catch {
    // another run is using it, or it is already gone
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

/**
 * Starts a private portal: fresh persist dir, prepareLocal (migrations + seed), `wrangler dev` on a free port,
 * waits for GET /healthz = 200. Returns { baseUrl, port, persistTo, output(), stop() }.
 * `persistTo`: an existing, already prepared dir (a restored backup, the volume bench's data) used as is — and removed
 * by stop() unless `keepState` is set.
 * The server runs in its own process group so that stop() also ends workerd.
 */
export async function startPortal({ label = 'e2e', quiet = true, persistTo: given, keepState = false } = {}) {
  // A given, already prepared state directory (the volume bench) is used as it is and kept when keepState is set.
  const persistTo = given ?? join(STATE_ROOT, `${label}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const removeState = keepState ? () => {} : removeStateDir;
  mkdirSync(persistTo, { recursive: true });
  let child = null;
  const tail = outputTail();

  const cleanupSync = () => {
    if (child?.pid) killGroup(child.pid, 'SIGKILL'); // wrangler may be gone while workerd still runs
    removeState(persistTo);
  };
  const onExit = () => cleanupSync();
  const onSignal = (sig) => {
    process.stderr.write(`\n[portal] ${sig}: menghentikan tes dan wrangler…\n`);
    for (const v of activeVitest) v.kill(sig);
    stop().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  // Idempotent: every caller (Ctrl+C, runE2e's finally, the bench) awaits the same shutdown.
  let stopping = null;
  const stop = () => (stopping ??= shutdown());

  async function shutdown() {
    if (child?.pid) {
      const pid = child.pid;
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      killGroup(pid, 'SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      // workerd may outlive wrangler briefly: make sure nothing of the group survives.
      for (let i = 0; i < 20; i++) {
        try {
          process.kill(-pid, 0);
        } catch {
          break;
        }
        killGroup(pid, i < 10 ? 'SIGTERM' : 'SIGKILL');
        await sleep(250);
      }
    }
    removeState(persistTo);
    // Until here the synchronous 'exit' handler stays armed, in case the process exits mid-shutdown.
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!given) prepareLocal({ persistTo, quiet: true });
    const port = await freePort();
    const inspectorPort = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(
      process.execPath,
      [WRANGLER, 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', persistTo, '--inspector-port', String(inspectorPort)],
      {
        cwd: ROOT,
        detached: true, // own process group: stop() signals wrangler and workerd together
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0' },
      },
    );
    child.stdout.on('data', (d) => {
      tail.push(d);
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      tail.push(d);
      if (!quiet) process.stderr.write(d);
    });
    process.stdout.write(`[portal] wrangler dev (pid ${child.pid}) di ${baseUrl}, data di ${persistTo}\n`);

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`wrangler dev berhenti sebelum siap (kode ${child.exitCode ?? child.signalCode})`);
      }
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`wrangler dev tidak siap dalam ${READY_TIMEOUT_MS / 1000} detik (GET /healthz)`);
      await sleep(300);
    }
    return { baseUrl, port, persistTo, output: tail.text, stop };
  } catch (err) {
    process.stderr.write(`[portal] ${err.message}\n--- keluaran wrangler ---\n${tail.text() || '(kosong)'}\n--- akhir keluaran ---\n`);
    await stop();
    throw err;
  }
}

/** Runs vitest (streaming its output) and resolves with its exit code. */
export function runVitest(args, { env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [VITEST, ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    activeVitest.add(child);
    child.on('error', (err) => {
      activeVitest.delete(child);
      process.stderr.write(`vitest gagal dijalankan: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      activeVitest.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * The e2e suite. Options: `jsonOutputFile` adds vitest's JSON reporter (used by scripts/test.mjs for the totals).
 * Resolves { code, skipped }: skipped = Chromium missing outside CI (the tests are still listed, as skipped).
 */
export async function runE2e({ jsonOutputFile, files = [] } = {}) {
  const reporters = jsonOutputFile ? ['--reporter=default', '--reporter=json', `--outputFile.json=${jsonOutputFile}`] : [];
  const vitestArgs = ['run', '--config', 'vitest.e2e.config.ts', ...reporters, ...files];
  const chromiumPath = findChromium();

  if (!chromiumPath) {
    if (process.env.CI === 'true') {
      process.stderr.write(
        'e2e: GAGAL — Chromium tidak ditemukan (CI=true)' +
          (process.env.CHROMIUM_PATH ? `; CHROMIUM_PATH=${process.env.CHROMIUM_PATH} tidak dapat dijalankan` : '') +
          '. ' +
          'Pasang dengan: apt-get install -y chromium, atau set CHROMIUM_PATH.\n',
      );
      return { code: 1, skipped: false };
    }
    process.stdout.write(`${CHROMIUM_MISSING_MESSAGE}\n`);
    // Without E2E_BASE_URL the suite marks itself skipped, so the totals still show how many e2e tests did not run.
    const code = await runVitest(vitestArgs, { env: { E2E_BASE_URL: '', CHROMIUM_PATH: '' } });
    return { code, skipped: true };
  }

  let portal;
  try {
    portal = await startPortal({ label: 'e2e' });
  } catch {
    return { code: 1, skipped: false };
  }
  try {
    const code = await runVitest(vitestArgs, { env: { E2E_BASE_URL: portal.baseUrl, E2E_PERSIST_TO: portal.persistTo, CHROMIUM_PATH: chromiumPath } });
    if (code !== 0) {
      // The end of the server's log beside a failure (all of the kept 64 KB with E2E_SHOW_SERVER_LOG=1).
      const log = portal.output();
      const shown = process.env.E2E_SHOW_SERVER_LOG === '1' ? log : log.slice(-6000);
      process.stdout.write(`--- keluaran wrangler (akhir) ---\n${shown}\n--- akhir keluaran ---\n`);
    }
    return { code, skipped: false };
  } finally {
    await portal.stop();
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  // Optional file filters: node scripts/e2e.mjs test/e2e/admin.e2e.test.ts
  const { code } = await runE2e({ files: process.argv.slice(2) });
  process.exit(code);
}
