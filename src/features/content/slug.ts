/**
 * Post slugs (pure). A slug is made once, when the post is created, and never changes: published links stay valid.
 * The region's fixed pages use fixed slugs (FIXED_PAGES); a news slug never takes one of them, because posts share
 * one slug namespace per region (UNIQUE (region_code, slug)).
 */
import { FIXED_PAGE_SLUGS } from '../../regions/fixed-pages';

export const MAX_SLUG_LENGTH = 80;

/** 'Warga Swarga Bara Gotong-Royong!' → 'warga-swarga-bara-gotong-royong' (ASCII a-z0-9 and '-', ≤ 80 chars). */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= MAX_SLUG_LENGTH) return s;
  const cut = s.slice(0, MAX_SLUG_LENGTH);
  const dash = cut.lastIndexOf('-');
  return (dash >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/**
 * A slug for a new post that is not in `taken` (slugs already used in the region) and is not a fixed page slug:
 * the title's slug, else with '-2', '-3' … appended. Falls back to 'tulisan' for titles without letters/digits.
 */
export function uniqueSlug(title: string, taken: ReadonlySet<string>): string {
  const base = slugify(title) || 'tulisan';
  const reserved = (s: string) => taken.has(s) || (FIXED_PAGE_SLUGS as readonly string[]).includes(s);
  if (!reserved(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!reserved(candidate)) return candidate;
  }
}
