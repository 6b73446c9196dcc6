// Location text of procurement exports ("Kutai Timur (Kab.)", "Kec. Sangatta Utara - Desa Swarga Bara") → region
// codes of the regency, by exact name. Never guesses: a name that fits several villages counts only when the text also
// names the kecamatan; what does not match stays as text only (the package then shows on the regency's pages).
import type { RegionLevel } from '../../db/schema';

export interface RegionName {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

type Hint = 'kecamatan' | 'desa' | null;

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function readPart(part: string): { name: string; hint: Hint } {
  const t = squash(part);
  const m = /^(kabupaten|kab|kecamatan|kec|desa|ds|kelurahan|kel)\s+(.*)$/.exec(t);
  if (!m) return { name: t, hint: null };
  const word = m[1]!;
  const hint: Hint = word.startsWith('kec') ? 'kecamatan' : word.startsWith('kab') ? null : 'desa';
  return { name: m[2]!, hint: word.startsWith('kab') ? null : hint };
}

/** Region codes named in a location text (sorted, unique); the regency itself is never returned. */
export function matchLocations(text: string, regions: readonly RegionName[]): string[] {
  const parts = text
    .split(/\s*(?:;|,|\n|\s-\s|\/|\bdan\b)\s*/i)
    .map(readPart)
    .filter((p) => p.name !== '');
  if (parts.length === 0) return [];
  const byName = new Map<string, RegionName[]>();
  for (const r of regions) {
    if (r.level === 'kabupaten') continue;
    const key = squash(r.name);
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  const kecamatanNamed = new Set(
    parts.flatMap((p) => (byName.get(p.name) ?? []).filter((r) => r.level === 'kecamatan' && p.hint !== 'desa').map((r) => r.code)),
  );
  const found = new Set<string>();
  for (const p of parts) {
    const candidates = (byName.get(p.name) ?? []).filter((r) =>
      p.hint === 'kecamatan' ? r.level === 'kecamatan' : p.hint === 'desa' ? r.level === 'desa' || r.level === 'kelurahan' : true,
    );
    if (candidates.length === 1) {
      found.add(candidates[0]!.code);
      continue;
    }
    // A bare name shared by a kecamatan and one of its villages ("Sangatta Utara") means the kecamatan; a village name
    // shared by several villages counts only when the text also names the kecamatan it lies in.
    const kecamatan = candidates.filter((r) => r.level === 'kecamatan');
    if (p.hint === null && kecamatan.length === 1) {
      found.add(kecamatan[0]!.code);
      continue;
    }
    const inNamedKecamatan = candidates.filter((r) => r.level !== 'kecamatan' && r.parentCode !== null && kecamatanNamed.has(r.parentCode));
    if (inNamedKecamatan.length === 1) found.add(inNamedKecamatan[0]!.code);
  }
  // A kecamatan named only as the parent of a village found in it adds nothing: the village rolls up to it anyway.
  for (const code of [...found]) if ([...found].some((o) => o !== code && o.startsWith(`${code}.`))) found.delete(code);
  return [...found].sort();
}
