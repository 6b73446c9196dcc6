import type { Context } from 'hono';

/** The one place that decides whether a request wants an htmx fragment instead of a full page. */
export function isPartial(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-History-Restore-Request') !== 'true';
}

export function wantsSaveData(c: Context): boolean {
  return (c.req.header('Save-Data') ?? '').toLowerCase() === 'on';
}
