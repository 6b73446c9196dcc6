import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { IDEMPOTENCY_KEY_RE } from '../lib/idempotency';
import { fieldErrorsOf } from '../lib/validation';
import { deprecationHeaders, type Deprecation } from './deprecation';
import { type ErrorStatus, headersOf, NOT_MODIFIED, problemResponse, type ResponseHeader } from './responses';
import { type Access, accessMiddleware, securityOf } from './security';
import type { ApiTag } from './tags';

/**
 * Writing an /api/v1 route: `apiRoute({...})` next to its handler, `router.openapi(route, handler)`. The route
 * definition is the one source of the OpenAPI document (src/api/document.ts): parameters and bodies are the zod
 * schemas the route validates with, every status it answers is listed, and access is enforced from the same
 * declaration. See docs/CONTRIBUTING.md, "Writing an API route".
 */
export type ApiRouter = OpenAPIHono<AppEnv>;

/** A sub-app for API routes; invalid parameters and bodies become problem+json (headers 400, everything else 422). */
export function apiRouter(): ApiRouter {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const fieldErrors = fieldErrorsOf(result.error);
      if (result.target === 'header') throw new AppError('bad_request', fieldErrors[0]?.message ?? 'Header tidak valid.', { fieldErrors });
      throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors });
    },
  });
}

type RouteRequest = NonNullable<RouteConfig['request']>;
type ResponseConfig = RouteConfig['responses'][string];

interface SuccessResponse {
  status: 200 | 201 | 204;
  description: string;
  /** Omitted for 204. */
  schema?: z.ZodType;
  /** Default application/json; GeoJSON routes use application/geo+json. */
  contentType?: string;
  headers?: ResponseHeader[];
}

export interface ApiRouteDef<P extends string, Req extends RouteRequest> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api/v1, e.g. '/regions/{code}'. */
  path: P;
  /** Stable, camelCase; the generated clients name their functions after it. */
  operationId: string;
  tag: ApiTag;
  summary: string;
  description?: string;
  access: Access;
  request?: Req;
  /** Bodies larger than this answer 413 (default 64 KB). */
  bodyLimit?: number;
  /** The success answers: usually one; a create with Idempotency-Key lists its 201 and its 200 replay. */
  responses: SuccessResponse[];
  /** A GET that honours If-None-Match: adds ETag to its 200 and the 304 answer. */
  conditional?: boolean;
  /** Every error status the route can answer besides those implied by `access` and the body (see below). */
  errors?: ErrorStatus[];
  /** Say why a status happens on this route, e.g. `{ 404: 'No complaint has this ticket.' }`. */
  errorNotes?: Partial<Record<ErrorStatus, string>>;
  deprecated?: Deprecation;
  /** The rate limits this route enforces (listed in /api/docs "Batas laju" and as `x-rate-limits`); add 429 to `errors`. */
  rateLimits?: RateLimitDoc[];
  /** Tables a partner needs to read the fields (e.g. status mappings), as `x-value-maps` and tables in /api/docs. */
  valueMaps?: ValueMap[];
  /** Answers outside the problem+json convention, by status (the OAuth endpoints' RFC 6749 §5.2 errors). */
  otherResponses?: Record<number, ResponseConfig>;
  /** Extra middleware after access and body checks, before validation. */
  middleware?: MiddlewareHandler<AppEnv>[];
}

/** A documented table of values, e.g. the SP4N-LAPOR status mapping: `id` becomes its anchor in /api/docs. */
export interface ValueMap {
  id: string;
  title: string;
  columns: string[];
  rows: string[][];
}

