import type { Context } from 'hono';
import { AppError, type FieldError } from '../lib/errors';

/** RFC 9457 problem details, the only error format of /api. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}

export function problemOf(err: AppError, c: Context): Problem {
  return {
    type: `/api/docs#problem-${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    instance: new URL(c.req.url).pathname,
    request_id: c.get('requestId') as string | undefined,
    ...(err.fieldErrors.length ? { errors: err.fieldErrors } : {}),
  };
}

export function problemResponse(c: Context, err: AppError): Response {
  const body = JSON.stringify(problemOf(err, c));
  const headers = new Headers({ 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' });
  for (const [k, v] of Object.entries(err.headers)) headers.set(k, v);
  return new Response(body, { status: err.status, headers });
}
