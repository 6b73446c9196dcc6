import { REGENCY } from '../config';
import type { ApiRouter } from './route';
import { securitySchemes } from './security';
import { API_TAGS } from './tags';

type OpenAPIObject = ReturnType<ApiRouter['getOpenAPI31Document']>;

/**
 * /api/v1/openapi.json: generated from the route definitions registered on the /api/v1 router (every feature's
 * `apiRoute`s), so it cannot drift from what the routes validate and answer. Built once per router, origin and version.
 */
export const API_DESCRIPTION =
  `Versioned JSON API of the ${REGENCY.name} village & district portal. Field names are snake_case; times are ISO 8601 UTC; ` +
  'errors are RFC 9457 `application/problem+json` with documented problem types; lists page with opaque cursors (`next_cursor`). ' +
  'Human-readable reference, the getting-started guide, rate limits and the versioning policy: /api/docs.';

const cache = new WeakMap<ApiRouter, Map<string, OpenAPIObject>>();

export function openApiDocument(api: ApiRouter, { version, origin }: { version: string; origin: string }): OpenAPIObject {
  const key = `${version}\u0000${origin}`;
  const byKey = cache.get(api) ?? new Map<string, OpenAPIObject>();
  cache.set(api, byKey);
  const hit = byKey.get(key);
  if (hit) return hit;
  const generated = api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: `Portal ${REGENCY.name} — API data terbuka dan mitra`,
      version,
      description: API_DESCRIPTION,
      contact: { name: `Diskominfo ${REGENCY.name}`, url: `${origin}/api/docs` },
      license: { name: 'Data terbuka pemerintah daerah', url: `${origin}/api/docs#lisensi` },
    },
    servers: [{ url: `${origin}/api/v1`, description: 'This portal' }],
  });
  const used = new Set(Object.values(generated.paths ?? {}).flatMap((item) => Object.values(item).flatMap((op) => (op as { tags?: string[] }).tags ?? [])));
  const doc = fixNullableRefs({
    ...generated,
    tags: Object.entries(API_TAGS)
      .filter(([name]) => used.has(name))
      .map(([name, description]) => ({ name, description })),
    components: { ...generated.components, securitySchemes: securitySchemes(origin) },
  }) as OpenAPIObject;
  delete (doc as { webhooks?: unknown }).webhooks;
  byKey.set(key, doc);
  return doc;
}

/**
 * The generator writes a nullable reference (`Region.nullable()`) as `allOf: [{$ref}, {type: ['object', 'null']}]`,
 * which no value can satisfy when it is null (the referenced schema says `type: object`). Rewrite it as the standard
 * `oneOf: [{$ref}, {type: 'null'}]`, keeping any description.
 */
function fixNullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fixNullableRefs);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const allOf = obj.allOf;
  if (Array.isArray(allOf) && allOf.length === 2) {
    const [ref, extra] = allOf as [Record<string, unknown>, Record<string, unknown>];
    const type = extra?.type;
    if (typeof ref?.$ref === 'string' && Array.isArray(type) && type.includes('null')) {
      const { type: _type, ...rest } = extra;
      const { allOf: _allOf, ...others } = obj;
      return { ...others, ...rest, oneOf: [ref, { type: 'null' }] };
    }
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fixNullableRefs(v)]));
}
