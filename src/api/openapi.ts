import { z } from 'zod';

/**
 * LEGACY, being replaced by `apiRoute` (src/api/route.ts): modules not yet converted still call `describeRoute`;
 * their paths are merged into the generated document. Delete this file once no module uses it.
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

/** Paths of modules not yet converted to `apiRoute` (src/api/route.ts); merged into the generated document. */
export function legacyOpenApiPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = {
      'x-legacy': true,
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
  return paths;
}
