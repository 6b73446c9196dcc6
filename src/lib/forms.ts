import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type FieldError } from './errors';
import { fieldErrorsOf } from './validation';

export type FormValues = Record<string, string | string[]>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldError[]; values: FormValues };

const MAX_FORM_BYTES = 256 * 1024;

/** Text fields of a urlencoded or multipart form (files are ignored here; uploads read them separately). */
export async function formValues(c: Context): Promise<FormValues> {
  const length = Number(c.req.header('Content-Length') ?? '0');
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data') && length > MAX_FORM_BYTES) {
    throw new AppError('payload_too_large', 'Isian formulir terlalu panjang.');
  }
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type', 'Formulir harus dikirim sebagai form HTML.');
  }
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (Array.isArray(v)) {
      const strings = v.filter((x): x is string => typeof x === 'string');
      if (strings.length) out[k] = strings;
    } else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Parses a submitted form with its zod schema, keeping what the user typed for the 422 re-render. */
export async function readForm<S extends z.ZodType>(c: Context, schema: S): Promise<FormResult<z.output<S>>> {
  const values = await formValues(c);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: fieldErrorsOf(parsed.error), values };
}

export function valueOf(values: FormValues | undefined, key: string): string {
  const v = values?.[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function errorFor(errors: FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}
