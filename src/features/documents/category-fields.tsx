import type { FC } from 'hono/jsx';
import { INFO_CATEGORIES, type DocumentCategory, type RegionLevel } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { categoriesForLevel, DOCUMENT_CATEGORY_RULES } from '../../regions/document-categories';
import { Field } from '../../views/components';
import { CATEGORY_LABELS, INFO_CATEGORY_HINTS, INFO_CATEGORY_LABELS } from './labels';

/** The categories offered for regions of these levels (a category kept from before stays selectable). */
function offered(levels: readonly RegionLevel[], current: string): DocumentCategory[] {
  const set = new Set(levels.flatMap(categoriesForLevel));
  return (Object.keys(DOCUMENT_CATEGORY_RULES) as DocumentCategory[]).filter((c) => set.has(c) || c === current);
}

/**
 * The document's category (only those that fit the region's level) and its PPID class. Without JS the server fills
 * the category's usual class when none is chosen; with JS (document-form.js) picking a category checks its usual class
 * until the officer picks one, and a region choice hides the categories its level does not have.
 */
export const CategoryFields: FC<{ values: FormValues; errors?: FieldError[]; levels: readonly RegionLevel[] }> = ({ values: v, errors: e, levels }) => {
  const current = valueOf(v, 'category');
  return (
    <>
      <Field id="category" label="Kategori" error={errorFor(e, 'category')}>
        {(d) => (
          <select id="category" name="category" aria-describedby={d} data-category-select>
            <option value="">Pilih kategori</option>
            {offered(levels, current).map((k) => (
              <option
                value={k}
                selected={current === k}
                data-levels={DOCUMENT_CATEGORY_RULES[k].levels.join(' ')}
                data-info={DOCUMENT_CATEGORY_RULES[k].infoCategory}
              >
                {CATEGORY_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="group" aria-describedby={errorFor(e, 'info_category') ? 'info_category-error info_category-hint' : 'info_category-hint'}>
        <legend>Kategori informasi publik (PPID)</legend>
        <p class="hint" id="info_category-hint">
          Bila tidak dipilih, mengikuti kategori dokumen: LKJIP, Renja, RKA, DPA, APBDes dan laporan berkala; SOP, Renstra dan Perdes tersedia setiap saat.
        </p>
        {errorFor(e, 'info_category') ? (
          <p class="error-message" id="info_category-error">
            {errorFor(e, 'info_category')}
          </p>
        ) : null}
        {INFO_CATEGORIES.map((k, i) => (
          <div class="radio">
            <input
              type="radio"
              id={i === 0 ? 'info_category' : `info_category-${k}`}
              name="info_category"
              value={k}
              checked={valueOf(v, 'info_category') === k}
            />
            <label for={i === 0 ? 'info_category' : `info_category-${k}`}>
              {INFO_CATEGORY_LABELS[k]}
              <span class="hint"> — {INFO_CATEGORY_HINTS[k]}</span>
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
};