/** A rate limit as documented: `limit` requests per `windowMs`, counted per `per` (what is counted, in Indonesian). */
export interface RateLimitDoc {
  limit: number;
  windowMs: number;
  per: string;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;

const IF_NONE_MATCH = z.object({
  'If-None-Match': z.string().optional().describe('An ETag from an earlier answer: 304 without a body when it still matches'),
});

/** `request.headers` of a create that honours Idempotency-Key (a malformed key is 400). */
export const IDEMPOTENCY_KEY_HEADER = z.object({
  'Idempotency-Key': z
    .string()
    .regex(IDEMPOTENCY_KEY_RE, 'Idempotency-Key harus 16–128 karakter A–Z, a–z, 0–9, _ atau -.')
    .optional()
    .describe('Makes retries safe: the same key with the same body answers the stored result (200, Idempotent-Replayed); with another body 409'),
});

/** `request.body` for a JSON body validated by `schema` (use inside `request`). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

/** A body that is JSON only (a route that also takes a form, like the OAuth endpoints, reads its body itself). */
function hasJsonBody(request: RouteRequest | undefined): boolean {
  const types = Object.keys(request?.body?.content ?? {});
  return types.length > 0 && types.every((t) => t.includes('json'));
}

/** 415 for another Content-Type, 413 over the limit, 400 for broken JSON or a non-object; before zod validation. */
function jsonBodyGuard(limit: number): MiddlewareHandler<AppEnv> {
  return async function jsonBodyGuardMiddleware(c, next) {
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
      throw new AppError('unsupported_media_type', 'Kirim body sebagai application/json.');
    }
    const tooLarge = () => new AppError('payload_too_large', `Body terlalu besar (maksimal ${Math.round(limit / 1024)} KB).`);
    if (Number(c.req.header('Content-Length') ?? '0') > limit) throw tooLarge();
    const text = await c.req.text();
    if (new TextEncoder().encode(text).byteLength > limit) throw tooLarge();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError('bad_request', 'Body JSON tidak valid.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AppError('bad_request', 'Body JSON harus berupa objek.');
    await next();
  };
}

function responsesOf<P extends string, Req extends RouteRequest>(def: ApiRouteDef<P, Req>): RouteConfig['responses'] {
  const out: RouteConfig['responses'] = {};
  for (const r of def.responses) {
    const headers = headersOf([...(r.headers ?? []), ...(def.conditional && r.status === 200 ? (['ETag'] as const) : []), ...deprecatedHeaders(def)]);
    out[r.status] = {
      description: r.description,
      ...(headers ? { headers } : {}),
      ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : {}),
    };
  }
  if (def.conditional) out[304] = NOT_MODIFIED;
  const errors = new Set<ErrorStatus>(def.errors ?? []);
  if (def.access.partner) errors.add(401);
  if (def.access.partner && !def.access.public) errors.add(403);
  if (hasJsonBody(def.request)) for (const s of [400, 413, 415, 422] as const) errors.add(s);
  if (def.request?.query || paramsCanFail(def.request?.params)) errors.add(422);
  for (const status of [...errors].sort()) out[status] = problemResponse(status, def.errorNotes?.[status]);
  return { ...out, ...def.otherResponses };
}

/** Path parameters answer 422 when their schema rejects an odd or a very long string (a plain `z.string()` never does). */
function paramsCanFail(params: unknown): boolean {
  if (!(params instanceof z.ZodObject)) return false;
  const probe = (value: string) => params.safeParse(Object.fromEntries(Object.keys(params.shape).map((k) => [k, value]))).success;
  return !probe('\u0000') || !probe('x'.repeat(4096));
}

const deprecatedHeaders = (def: { deprecated?: Deprecation }): ResponseHeader[] =>
  def.deprecated ? ['Deprecation', ...(def.deprecated.sunset ? (['Sunset'] as const) : []), 'Link'] : [];

/** Builds the route: OpenAPI operation, access middleware, body guard and deprecation headers from one declaration. */
export function apiRoute<const P extends string, const Req extends RouteRequest = Record<never, never>>(def: ApiRouteDef<P, Req>) {
  const middleware: MiddlewareHandler<AppEnv>[] = [
    ...(def.deprecated ? [deprecationHeaders(def.deprecated)] : []),
    ...accessMiddleware(def.access),
    ...(hasJsonBody(def.request) ? [jsonBodyGuard(def.bodyLimit ?? DEFAULT_BODY_LIMIT)] : []),
    ...(def.middleware ?? []),
  ];
  return createRoute({
    method: def.method,
    path: def.path,
    operationId: def.operationId,
    tags: [def.tag],
    summary: def.summary,
    ...(def.description ? { description: def.description } : {}),
    ...(def.deprecated ? { deprecated: true } : {}),
    request: (def.conditional && !def.request?.headers ? { ...def.request, headers: IF_NONE_MATCH } : def.request) as Req,
    responses: responsesOf(def),
    security: securityOf(def.access),
    ...(def.valueMaps?.length ? { 'x-value-maps': def.valueMaps } : {}),
    ...(def.rateLimits?.length ? { 'x-rate-limits': def.rateLimits.map((r) => ({ limit: r.limit, window_seconds: r.windowMs / 1000, per: r.per })) } : {}),
    middleware,
  });
}
