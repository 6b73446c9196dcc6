import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../src/lib/zod-locale';
import { RegionCodeSchema } from '../../src/regions/schemas';

describe('validation messages are Indonesian even where a schema sets none', () => {
  it('uses the Indonesian locale for zod defaults', () => {
    const r = z.object({ a: z.string(), b: z.number() }).safeParse({ b: 'x' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toContain('tidak valid');
    expect(messages).not.toMatch(/Invalid input|expected/);
  });

  it('a missing region code asks to choose a region', () => {
    expect(RegionCodeSchema.safeParse(undefined).error!.issues[0]!.message).toBe('Pilih wilayah (kode wilayah Kemendagri).');
  });
});
