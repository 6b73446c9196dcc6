import type { FC } from 'hono/jsx';
import { FieldsTable, type Components, type JsonSchema } from './docs-fields';
import { GettingStarted, type RateLimitRow, RateLimits, VersioningPolicy } from './docs-guide';
import type { openApiDocument } from './document';
import type { ValueMap } from './route';
import { PROBLEM_TYPES } from './problem';

type OpenApiDoc = ReturnType<typeof openApiDocument>;
interface Operation {
  summary: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema: unknown }>;
  security?: Array<Record<string, string[]>>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
  deprecated?: boolean;
  'x-rate-limits'?: Array<{ limit: number; window_seconds: number; per: string }>;
  'x-value-maps'?: ValueMap[];
}

const operationsOf = (doc: OpenApiDoc) =>
  Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops as unknown as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );

const firstSchema = (content: Record<string, { schema?: JsonSchema }> | undefined) => Object.values(content ?? {})[0]?.schema;

function successOf(op: Operation) {
  const status = Object.keys(op.responses ?? {}).find((s) => s.startsWith('2'));
  return status ? { status, schema: firstSchema(op.responses?.[status]?.content) } : undefined;
}

const accessLabel = (op: Operation) => {
  const scopes = scopesOf(op);
  if (op.security?.some((s) => 'clientBasic' in s)) return 'autentikasi klien OAuth (Basic atau client_id/client_secret di body)';
  if (!scopes.length) return 'publik';
  return `${op.security?.some((s) => Object.keys(s).length === 0) ? 'publik; token mitra dengan scope' : 'token mitra dengan scope'} ${scopes.join(', ')}`;
};

const scopesOf = (op: Operation) => (op.security ?? []).flatMap((s) => s.partnerOAuth ?? []);

/** A readable, server-rendered view of the OpenAPI document (no third-party UI, no CDN). */
export const ApiDocsView: FC<{ doc: OpenApiDoc; origin: string }> = ({ doc, origin }) => {
  const operations = operationsOf(doc);
  const components = ((doc.components as { schemas?: Components } | undefined)?.schemas ?? {}) as Components;
  const limits: RateLimitRow[] = operations.flatMap(({ path, method, op }) =>
    (op['x-rate-limits'] ?? []).map((r) => ({
      operation: `${method.toUpperCase()} /api/v1${path}`,
      limit: r.limit,
      windowSeconds: r.window_seconds,
      per: r.per,
    })),
  );
  return (
    <>
      <h1>API data terbuka dan mitra</h1>
      <p>{doc.info.description}</p>
      <p>
        Dokumen mesin: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Versi {doc.info.version}.
      </p>
      <nav aria-label="Isi dokumentasi">
        <ul>
          <li>
            <a href="#memulai">Memulai</a>
          </li>
          <li>
            <a href="#batas-laju">Batas laju</a>
          </li>
          <li>
            <a href="#kesalahan">Format kesalahan</a>
          </li>
          <li>
            <a href="#versi">Versi dan penghentian</a>
          </li>
          <li>
            <a href="#endpoint">Endpoint</a>
          </li>
        </ul>
      </nav>
      <GettingStarted origin={origin} />
      <RateLimits rows={limits} />
      <section aria-labelledby="kesalahan">
        <h2 id="kesalahan">Format kesalahan</h2>
        <p>
          Setiap kesalahan dijawab dengan <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>, <code>status</code>,{' '}
          <code>detail</code>, dan <code>errors[]</code> per kolom untuk kesalahan validasi. Endpoint OAuth menjawab kesalahan sesuai RFC 6749 §5.2 (
          <code>{'{"error": "invalid_client", "error_description": "…"}'}</code>).
        </p>
        <dl>
          {Object.entries(PROBLEM_TYPES).map(([code, t]) => (
            <>
              <dt id={`problem-${code}`}>
                <code>{code}</code> — {t.status} {t.title}
              </dt>
              <dd>{t.description}</dd>
            </>
          ))}
        </dl>
      </section>
      <VersioningPolicy />
      <h2 id="endpoint">Endpoint</h2>
      {operations.map(({ path, method, op }) => {
        const success = successOf(op);
        return (
          <section class="endpoint">
            <h3>
              <code>
                {method.toUpperCase()} /api/v1{path}
              </code>
              {op.deprecated ? ' (usang)' : null}
            </h3>
            <p>{op.summary}</p>
            {op.description ? <p>{op.description}</p> : null}
            <p>Akses: {accessLabel(op)}</p>
            {op.parameters?.length ? (
              <table class="table">
                <caption>Parameter</caption>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">Di</th>
                    <th scope="col">Wajib</th>
                    <th scope="col">Keterangan</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td data-label="Parameter">
                        <code>{p.name}</code>
                      </td>
                      <td data-label="Di">{p.in}</td>
                      <td data-label="Wajib">{p.required ? 'ya' : 'tidak'}</td>
                      <td data-label="Keterangan">{p.description ?? schemaHint(p.schema)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {(op['x-value-maps'] ?? []).map((m) => (
              <ValueMapTable map={m} />
            ))}
            <FieldsTable schema={firstSchema(op.requestBody?.content)} components={components} caption="Isi permintaan" />
            {success ? <FieldsTable schema={success.schema} components={components} caption={`Jawaban ${success.status}`} /> : null}
            <p class="hint">Status: {Object.keys(op.responses ?? {}).join(', ')}</p>
          </section>
        );
      })}
    </>
  );
};

const ValueMapTable: FC<{ map: ValueMap }> = ({ map }) => (
  <table class="table" id={map.id}>
    <caption>{map.title}</caption>
    <thead>
      <tr>
        {map.columns.map((c) => (
          <th scope="col">{c}</th>
        ))}
      </tr>
    </thead>
    <tbody>
      {map.rows.map((r) => (
        <tr>
          {r.map((cell, i) => (
            <td data-label={map.columns[i]}>{cell}</td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

function schemaHint(schema: unknown): string {
  const s = schema as { type?: string; enum?: string[]; maximum?: number; minimum?: number };
  if (s.enum) return `salah satu: ${s.enum.join(', ')}`;
  return [s.type, s.minimum !== undefined ? `min ${s.minimum}` : '', s.maximum !== undefined ? `maks ${s.maximum}` : ''].filter(Boolean).join(', ');
}
