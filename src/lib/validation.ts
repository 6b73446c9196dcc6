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
