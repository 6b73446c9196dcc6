/**
 * Fuzzing driven by the generated OpenAPI document (issue 12, "keep the class closed"): every operation of
 * /api/v1/openapi.json, its parameters and JSON request body walked from their schemas, called with values that fit
 * the schema and with hostile or wrong-typed ones, anonymously and with a partner token holding every scope. Never a
 * 500; every error is RFC 9457 problem+json (the content type, and `status` equal to the HTTP status), unless the
 * document says otherwise for that response (the OAuth token endpoint: RFC 6749 errors). Bounded: a
 * fixed seed and a few runs per operation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCOPE_NAMES } from '../../src/api/scopes';
import { get, ORIGIN } from '../helpers/http';
import { partnerToken } from '../helpers/tenders';
import { SELF } from '../helpers/worker';

type Schema = { [key: string]: unknown };
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
}

const PARAMS = { seed: 20261203, numRuns: 4, endOnFailure: true };
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u202Egnp.exe\u200B',
  '\u0000',
  '../../etc/passwd',
  '%00%0d%0a',
  '-1',
  '1e309',
  'NaN',
  '',
  '٠١٢٣',
  '𝕏'.repeat(40),
  'a'.repeat(3000),
);
const wrongType = fc.oneof(hostile, fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));

/** Follows a local `$ref` (components) to its target. */
function resolve<T>(doc: Doc, node: T): T {
  let n = node as { $ref?: string };
  for (let guard = 0; n && typeof n.$ref === 'string' && guard < 10; guard++) {
    const path = n.$ref.replace(/^#\//, '').split('/');
    n = path.reduce<unknown>((acc, k) => (acc as Record<string, unknown>)?.[k], doc) as { $ref?: string };
  }
  return n as T;
}

/** Values that fit a JSON schema (the subset zod emits: types, enums, formats, bounds, patterns, objects, arrays). */
function fits(doc: Doc, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw ?? {}) as Schema;
  if (depth > 4) return fc.constant(null);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if ('const' in s) return fc.constant(s.const);
  for (const k of ['anyOf', 'oneOf'] as const) if (Array.isArray(s[k])) return fc.oneof(...(s[k] as Schema[]).map((x) => fits(doc, x, depth + 1)));
  if (Array.isArray(s.allOf)) return fits(doc, (s.allOf as Schema[])[0], depth + 1);
  const type = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => fits(doc, { ...s, type: t }, depth)));
  switch (type[0]) {
    case 'string': {
      if (s.format === 'date-time')
        return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'date')
        return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'uri') return fc.constantFrom('https://contoh.go.id/a', 'https://spse.kutaitimurkab.go.id/x?y=1');
      if (s.format === 'email') return fc.constant('warga@contoh.id');
      if (typeof s.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= Number(s.maxLength ?? 500));
        } catch {
          /* a pattern JavaScript cannot compile: plain strings below */
        }
      }
      const minLength = Number(s.minLength ?? 0);
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(Number(s.maxLength ?? 40), 40)) });
    }
    case 'integer':
      return fc.integer({ min: Number(s.minimum ?? -1000), max: Number(s.maximum ?? Math.max(1000, Number(s.minimum ?? 0))) });
    case 'number':
      return fc.double({ min: Number(s.minimum ?? -1000), max: Number(s.maximum ?? 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fits(doc, s.items as Schema, depth + 1), { minLength: Number(s.minItems ?? 0), maxLength: Math.min(Number(s.maxItems ?? 3), 3) });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fits(doc, v, depth + 1)])), {
        requiredKeys: required.filter((k) => k in props),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A schema's value, or (when `hostileMode`) a hostile / wrong-typed one in its place, or one field of an object broken. */
function valueFor(doc: Doc, schema: Schema | undefined, hostileMode: boolean): fc.Arbitrary<unknown> {
  if (!hostileMode) return fits(doc, schema);
  const s = resolve(doc, schema ?? {}) as Schema;
  if (s.type === 'object' && s.properties) {
    const keys = Object.keys(s.properties as object);
    return fc.tuple(fits(doc, s), fc.constantFrom(...keys), wrongType).map(([v, k, bad]) => ({ ...(v as object), [k]: bad }));
  }
  return fc.oneof(wrongType, fits(doc, s));
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

interface Call {
  /** The content types the document gives for an error response of this status (none documented: problem+json). */
  errorTypes(status: number): string[];
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function callFor(doc: Doc, path: string, method: string, op: Operation, token: string | null): fc.Arbitrary<Call> {
  const params = (op.parameters ?? []).map((p) => resolve(doc, p));
  const json = op.requestBody?.content?.['application/json']?.schema;
  return fc.boolean().chain((hostileMode) =>
    fc
      .record({
        values: fc.tuple(...params.map((p) => fc.option(valueFor(doc, p.schema, hostileMode), { nil: undefined, freq: p.required ? 20 : 3 }))),
        body: json ? fc.oneof({ weight: 4, arbitrary: valueFor(doc, json, hostileMode).map((v) => JSON.stringify(v)) }, hostile) : fc.constant(undefined),
        key: fc.uuid(),
      })
      .map(({ values, body, key }) => {
        let url = path;
        const query = new URLSearchParams();
        const headers: Record<string, string> = { 'CF-Connecting-IP': `198.51.100.${(Math.abs(key.charCodeAt(0) * 7) % 250) + 1}` };
        params.forEach((p, i) => {
          const v = values[i];
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v === undefined ? 'x' : asText(v)));
          else if (v === undefined) return;
          else if (p.in === 'query') query.set(p.name, asText(v));
          else if (p.in === 'header' && /^[\x20-\x7e]*$/.test(asText(v))) headers[p.name] = asText(v);
        });
        if (token) headers.Authorization = `Bearer ${token}`;
        if (method !== 'get') {
          headers['Idempotency-Key'] ??= `fuzz_${key.replace(/-/g, '')}`;
          headers['Content-Type'] = 'application/json';
        }
        const qs = query.toString();
        return {
          errorTypes: (status: number) =>
            Object.keys(resolve(doc, op.responses?.[String(status)] ?? op.responses?.['4XX'] ?? op.responses?.default ?? {}).content ?? {}),
          method: method.toUpperCase(),
          url: `/api/v1${url}${qs ? `?${qs}` : ''}`,
          headers,
          body: method === 'get' ? undefined : (body ?? '{}'),
        };
      }),
  );
}

async function expectProblemOnError(call: Call): Promise<void> {
  const res = await SELF.fetch(`${ORIGIN}${call.url}`, { method: call.method, headers: call.headers, body: call.body, redirect: 'manual' });
  const text = await res.text();
  const label = `${call.method} ${call.url.slice(0, 200)} → ${res.status}: ${text.slice(0, 200)}`;
  expect(res.status, label).toBeLessThan(500);
  if (res.status < 400) return;
  const documented = call.errorTypes(res.status);
  const type = res.headers.get('Content-Type') ?? '';
  if (documented.length && !documented.includes('application/problem+json')) {
    // The one documented exception: the OAuth token endpoint answers RFC 6749 §5.2 errors ({"error": …}).
    expect(
      documented.some((t) => type.startsWith(t)),
      label,
    ).toBe(true);
    expect(typeof (JSON.parse(text) as { error?: unknown }).error, label).toBe('string');
    return;
  }
  expect(type, label).toContain('application/problem+json');
  const problem = JSON.parse(text) as { status?: number; title?: string; type?: string };
  expect(problem.status, label).toBe(res.status);
  expect(typeof problem.title, label).toBe('string');
}

describe('fuzz: the API from its OpenAPI document', () => {
  it('every operation, anonymous and as a partner with every scope: < 500, errors are problem+json', { timeout: 240_000 }, async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as Doc;
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const token = await partnerToken(SCOPE_NAMES);
    let calls = 0;
    for (const { path, method, op } of operations) {
      await fc.assert(
        fc.asyncProperty(callFor(doc, path, method, op, null), callFor(doc, path, method, op, token), async (anonymous, partner) => {
          await expectProblemOnError(anonymous);
          await expectProblemOnError(partner);
          calls += 2;
        }),
        PARAMS,
      );
    }
    expect(calls).toBeGreaterThanOrEqual(operations.length * 2 * PARAMS.numRuns);
  });
});
