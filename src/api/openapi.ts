import { z } from 'zod';
import { PARTNER_SCOPES } from './scopes';
import { REGENCY } from '../config';

/**
 * The OpenAPI 3.1 document is built from the same zod schemas the routes validate with: each API module calls
 * `describeRoute` next to its handler, and /api/v1/openapi.json assembles them.
 */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api/v1, e.g. '/regions/{code}'. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  bodyContentTypes?: string[];
  response: z.ZodType;
  responseContentType?: string;
  /** Required partner scopes; empty/undefined means public. */
  scopes?: string[];
  headers?: Record<string, { description: string; required?: boolean }>;
}

const routes: RouteDoc[] = [];

export function describeRoute(doc: RouteDoc): void {
  if (!routes.some((r) => r.method === doc.method && r.path === doc.path)) routes.push(doc);
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
}

function parametersOf(obj: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!obj) return [];
  const schema = jsonSchema(obj, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(name),
    schema: s,
    description: (s as { description?: string }).description,
  }));
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

export function buildOpenApi(version: string, origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      operationId: `${r.method}${r.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      parameters: [
        ...parametersOf(r.params, 'path'),
        ...parametersOf(r.query, 'query'),
        ...Object.entries(r.headers ?? {}).map(([name, h]) => ({
          name,
          in: 'header',
          required: h.required ?? false,
          description: h.description,
          schema: { type: 'string' },
        })),
      ],
      responses: {
        '200': {
          description: 'OK',
          content: { [r.responseContentType ?? 'application/json']: { schema: jsonSchema(r.response, 'output') } },
        },
        '304': { description: 'Not modified (If-None-Match matched the ETag)' },
        '400': problemResponse('Bad request'),
        '404': problemResponse('Not found'),
        '422': problemResponse('Validation failed; `errors` lists each field'),
        ...(r.scopes?.length ? { '401': problemResponse('Missing or invalid token'), '403': problemResponse('Token lacks the scope') } : {}),
      },
      ...(r.scopes?.length ? { security: [{ partnerOAuth: r.scopes }], 'x-required-scopes': r.scopes } : { security: [] }),
    };
    if (r.body) {
      const schema = jsonSchema(r.body, 'input');
      op.requestBody = {
        required: true,
        content: Object.fromEntries((r.bodyContentTypes ?? ['application/json']).map((ct) => [ct, { schema }])),
      };
    }
    paths[r.path] ??= {};
    paths[r.path]![r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Portal ${REGENCY.name} — API data terbuka dan mitra`,
      version,
      description:
        `Versioned JSON API of the ${REGENCY.name} village & district portal. Field names are snake_case; errors are ` +
        'RFC 9457 application/problem+json; list endpoints use opaque cursors (`next_cursor`).',
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(ProblemSchema, 'output') },
      securitySchemes: {
        partnerOAuth: {
          type: 'oauth2',
          description: 'Partner systems obtain a short-lived JWT with the client-credentials grant.',
          flows: { clientCredentials: { tokenUrl: `${origin}/api/v1/oauth/token`, scopes: { ...PARTNER_SCOPES } as Record<string, string> } },
        },
      },
    },
  };
}
