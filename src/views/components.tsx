import type { Child, FC } from 'hono/jsx';
import type { FieldError } from '../lib/errors';

export interface Crumb {
  label: string;
  href?: string;
}

export const Breadcrumbs: FC<{ items: Crumb[] }> = ({ items }) => (
  <nav class="crumbs" aria-label="Lokasi halaman">
    <ol>
      {items.map((c, i) =>
        i === items.length - 1 || !c.href ? (
          <li aria-current="page">{c.label}</li>
        ) : (
          <li>
            <a href={c.href}>{c.label}</a>
          </li>
        ),
      )}
    </ol>
  </nav>
);

/** GOV.UK-style error summary: announced on load and linking to each field. */
export const ErrorSummary: FC<{ errors: FieldError[]; fieldIds?: Record<string, string> }> = ({ errors, fieldIds }) =>
  errors.length === 0 ? null : (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Ada yang perlu diperbaiki</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${fieldIds?.[e.field] ?? e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => Child;
}

/** Label above, hint under label, error above the control; ids `${id}-hint` / `${id}-error` joined in aria-describedby. */
export const Field: FC<FieldProps> = ({ id, label, hint, error, children }) => {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">Kesalahan: </span>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
};

export type TagTone = 'grey' | 'blue' | 'yellow' | 'green' | 'red';

/** Status tag: colour by family, always with the word. */
export const StatusTag: FC<{ tone: TagTone; children: Child }> = ({ tone, children }) => <strong class={`tag tag-${tone}`}>{children}</strong>;

export const EmptyState: FC<{ children: Child }> = ({ children }) => <div class="empty">{children}</div>;

export const Pagination: FC<{ prev?: string; next?: string; label?: string }> = ({ prev, next, label }) =>
  !prev && !next ? null : (
    <nav class="pager" aria-label={label ?? 'Halaman'}>
      {prev ? (
        <a href={prev} rel="prev">
          ‹ Sebelumnya
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a href={next} rel="next">
          Berikutnya ›
        </a>
      ) : null}
    </nav>
  );
