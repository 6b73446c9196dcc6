import { env } from 'cloudflare:test';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema';

/** The drizzle schema (types used by the code) and the SQL migrations (the real database) must not drift apart. */
describe('drizzle schema matches the migrated database', () => {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));

  it('covers the tables', () => {
    expect(tables.length).toBeGreaterThan(15);
  });

  for (const table of tables) {
    const config = getTableConfig(table);
    it(`${config.name}: same columns, types and NOT NULL`, async () => {
      const info = (
        await env.DB.prepare(`PRAGMA table_info(${JSON.stringify(config.name)})`).all<{ name: string; type: string; notnull: number; pk: number }>()
      ).results;
      expect(info.length, `table ${config.name} exists`).toBeGreaterThan(0);
      const db = new Map(info.map((c) => [c.name, c]));
      for (const col of config.columns) {
        const real = db.get(col.name);
        expect(real, `${config.name}.${col.name} exists in SQL`).toBeDefined();
        const drizzleType = col.getSQLType().toUpperCase();
        expect(real!.type.toUpperCase(), `${config.name}.${col.name} type`).toBe(drizzleType);
        if (col.notNull && !col.primary) expect(real!.notnull, `${config.name}.${col.name} NOT NULL`).toBe(1);
      }
      const drizzleNames = new Set(config.columns.map((c) => c.name));
      const extra = info.map((c) => c.name).filter((n) => !drizzleNames.has(n));
      expect(extra, `${config.name}: SQL columns missing from the drizzle schema`).toEqual([]);
    });
  }
});
