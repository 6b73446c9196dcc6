// `npm test`: the structure checks (import rules, dead exports, lint + format, types), then the unit + integration
// suites (vitest, workers pool), then the e2e suite (scripts/e2e.mjs). Each structure check counts as one test.
// Output streams as it runs; the last line is the combined total, `tests: N passed, N failed, N skipped`.
// Exits non-zero when a check or a test failed or a suite crashed (a file that could not load, an unhandled error, no report).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runE2e, runVitest } from './e2e.mjs';
import { ROOT } from './lib/local.mjs';

/** Fast checks that keep the structure true (docs/CONTRIBUTING.md, "Tools"); run first. */
const CHECKS = [
  { name: 'aturan impor (dependency-cruiser)', bin: 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs', args: ['src', '--output-type', 'err'] },
  { name: 'ekspor mati (knip)', bin: 'node_modules/knip/bin/knip.js', args: ['--no-progress'] },
  { name: 'lint + format (biome ci)', bin: 'node_modules/@biomejs/biome/bin/biome', args: ['ci', '--diagnostic-level=error', '.'] },
  { name: 'tipe (tsc)', bin: 'node_modules/typescript/bin/tsc', args: ['--noEmit', '-p', '.'] },
];

function runCheck(check) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, check.bin), ...check.args], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'portal-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

/** Adds a suite's counts from vitest's JSON report; anything that failed outside a test counts as one failure. */
function tally(suite, reportFile, exitCode) {
  if (!existsSync(reportFile)) {
    if (exitCode !== 0) {
      totals.failed += 1;
      problems.push(`${suite}: vitest berhenti (kode ${exitCode}) tanpa laporan — lihat keluaran di atas`);
    }
    return;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch (err) {
    totals.failed += 1;
    problems.push(`${suite}: laporan JSON vitest tidak terbaca (${err.message})`);
    return;
  }
  const failedTests = report.numFailedTests ?? 0;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += failedTests;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

  // Files that failed without a failing test: import/syntax errors, failing hooks, crashed workers.
  let brokenFiles = 0;
  for (const file of report.testResults ?? []) {
    const hasFailingTest = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !hasFailingTest) {
      brokenFiles += 1;
      const firstLine =
        String(file.message ?? '')
          .split('\n')
          .find((l) => l.trim()) ?? 'gagal dimuat';
      problems.push(`${suite}: ${file.name.replace(`${process.cwd()}/`, '')} — ${firstLine.trim()}`);
    }
  }
  totals.failed += brokenFiles;

  if (exitCode !== 0 && failedTests + brokenFiles === 0) {
    totals.failed += 1;
    problems.push(`${suite}: vitest keluar dengan kode ${exitCode} tanpa tes yang gagal (galat tak tertangani?) — lihat keluaran di atas`);
  }
}

let exitCode = 0;
try {
  process.stdout.write('\n=== Pemeriksaan struktur ===\n');
  let checksFailed = false;
  for (const check of CHECKS) {
    const code = await runCheck(check);
    process.stdout.write(`${code === 0 ? '✓' : '✗'} ${check.name}\n`);
    if (code === 0) totals.passed += 1;
    else {
      totals.failed += 1;
      checksFailed = true;
      problems.push(`${check.name} gagal (kode ${code}) — lihat keluaran di atas`);
    }
  }

  process.stdout.write('\n=== Unit + integrasi (vitest, workers pool) ===\n');
  const unitReport = join(tmp, 'unit.json');
  const unitCode = await runVitest(['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
  tally('unit+integrasi', unitReport, unitCode);

  process.stdout.write('\n=== End-to-end (Chromium) ===\n');
  const e2eReport = join(tmp, 'e2e.json');
  const e2e = await runE2e({ jsonOutputFile: e2eReport });
  tally('e2e', e2eReport, e2e.code);

  exitCode = checksFailed || unitCode !== 0 || e2e.code !== 0 || totals.failed > 0 ? 1 : 0;
} catch (err) {
  totals.failed += 1;
  problems.push(`runner: ${err.stack ?? err.message}`);
  exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (problems.length > 0) {
  process.stdout.write(`\nMasalah di luar tes:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
}
process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(exitCode);
