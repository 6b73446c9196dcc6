import { describe, expect, it } from 'vitest';
import { ComplaintFields } from '../../src/features/complaints/schemas';
import { stripInvisible } from '../../src/lib/text';

describe('titles lose bidi overrides and zero-width characters', () => {
  it('strips them and keeps ordinary text, also in other scripts', () => {
    expect(stripInvisible('Laporan\u202Egpj.exe')).toBe('Laporangpj.exe');
    expect(stripInvisible('Ja\u200Blan\u200C ru\u200Dsak\uFEFF\u2066x\u2069\u00AD')).toBe('Jalan rusakx');
    expect(stripInvisible('Jalan rusak di RT 05 — 2026, ꦗꦭꦤ᭄')).toBe('Jalan rusak di RT 05 — 2026, ꦗꦭꦤ᭄');
  });

  it('a complaint title of only invisible characters is refused as empty', () => {
    const r = ComplaintFields.shape.title.safeParse('\u200B\u200B\u202E\u200B\u200B\u200B');
    expect(r.success).toBe(false);
    const ok = ComplaintFields.shape.title.safeParse('Jembatan \u202Erusak\u202C parah');
    expect(ok.success && ok.data).toBe('Jembatan rusak parah');
  });
});
