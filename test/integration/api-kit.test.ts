// The /api/v1 kit (src/api/route.ts and friends) as a feature uses it: validation, body checks, access, 405 with
// Allow, deprecation headers, problem types in API terms, and the document generated from the same declarations.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../src/app';
import { apiRoute, apiRouter, IDEMPOTENCY_KEY_HEADER, jsonBody } from '../../src/api/route';
import { FEATURES } from '../../src/features';
import type { FeatureDescriptor } from '../../src/features/descriptor';
import { ORIGIN } from '../helpers/http';

const Item = z.object({ id: z.string(), note: z.string().nullable() }).meta({ id: 'KitItem' });
const Holder = z.object({ item: Item.nullable() });

const kitFeature: FeatureDescriptor = {
  name: 'kit-probe',
  api: () => {
    const app = apiRouter();
    app.openapi(
      apiRoute({
        method: 'post',
        path: '/kit-probe/items',
        operationId: 'createKitItem',
        tag: 'Meta',
        summary: 'Creates an item',
        access: { public: true },
        bodyLimit: 200,
        request: {
          headers: IDEMPOTENCY_KEY_HEADER,
          body: jsonBody(z.strictObject({ id: z.string().min(2, 'id minimal 2 huruf.') })),
        },
        responses: [{ status: 201, description: 'Created', schema: Item, headers: ['Location'] }],
      }),
      (c) => {
        c.header('Location', `/api/v1/kit-probe/items/${c.req.valid('json').id}`);
        return c.json({ id: c.req.valid('json').id, note: null }, 201);
      },
    );
    app.openapi(
      apiRoute({
        method: 'get',
        path: '/kit-probe/items/{id}',
        operationId: 'getKitItem',
        tag: 'Meta',
        summary: 'An old way to read an item',
        access: { partner: 'complaints:read' },
        request: { params: z.object({ id: z.string() }) },
        responses: [{ status: 200, description: 'The item', schema: Holder }],
        deprecated: { since: '2026-09-01', sunset: '2027-03-01', successor: '/kit-probe/v2/items/{id}' },
      }),
      (c) => c.json({ item: { id: c.req.valid('param').id, note: null } }, 200),
    );
    return app;
  },
};

const app = createApp([...FEATURES, kitFeature]);
const call = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}/api/v1${path}`, init, env);
const post = (body: string, headers: Record<string, string> = {}) =>
  call('/kit-probe/items', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

describe('the /api/v1 kit', () => {
  it('validates bodies and headers into problem+json: 201, 415, 413, 400, 422', async () => {
    const ok = await post('{"id":"ab"}');
    expect(ok.status).toBe(201);
    expect(ok.headers.get('Location')).toBe('/api/v1/kit-probe/items/ab');

    const wrongType = await call('/kit-probe/items', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'ab' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('Content-Type')).toContain('application/problem+json');
    expect((await post(JSON.stringify({ id: 'x'.repeat(300) }))).status).toBe(413);
    expect((await post('{"id":')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    const invalid = await post('{"id":"a","extra":1}');
    expect(invalid.status).toBe(422);
    const problem = await invalid.json<Problem>();
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['_', 'id']);
    expect(problem.errors?.find((e) => e.field === 'id')?.message).toBe('id minimal 2 huruf.');
    const badKey = await post('{"id":"ab"}', { 'Idempotency-Key': 'short' });
    expect(badKey.status).toBe(400);
    expect((await badKey.json<Problem>()).errors?.[0]?.field).toBe('Idempotency-Key');
  });

  it('answers problem types in API terms, with a documented type URI', async () => {
    const res = await call('/tidak-ada-sama-sekali');
    expect(res.status).toBe(404);
    const p = await res.json<Problem>();
    expect(p.title).toBe('Sumber daya tidak ditemukan'); // not the HTML pages' "Halaman tidak ditemukan"
    expect(p.type).toBe(`${ORIGIN}/api/docs#problem-not_found`);
    const docs = await (await app.request(`${ORIGIN}/api/docs`, {}, env)).text();
    expect(docs).toContain('id="problem-not_found"');
  });

  it('answers 405 with Allow for a known path and another method, 404 for an unknown path', async () => {
    const res = await call('/kit-probe/items', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('OPTIONS, POST');
    expect((await res.json<Problem>()).type).toContain('#problem-method_not_allowed');
    const regions = await call('/regions/64.08', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(regions.status).toBe(405);
    expect(regions.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect((await call('/regions/64.08', { method: 'HEAD' })).status).toBe(200);
    expect((await call('/kit-probe/nothing', { method: 'DELETE' })).status).toBe(404);
  });

  it('enforces access from the declaration and sends Deprecation, Sunset and Link on a deprecated route', async () => {
    const anonymous = await call('/kit-probe/items/ab');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect(anonymous.headers.get('Deprecation')).toBe(`@${Date.parse('2026-09-01T00:00:00Z') / 1000}`);
    expect(anonymous.headers.get('Sunset')).toBe('Mon, 01 Mar 2027 00:00:00 GMT');
    expect(anonymous.headers.get('Link')).toContain('</api/v1/kit-probe/v2/items/{id}>; rel="successor-version"');
  });

  it('documents each route from its declaration: statuses, headers, security, nullable references', async () => {
    const doc = await (await call('/openapi.json')).json<{
      paths: Record<string, Record<string, { deprecated?: boolean; security: unknown; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>();
    const create = doc.paths['/kit-probe/items']!.post!;
    expect(Object.keys(create.responses).sort()).toEqual(['201', '400', '413', '415', '422']);
    expect(Object.keys(create.responses['201']!.headers ?? {})).toEqual(['Location']);
    expect(create.security).toEqual([]);
    const old = doc.paths['/kit-probe/items/{id}']!.get!;
    expect(old.deprecated).toBe(true);
    expect(old.security).toEqual([{ partnerOAuth: ['complaints:read'] }]);
    expect(Object.keys(old.responses).sort()).toEqual(['200', '401', '403']);
    expect(Object.keys(old.responses['200']!.headers ?? {}).sort()).toEqual(['Deprecation', 'Link', 'Sunset']);
    // `Item.nullable()` is a reference that also admits null (not an allOf no null can satisfy).
    expect(doc.components.schemas.KitItem).toBeDefined();
    expect(JSON.stringify(old.responses['200'])).toContain('"oneOf":[{"$ref":"#/components/schemas/KitItem"},{"type":"null"}]');
  });
});
