// Contract checks of /api/v1 with the tools a partner's integrator uses: Redocly's linter (recommended rules),
// swagger-parser, openapi-typescript (+ the TypeScript compiler on the generated types) and ajv on real responses.
// Everything runs offline in Node against the document the portal serves (test/e2e/api-contract.e2e.test.ts).
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/** Node globals and modules, typed locally: the project's tsconfig loads the Workers types only (no @types/node). */
interface NodeSpawn {
  spawnSync(
    cmd: string,
    args: string[],
    opts: { cwd: string; env: Record<string, string | undefined>; encoding: 'utf8'; timeout: number; maxBuffer: number },
  ): { status: number | null; stdout: string; stderr: string; error?: Error };
}
interface NodeFs {
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, data: string): void;
  rmSync(path: string, opts: { recursive: boolean; force: boolean }): void;
}
const nodeProcess = (globalThis as unknown as { process: { env: Record<string, string | undefined>; execPath: string; cwd(): string } }).process;
const nodeModule = <T>(id: string): Promise<T> => import(/* @vite-ignore */ id) as Promise<T>;

/** A client IP of its own (CF-Connecting-IP) so this suite's rate limits never touch other suites'. */
export function testIp(): string {
  return `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
}

export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}
export interface Operation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Redocly CLI, offline (no telemetry, no update check), recommended rules.

export interface LintResult {
  errors: number;
  warnings: number;
  problems: Array<{ ruleId: string; severity: string; message: string; location?: Array<{ pointer?: string }> }>;
}

export async function lintWithRedocly(doc: OpenApiDoc): Promise<LintResult> {
  const { spawnSync } = await nodeModule<NodeSpawn>('node:child_process');
  const fs = await nodeModule<NodeFs>('node:fs');
  const { tmpdir } = await nodeModule<{ tmpdir(): string }>('node:os');
  const dir = fs.mkdtempSync(`${tmpdir()}/portal-openapi-`);
  try {
    const file = `${dir}/openapi.json`;
    fs.writeFileSync(file, JSON.stringify(doc));
    const cli = `${nodeProcess.cwd()}/node_modules/@redocly/cli/bin/cli.js`;
    const run = spawnSync(nodeProcess.execPath, [cli, 'lint', file, '--extends=recommended', '--format=json'], {
      cwd: dir, // no redocly.yaml there: exactly the recommended rules
      env: { ...nodeProcess.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    const start = run.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly printed no report (exit ${run.status}):\n${run.stderr}`);
    const report = JSON.parse(run.stdout.slice(start)) as { totals: { errors: number; warnings: number }; problems: LintResult['problems'] };
    return { errors: report.totals.errors, warnings: report.totals.warnings, problems: report.problems };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** swagger-parser: validates against the OpenAPI 3.1 schema and dereferences every $ref (throws on the first problem). */
