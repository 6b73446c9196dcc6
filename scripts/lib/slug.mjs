// Slug helpers for region names. Pure functions, no I/O.

import { isReservedSlug } from './reserved-slugs.mjs';

/**
 * Turns a name into a URL slug: lowercase, diacritics stripped, every run of
 * non-alphanumeric characters replaced by a single '-', leading and trailing
 * '-' trimmed. Only ASCII a-z and 0-9 survive.
 *
 *   slugify('Swarga Bara')        -> 'swarga-bara'
 *   slugify("Tanjung  Mangkali'at") -> 'tanjung-mangkali-at'
 *   slugify('Désa Übersee')       -> 'desa-ubersee'
 *
 * @param {string} text
 * @returns {string} possibly '' when the text has no usable character
 */
export function slugify(text) {
  return String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining diacritical marks
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Removes an administrative prefix from a regency/city name:
 * 'Kabupaten Kutai Timur' -> 'Kutai Timur', 'Kab. Kutai Timur' -> 'Kutai Timur',
 * 'Kota Bontang' -> 'Bontang'.
 *
 * @param {string} name
 * @returns {string}
 */
export function stripRegionPrefix(name) {
  return String(name)
    .replace(/^\s*(kabupaten|kab\.|kota)\s+/i, '')
    .trim();
}

/**
 * Chooses the slug for one region.
 *
 * 1. base = slugify(name) (for a kabupaten without its "Kabupaten " prefix);
 *    if that is empty, the code with dots replaced by '-' is used.
 * 2. if base is a reserved word, '-<level>' is appended ('peta' -> 'peta-desa').
 * 3. if the result is already taken by a sibling, '-2', '-3', ... is appended.
 *
 * @param {{ name: string, level: string, code: string, taken: Set<string> }} args
 *   `taken` holds the slugs already given to siblings; it is NOT modified.
 * @returns {{ slug: string, notes: string[] }} notes describe every adjustment made
 */
export function chooseSlug({ name, level, code, taken }) {
  const notes = [];
  let base = slugify(level === 'kabupaten' ? stripRegionPrefix(name) : name);
  if (base === '') {
    base = slugify(code);
    notes.push(`name "${name}" gives an empty slug; using "${base}" from the code`);
  }
  if (isReservedSlug(base)) {
    const renamed = `${base}-${level}`;
    notes.push(`"${base}" is reserved; using "${renamed}"`);
    base = renamed;
  }
  let slug = base;
  for (let n = 2; taken.has(slug) || isReservedSlug(slug); n++) {
    slug = `${base}-${n}`;
  }
  if (slug !== base) notes.push(`"${base}" is taken by a sibling; using "${slug}"`);
  return { slug, notes };
}
