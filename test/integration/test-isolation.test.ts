// The test harness itself: every test file starts from the migrated schema plus the region seed and nothing else,
// although files share a runner (vitest.config.ts, test/setup.ts). Also proves the by-hand wipe that setup falls back
// on when reset() leaves storage behind.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { REGENCY } from '../../src/config';
import { leftovers, loadSchema, wipeStorage } from '../helpers/storage';

const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n;

describe('per-file storage', () => {
  it('starts with the schema and the region seed only: no users, no content, empty KV and R2', async () => {
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM posts')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM audit_log')).toBe(0);
    expect((await env.PAGE_CACHE.list()).keys).toEqual([]);
    expect((await env.FILES.list()).objects).toEqual([]);
    expect(await count(`SELECT COUNT(*) AS n FROM regions WHERE path = '' AND code = '${REGENCY.code}'`)).toBe(1);
    const applied = (await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((r) => r.name);
    expect(applied[0]).toBe('0001_foundation.sql');
    expect(applied).toEqual([...applied].sort());
  });

  it('the region seed folder holds exactly the configured regency', () => {
    expect(env.TEST_REGION_SEEDS).toEqual([`${REGENCY.code}.sql`]);
  });

  it('wipeStorage removes tables (children before parents), KV keys and R2 objects; loadSchema restores the start', async () => {
    await env.DB.prepare(
      'INSERT INTO users (id, username, name, password_hash, is_active, session_version, must_change_password, created_at, updated_at) ' +
        "VALUES ('U1', 'u1', 'U', 'x', 1, 1, 0, 0, 0)",
    ).run();
    await env.DB.prepare("INSERT INTO memberships (id, user_id, role, region_code, created_at) VALUES ('M1', 'U1', 'diskominfo', ?, 0)")
      .bind(REGENCY.code)
      .run();
    await Promise.all([env.PAGE_CACHE.put('halaman:uji', 'x'), env.FILES.put('uji/berkas.txt', 'x')]);
    expect(await leftovers()).not.toBeNull();

    await wipeStorage();
    expect(await leftovers()).toBeNull();

    await loadSchema();
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM regions')).toBeGreaterThan(0);
  });
});