export async function parseWithSwaggerParser(doc: OpenApiDoc): Promise<{ operations: number }> {
  const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as unknown as OpenApiDoc;
  return { operations: Object.values(api.paths).reduce((n, item) => n + Object.keys(item).length, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// openapi-typescript + the TypeScript compiler: generated types, then code typed against them must compile.

export async function generateClientTypes(doc: OpenApiDoc): Promise<string> {
  return astToString(await openapiTS(structuredClone(doc) as never));
}

/** Compiles `files` (name → source, e.g. 'api.d.ts' and 'check.ts') in memory, strict; returns the diagnostics. */
export function typecheck(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const mem = (name: string) => files[name.replace(/^.*\//, '')];
  host.readFile = (name) => (name.startsWith('/mem/') ? mem(name) : readFile(name));
  host.fileExists = (name) => (name.startsWith('/mem/') ? mem(name) !== undefined : fileExists(name));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name === '/mem' || name.startsWith('/mem/') || (directoryExists?.(name) ?? false);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) => {
    const text = name.startsWith('/mem/') ? mem(name) : undefined;
    return text !== undefined ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang);
  };
  const roots = Object.keys(files).map((f) => `/mem/${f}`);
  const program = ts.createProgram(roots, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Real responses against the document, with coverage of every (operation, status) the document declares.

export interface ApiCall {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  headers: Headers;
  body: unknown;
}

const essence = (ct: string | null) => (ct ?? '').split(';')[0]!.trim().toLowerCase();

export class ContractRecorder {
  readonly seen = new Set<string>();
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ method: string; template: string; re: RegExp; op: Operation }>;

  constructor(readonly doc: OpenApiDoc) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.routes = Object.entries(doc.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        op,
      })),
    );
  }

  operationOf(method: string, path: string): Operation {
    const hit = this.routes.find((r) => r.method === method.toUpperCase() && r.re.test(path));
    if (!hit) throw new Error(`not in the OpenAPI document: ${method} ${path}`);
    return hit.op;
  }

  private validator(schema: unknown, key: string): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      // Response schemas refer to '#/components/schemas/…': compile them next to the document's components.
      v = this.ajv.compile({ ...(schema as object), components: this.doc.components });
      this.validators.set(key, v);
    }
    return v;
  }

  /** Checks one real answer: status declared, media type declared, body valid, every declared header present. */
  check(call: ApiCall): string[] {
    const op = this.operationOf(call.method, call.path);
    const declared = op.responses[String(call.status)];
    const where = `${op.operationId} ${call.status}`;
    if (!declared) return [`${where}: status not declared (declared: ${Object.keys(op.responses).join(', ')})`];
    this.seen.add(where);
    const problems: string[] = [];
    for (const name of Object.keys(declared.headers ?? {})) {
      if (!call.headers.has(name)) problems.push(`${where}: declared header ${name} missing`);
    }
    const content = declared.content ?? {};
    if (!Object.keys(content).length) {
      if (call.body !== null && call.body !== '') problems.push(`${where}: no body declared but one was sent`);
      return problems;
    }
    const media = Object.keys(content).find((m) => m === essence(call.contentType));
    if (!media) return [...problems, `${where}: Content-Type ${call.contentType} not declared (${Object.keys(content).join(', ')})`];
    const validate = this.validator(content[media]!.schema, `${where} ${media}`);
    if (!validate(call.body)) {
      problems.push(`${where}: body does not match its schema: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`);
    }
    return problems;
  }

  /** Declared (operation, status) pairs no check has seen yet, minus the `exempt` ones. */
  gaps(exempt: ReadonlySet<string> = new Set()): string[] {
    return this.routes.flatMap((r) => Object.keys(r.op.responses).map((s) => `${r.op.operationId} ${s}`)).filter((k) => !this.seen.has(k) && !exempt.has(k));
  }
}

interface NodeHttp {
  request(
    url: string,
    opts: { method: string; headers: Record<string, string>; agent: false },
    cb: (res: {
      statusCode?: number;
      headers: Record<string, string | string[] | undefined>;
      on(ev: 'data', f: (chunk: Uint8Array) => void): void;
      on(ev: 'end', f: () => void): void;
    }) => void,
  ): { on(ev: 'error', f: (e: Error) => void): void; end(body?: string): void };
}

/**
 * One request on a fresh connection (node:http, no keep-alive: wrangler dev closes idle sockets, which makes a reused
 * fetch() connection fail now and then), the body read as JSON when the media type is JSON-ish.
 */
export async function callApi(base: string, method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<ApiCall> {
  const http = await nodeModule<NodeHttp>('node:http');
  const { status, headers, text } = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const req = http.request(`${base}/api/v1${path}`, { method, headers: init.headers ?? {}, agent: false }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const x of [v ?? []].flat()) h.append(k, x);
        const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.byteLength;
        }
        resolve({ status: res.statusCode ?? 0, headers: h, text: new TextDecoder().decode(bytes) });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
  const ct = headers.get('Content-Type');
  const body = /json/.test(essence(ct)) && text ? (JSON.parse(text) as unknown) : text === '' ? null : text;
  return { method, path: path.split('?')[0]!, status, contentType: ct, headers, body };
}
