import type { FC } from 'hono/jsx';

/** Request and response fields of an operation in /api/docs, read from its (referenced) JSON Schemas. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  example?: unknown;
  examples?: unknown[];
  format?: string;
}
export type Components = Record<string, JsonSchema>;

export function resolve(schema: JsonSchema | undefined, components: Components): JsonSchema | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name ? { ...components[name], description: schema?.description ?? components[name]?.description } : schema;
}

function typeOf(schema: JsonSchema | undefined, components: Components): string {
  const s = resolve(schema, components);
  if (!s) return '';
  if (schema?.$ref) return schema.$ref.replace('#/components/schemas/', '');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alts = s.oneOf ?? s.anyOf;
  if (alts) return alts.map((a) => typeOf(a, components)).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items, components)}[]`;
  return [s.type ?? 'any'].flat().join(' | ') + (s.format ? ` (${s.format})` : '');
}

/** The object whose fields are worth listing: the schema itself, or the item of a page's `data` array. */
function fieldsHolder(schema: JsonSchema | undefined, components: Components): { schema?: JsonSchema; label?: string } {
  const s = resolve(schema, components);
  if (!s?.properties) return {};
  const data = s.properties.data;
  if (data?.type === 'array' && data.items && Object.keys(s.properties).length <= 3) {
    const item = resolve(data.items, components);
    if (item?.properties) return { schema: item, label: `Setiap butir data[] (${typeOf(data.items, components)})` };
  }
  return { schema: s };
}

export const FieldsTable: FC<{ schema: JsonSchema | undefined; components: Components; caption: string }> = ({ schema, components, caption }) => {
  const holder = fieldsHolder(schema, components);
  const props = holder.schema?.properties;
  if (!props) return null;
  const required = new Set(holder.schema?.required ?? []);
  const example = holder.schema?.example ?? holder.schema?.examples?.[0];
  return (
    <>
      <table class="table">
        <caption>{holder.label ? `${caption} — ${holder.label}` : caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kolom</th>
            <th scope="col">Tipe</th>
            <th scope="col">Wajib</th>
            <th scope="col">Keterangan</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(props).map(([name, p]) => (
            <tr>
              <td data-label="Kolom">
                <code>{name}</code>
              </td>
              <td data-label="Tipe">{typeOf(p, components)}</td>
              <td data-label="Wajib">{required.has(name) ? 'ya' : 'tidak'}</td>
              <td data-label="Keterangan">{resolve(p, components)?.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {example !== undefined ? (
        <details>
          <summary>Contoh</summary>
          <pre>
            <code>{JSON.stringify(example, null, 2)}</code>
          </pre>
        </details>
      ) : null}
    </>
  );
};
