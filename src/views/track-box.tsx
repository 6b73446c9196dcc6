import type { FC } from 'hono/jsx';

export interface TrackerHint {
  label: string;
  example: string;
}

/**
 * The one "Lacak" box on every region home: any tracking number the portal issues (complaints, PPID requests,
 * letters…, from the registry's trackers) goes in the same field; the portal sends it to the right tracking page,
 * where a private code, if any, is asked for and sent by POST — never in a link.
 */
export const TrackBox: FC<{ regionPath: string; trackers: TrackerHint[]; value?: string; error?: string }> = ({ regionPath, trackers, value, error }) => {
  const action = regionPath ? `/${regionPath}/lacak` : '/lacak';
  const hint = `Mis. ${trackers.map((t) => `${t.example} (${t.label.toLowerCase()})`).join(', ')}.`;
  return (
    <form class="track-box" method="get" action={action} role="search" aria-labelledby="lacak-judul">
      <h2 id="lacak-judul">Lacak nomor</h2>
      <div class={error ? 'field field-error' : 'field'}>
        <label for="lacak-nomor">Nomor pelacakan</label>
        <p class="hint" id="lacak-nomor-hint">
          {hint}
        </p>
        {error ? (
          <p class="error-message" id="lacak-nomor-error">
            <span class="visually-hidden">Kesalahan: </span>
            {error}
          </p>
        ) : null}
        <div class="track-row">
          <input
            type="text"
            id="lacak-nomor"
            name="nomor"
            value={value ?? ''}
            maxlength={40}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby={error ? 'lacak-nomor-hint lacak-nomor-error' : 'lacak-nomor-hint'}
          />
          <button type="submit">Lacak</button>
        </div>
      </div>
    </form>
  );
};
