// Creates a Diskominfo account (the first one in production: there is no default password).
//   node scripts/create-admin.mjs --username kominfo.budi --name "Budi Santoso" [--email budi@kutaitimurkab.go.id] [--remote]
// The password is read from the ADMIN_PASSWORD environment variable, or asked on the terminal (not echoed).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPasswordNode } from './lib/demo-seed.mjs';
import { log, wrangler } from './lib/local.mjs';

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function askHidden(prompt) {
  if (!process.stdin.isTTY) throw new Error('Set ADMIN_PASSWORD when not running in a terminal.');
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let value = '';
  return new Promise((resolve) => {
    process.stdin.on('data', (buf) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    });
  });
}

const q = (s) => (s === undefined ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);

const username = (arg('username') ?? '').toLowerCase();
const name = arg('name') ?? '';
const email = arg('email');
const remote = process.argv.includes('--remote');
if (!/^[a-z0-9._-]{3,40}$/.test(username) || name.trim().length < 2) {
  process.stderr.write('Pakai: node scripts/create-admin.mjs --username nama.pengguna --name "Nama Lengkap" [--email x@y] [--remote]\n');
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD ?? (await askHidden('Kata sandi (min. 12 karakter): '));
if (password.length < 12 || password.toLowerCase().includes(username)) {
  process.stderr.write('Kata sandi minimal 12 karakter dan tidak boleh memuat nama pengguna.\n');
  process.exit(2);
}
const iterations = 100000;
const id = `ADM${Date.now().toString(36).toUpperCase()}${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 26).padEnd(26, '0');
const now = Date.now();
const sql = [
  `INSERT INTO users (id, username, email, name, password_hash, is_active, session_version, must_change_password, is_demo, created_at, updated_at)
   VALUES (${q(id)}, ${q(username)}, ${q(email)}, ${q(name)}, ${q(hashPasswordNode(password, iterations))}, 1, 1, 0, 0, ${now}, ${now});`,
  `INSERT INTO memberships (id, user_id, role, region_code, created_at, created_by)
   SELECT ${q(`${id.slice(0, 25)}M`)}, ${q(id)}, 'diskominfo', code, ${now}, 'create-admin' FROM regions WHERE path = '';`,
  `INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, action, entity_type, entity_id, summary)
   VALUES (${q(`${id.slice(0, 25)}A`)}, ${now}, 'system', 'create-admin', 'scripts/create-admin.mjs', 'user.create', 'user', ${q(id)},
     ${q(`Akun Diskominfo ${username} dibuat lewat baris perintah`)});`,
].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'portal-admin-'));
try {
  const file = join(dir, 'admin.sql');
  writeFileSync(file, sql, { mode: 0o600 });
  wrangler(['d1', 'execute', 'DB', remote ? '--remote' : '--local', '--file', file], { quiet: true });
  log(`akun Diskominfo '${username}' dibuat (${remote ? 'remote' : 'lokal'})`);
} catch (err) {
  process.stderr.write(`Gagal membuat akun (nama pengguna/email mungkin sudah dipakai): ${err.message}\n`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
