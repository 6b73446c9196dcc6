/**
 * Tolerant matching of place names as people type them: any case and accents, without spaces ("swargabara"),
 * with the administrative word in front ("desa swarga", "kec. sangatta"), and with common misspellings ("sangata",
 * "swarga bra"). Pure and small: the regency has ~160 names, so every name is scored in memory.
 */

/** Words that name the level, not the place; "kel." and "kec." are the usual abbreviations. */
const LEVEL_WORDS = new Set(['desa', 'kelurahan', 'kel', 'kecamatan', 'kec', 'kabupaten', 'kab', 'kota', 'dusun', 'kampung']);

/** Lower case, accents and punctuation removed, level words dropped; words kept. */
export function nameWords(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !LEVEL_WORDS.has(w));
}

/** The name as one run of letters: "Swarga Bara" → "swargabara". */
export const squash = (s: string) => nameWords(s).join('');

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Typos allowed for a query of this length: none below 4 letters, one up to 7, two beyond. */
const allowedTypos = (n: number) => (n < 4 ? 0 : n <= 7 ? 1 : 2);

/**
 * How well `query` matches `name`: 0 = no match; higher is better (exact > prefix > contained > typo).
 * Squashed forms make spaces irrelevant; a query may also match the start of the name with a typo ("sangata"
 * → "Sangatta Utara").
 */
export function matchScore(query: string, name: string): number {
  const q = squash(query);
  const n = squash(name);
  if (!q || !n) return 0;
  if (q === n) return 100;
  if (n.startsWith(q)) return 80 + Math.min(10, q.length);
  if (nameWords(name).some((w) => w.startsWith(q))) return 70;
  if (n.includes(q)) return 60;
  const typos = allowedTypos(q.length);
  if (typos === 0) return 0;
  const whole = editDistance(q, n, typos);
  if (whole <= typos) return 50 - whole * 5;
  // The typed text against the start of the name, of similar length ("sangata" vs "sangatt…").
  let best = typos + 1;
  for (let len = Math.max(1, q.length - typos); len <= Math.min(n.length, q.length + typos); len++) {
    best = Math.min(best, editDistance(q, n.slice(0, len), typos));
  }
  if (best <= typos) return 40 - best * 5;
  // Or against any word of the name ("swarga bra" → both words close).
  const words = nameWords(query);
  const target = nameWords(name);
  if (words.length > 1 && words.every((w) => target.some((t) => t.startsWith(w) || editDistance(w, t, allowedTypos(w.length)) <= allowedTypos(w.length))))
    return 30;
  return 0;
}

/** Items whose name matches, best first (ties keep the input order). */
export function rankByName<T>(query: string, items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, score: matchScore(query, nameOf(item)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.item);
}
