import { z } from 'zod';
import { AppError, type FieldError } from './errors';

/** Flattens zod issues into field errors (first message per field), keeping the zod message (written in Indonesian). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

/** Options for `z.strictObject(shape, UNKNOWN_KEYS)`: an unknown query parameter is named in Indonesian. */
export const UNKNOWN_KEYS = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Parameter tidak dikenal: ${(issue.keys ?? []).join(', ')}.` : undefined,
};

/** Cross-field rules (`superRefine(…, WHEN_OBJECT)`) run even when a single field failed, so a form shows every problem at once. */
export const WHEN_OBJECT = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };

/** Parses input or throws a 422 AppError carrying the field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, detail?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation', detail ?? 'Periksa kembali isian yang ditandai.', {
    fieldErrors: fieldErrorsOf(result.error),
  });
}

/** Reads a query string into a plain object (last value wins), bounded so a hostile URL cannot blow up memory. */
export function queryObject(url: URL, maxParams = 30): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of url.searchParams) {
    if (++n > maxParams) throw new AppError('bad_request', 'Terlalu banyak parameter pada alamat.');
    out[k] = v;
  }
  return out;
}

/**
 * A reference typed by a citizen (tracking number, private code): bounded string, normalised by `normalize`
 * (null = not a valid reference), with Indonesian messages for a missing and for a malformed value.
 */
export function referenceField(normalize: (v: string) => string | null, messages: { required: string; invalid: string; max?: number }) {
  return z
    .string({ message: messages.required })
    .max(messages.max ?? 60, messages.invalid)
    .transform((v, ctx) => {
      const n = normalize(v);
      if (!n) {
        ctx.addIssue({ code: 'custom', message: messages.invalid });
        return z.NEVER;
      }
      return n;
    });
}

/**
 * Search text (`q`) for a LIKE match. D1 refuses LIKE patterns over 50 bytes, so the text is bounded in characters
 * and, after escaping and the two `%`, in bytes: a longer text is a clear 400, never a 500 from the database.
 */
export const SEARCH_MAX_CHARS = 40;
const LIKE_PATTERN_MAX_BYTES = 50;
export const SEARCH_TOO_LONG = `Kata kunci pencarian terlalu panjang: paling banyak ${SEARCH_MAX_CHARS} huruf (lebih sedikit untuk aksara selain Latin).`;

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\\'). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function containsPatternOrNull(text: string): string | null {
  const pattern = `%${escapeLike(text)}%`;
  return new TextEncoder().encode(pattern).length <= LIKE_PATTERN_MAX_BYTES ? pattern : null;
}

/** The zod field for search text in query strings and forms (trimmed; bounded as above). */
export function searchText() {
  return z
    .string()
    .trim()
    .max(SEARCH_MAX_CHARS, SEARCH_TOO_LONG)
    .refine((v) => v === '' || containsPatternOrNull(v) !== null, SEARCH_TOO_LONG);
}

/** `%text%` for `LIKE … ESCAPE '\\'`; throws a 400 when it would exceed D1's limit (repos call it on every search). */
export function containsPattern(text: string, field = 'q'): string {
  const pattern = containsPatternOrNull(text);
  if (pattern === null) throw new AppError('bad_request', SEARCH_TOO_LONG, { fieldErrors: [{ field, message: SEARCH_TOO_LONG }] });
  return pattern;
}

/** Parses a page's query string; a bad value is a 400 naming the parameter in Indonesian. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const result = schema.safeParse(queryObject(url));
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  throw new AppError('bad_request', fieldErrors.map((e) => e.message).join(' '), { fieldErrors });
}
