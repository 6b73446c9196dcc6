// The partner API as standard tools see it: the served /api/v1/openapi.json passes Redocly's recommended rules with
// no error, parses with swagger-parser, generates a typed client with openapi-typescript that real code type-checks
// against, and every operation's real answers — successes and errors — match their schemas (ajv). Runs against the
// e2e portal (scripts/e2e.mjs: wrangler dev with the demo seed); needs no browser.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ApiCall,
  type OpenApiDoc,
  ContractRecorder,
  callApi,
  generateClientTypes,
  lintWithRedocly,
  parseWithSwaggerParser,
  testIp,
  typecheck,
} from './helpers/api-contract';
import { baseUrl, e2eEnabled } from './helpers/browser';

describe.skipIf(!e2eEnabled())('API contract (OpenAPI document ⇄ real answers)', () => {
  let doc: OpenApiDoc;
  let contract: ContractRecorder;
  const ip = testIp();
  const failures: string[] = [];

  /** Calls the API and checks the answer against the document; returns it for the test's own assertions. */
  async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<ApiCall> {
    const res = await callApi(baseUrl(), method, path, { ...init, headers: { 'CF-Connecting-IP': ip, ...init.headers } });
    failures.push(...contract.check(res));
    return res;
  }

  beforeAll(async () => {
    const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDoc;
    contract = new ContractRecorder(doc);
  });

  afterAll(() => {
    if (failures.length) console.error(failures.join('\n'));
  });

  test('Redocly lint (recommended rules): no errors', async () => {
    const result = await lintWithRedocly(doc);
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} @ ${p.location?.[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    expect(result.errors).toBe(0);
  });

  test('swagger-parser validates and dereferences the document', async () => {
    const { operations } = await parseWithSwaggerParser(doc);
    expect(operations).toBeGreaterThan(0);
  });

  test('regions: real answers match their schemas, and the typed client accepts them', async () => {
    const list = await call('GET', '/regions?level=kecamatan&limit=5');
    expect(list.status).toBe(200);
    const etag = list.headers.get('ETag')!;
    expect((await call('GET', '/regions?level=kecamatan&limit=5', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await call('GET', '/regions?cursor=bm90LWpzb24')).status).toBe(400);
    expect((await call('GET', '/regions?level=provinsi')).status).toBe(422);
    const one = await call('GET', '/regions/64.08.04.2012');
    expect(one.status).toBe(200);
    expect((await call('GET', '/regions/64.08.04.2012', { headers: { 'If-None-Match': one.headers.get('ETag')! } })).status).toBe(304);
    expect((await call('GET', '/regions/64.08.99')).status).toBe(404);
    expect((await call('GET', '/regions/abc')).status).toBe(422);

    const types = await generateClientTypes(doc);
    const check = [
      "import type { paths } from './api';",
      "type RegionList = paths['/regions']['get']['responses'][200]['content']['application/json'];",
      "type RegionDetail = paths['/regions/{code}']['get']['responses'][200]['content']['application/json'];",
      `export const list: RegionList = ${JSON.stringify(list.body)};`,
      `export const one: RegionDetail = ${JSON.stringify(one.body)};`,
      '// @ts-expect-error next_cursor is required: the generated types are not `any`',
      'export const broken: RegionList = { data: [] };',
    ].join('\n');
    expect(typecheck({ 'api.d.ts': types, 'check.ts': check })).toEqual([]);
    expect(failures).toEqual([]);
  });

  test('every declared status of every converted operation was seen', () => {
    expect(contract.gaps()).toEqual([]);
  });
});
