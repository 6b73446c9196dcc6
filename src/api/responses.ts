import type { RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ErrorCode } from '../lib/errors';
import { PROBLEM_TYPES, ProblemSchema } from './problem';

/**
 * The standard response headers of /api/v1, documented once. A route lists the ones it sends by name
 * (`headers: ['ETag', 'Location']`); the OpenAPI document then shows them on that response.
 */
interface HeaderDoc {
  description: string;
  schema: { type: 'string' | 'integer'; enum?: string[]; minimum?: number };
}

export const RESPONSE_HEADERS = {
  ETag: { description: 'Strong validator of the representation; send it back as If-None-Match to get 304', schema: { type: 'string' } },
  Location: { description: 'URL of the created resource', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
  'Idempotent-Replayed': {
    description: '`true` when this answer replays the stored result of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  Deprecation: { description: 'RFC 9745: the operation is deprecated since this moment (`@` + Unix seconds)', schema: { type: 'string' } },
  Sunset: { description: 'RFC 8594: the operation stops working after this HTTP-date', schema: { type: 'string' } },
  Link: { description: 'rel="successor-version" (the replacement) and rel="deprecation" (the policy)', schema: { type: 'string' } },
  'WWW-Authenticate': { description: 'The authentication scheme to use (RFC 6750 Bearer, or Basic on the token endpoint)', schema: { type: 'string' } },
  Allow: { description: 'The methods this path accepts', schema: { type: 'string' } },
} satisfies Record<string, HeaderDoc>;
export type ResponseHeader = keyof typeof RESPONSE_HEADERS;

type ResponseConfig = Exclude<RouteConfig['responses'][string], { $ref: string }>;
type HeadersObject = Exclude<ResponseConfig['headers'], z.ZodType | undefined>;

export const headersOf = (names: readonly ResponseHeader[] = []): HeadersObject | undefined =>
  names.length ? (Object.fromEntries(names.map((n) => [n, RESPONSE_HEADERS[n]])) as HeadersObject) : undefined;

/** The error statuses a route may declare, each mapped to its documented problem type. */
export const ERROR_STATUSES = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
} as const satisfies Record<number, ErrorCode>;
export type ErrorStatus = keyof typeof ERROR_STATUSES;

const ERROR_HEADERS: Partial<Record<ErrorStatus, ResponseHeader[]>> = { 401: ['WWW-Authenticate'], 429: ['Retry-After'] };

/** A problem+json response; `why` says when this route answers it (defaults to the problem type's description). */
export function problemResponse(status: ErrorStatus, why?: string) {
  const code = ERROR_STATUSES[status];
  return {
    description: `${PROBLEM_TYPES[code].title} (\`${code}\`). ${why ?? PROBLEM_TYPES[code].description}`,
    headers: headersOf(ERROR_HEADERS[status]),
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
}

/** 304 on a conditional GET: no body, the same ETag. */
export const NOT_MODIFIED = { description: 'Not Modified: If-None-Match matched the current ETag (no body)', headers: headersOf(['ETag']) };

/** `{ data: [...], next_cursor }`: the page shape of every list endpoint. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}
