/** Pure rules over Kemendagri region codes (64.08 / 64.08.05 / 64.08.05.2001). */

const CODE_RE = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

export function isRegionCode(code: string): boolean {
  return CODE_RE.test(code);
}

/**
 * Codes of every ancestor, outermost first: '64.08.05.2001' → ['64', '64.08', '64.08.05']. Codes above the served
 * regency (the province) have no row, so lookups simply do not find them.
 */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

/** The code itself followed by its ancestors, nearest first: the regions whose pages show a change in `code`. */
export function selfAndAncestors(code: string): string[] {
  return [code, ...ancestorCodes(code).reverse()];
}

/**
 * Half-open string range covering a code and all its descendants: '64.08.05' ≤ x < '64.08.05/'.
 * ('.' sorts just below '/', and every descendant code starts with `${code}.`), so rollups use the primary-key index.
 */
export function subtreeRange(code: string): { from: string; to: string } {
  return { from: code, to: `${code}/` };
}

export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/** Level from the shape of a code: 2 segments kabupaten, 3 kecamatan, 4 desa (kelurahan when it starts with 1). */
export function levelOfCode(code: string): 'kabupaten' | 'kecamatan' | 'desa' | 'kelurahan' {
  const parts = code.split('.');
  if (parts.length <= 2) return 'kabupaten';
  if (parts.length === 3) return 'kecamatan';
  return parts[3]?.startsWith('1') ? 'kelurahan' : 'desa';
}
