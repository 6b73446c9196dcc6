/**
 * Invisible format characters that change how text READS without being seen: bidi overrides, embeddings and isolates
 * (a title "gpj.exe" shown as "exe.jpg", an officer's name reversed), zero-width spaces and joiners, the word joiner,
 * the BOM and the soft hyphen. Stripped from every title and name a person types, before length checks.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}
