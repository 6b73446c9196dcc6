import type { FC } from 'hono/jsx';
import type { RegionOption } from '../../admin/components';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { regionTitle } from '../../regions/labels';
import { Field } from '../../views/components';

export interface FanOutChoices {
  kecamatans: RegionOption[];
  regions: RegionOption[];
  /** The form's idempotency token (a double submit creates the copies once). */
  token: string;
}

/** "Terbitkan juga di wilayah lain" on the new-post form (used for kind `pengumuman` only; see fan-out.ts). */
export const FanOutFieldset: FC<{ choices: FanOutChoices; values?: FormValues; errors?: FieldError[] }> = ({ choices, values, errors }) => {
  const checked = new Set([values?.fanout_regions ?? []].flat());
  const open =
    checked.size > 0 || valueOf(values, 'fanout_kecamatan') !== '' || Boolean(errorFor(errors, 'fanout_regions') ?? errorFor(errors, 'fanout_kecamatan'));
  return (
    <details class="group" open={open}>
      <summary>Terbitkan juga di wilayah lain (khusus pengumuman)</summary>
      <input type="hidden" name="token" value={choices.token} />
      <p class="hint">
        Setiap wilayah mendapat salinan pengumuman ini di halamannya. Di wilayah yang masih perlu tinjauan, salinan dikirim ke peninjau wilayah itu.
      </p>
      {choices.kecamatans.length ? (
        <Field id="fanout_kecamatan" label="Semua desa/kelurahan di kecamatan" error={errorFor(errors, 'fanout_kecamatan')}>
          {(d) => (
            <select id="fanout_kecamatan" name="fanout_kecamatan" aria-describedby={d}>
              <option value="">— tidak —</option>
              {choices.kecamatans.map((k) => (
                <option value={k.code} selected={valueOf(values, 'fanout_kecamatan') === k.code}>
                  {regionTitle(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <fieldset class={errorFor(errors, 'fanout_regions') ? 'field field-error' : 'field'}>
        <legend>Atau pilih wilayah</legend>
        {errorFor(errors, 'fanout_regions') ? (
          <p class="error-message" id="fanout_regions-error">
            {errorFor(errors, 'fanout_regions')}
          </p>
        ) : null}
        {choices.regions.map((r) => (
          <label class="checkbox">
            <input type="checkbox" name="fanout_regions" value={r.code} checked={checked.has(r.code)} /> {regionTitle(r)}
          </label>
        ))}
      </fieldset>
    </details>
  );
};
