import type { FC } from 'hono/jsx';
import type { openApiDocument } from './document';

type OpenApiDoc = ReturnType<typeof openApiDocument>;
interface Operation {
  summary: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema: unknown }>;
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
}

const scopesOf = (op: Operation) => (op.security ?? []).flatMap((s) => s.partnerOAuth ?? []);

/** A readable, server-rendered view of the OpenAPI document (no third-party UI, no CDN). */
export const ApiDocsView: FC<{ doc: OpenApiDoc }> = ({ doc }) => (
  <>
    <h1>API data terbuka dan mitra</h1>
    <p>{doc.info.description}</p>
    <p>
      Dokumen mesin: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Versi {doc.info.version}.
    </p>
    <h2 id="kesalahan">Format kesalahan</h2>
    <p>
      Setiap kesalahan dijawab dengan <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>, <code>status</code>,{' '}
      <code>detail</code>, dan <code>errors[]</code> per kolom untuk kesalahan validasi.
    </p>
    {Object.entries(doc.paths ?? {}).map(([path, ops]) =>
      Object.entries(ops as unknown as Record<string, Operation>).map(([method, op]) => (
        <section class="endpoint">
          <h2>
            <code>
              {method.toUpperCase()} /api/v1{path}
            </code>
          </h2>
          <p>{op.summary}</p>
          {op.description ? <p>{op.description}</p> : null}
          <p>
            Akses:{' '}
            {scopesOf(op).length ? (
              <>
                token mitra dengan scope <code>{scopesOf(op).join(', ')}</code>
              </>
            ) : (
              'publik'
            )}
          </p>
          {op.parameters?.length ? (
            <table class="table">
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
        </section>
      )),
    )}
    {[
      'bad_request',
      'validation',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'internal',
    ].map((code) => (
      <p id={`problem-${code}`} class="hint">
        <code>{code}</code>
      </p>
    ))}
  </>
);

function schemaHint(schema: unknown): string {
  const s = schema as { type?: string; enum?: string[]; maximum?: number; minimum?: number };
  if (s.enum) return `salah satu: ${s.enum.join(', ')}`;
  return [s.type, s.minimum !== undefined ? `min ${s.minimum}` : '', s.maximum !== undefined ? `maks ${s.maximum}` : ''].filter(Boolean).join(', ');
}
