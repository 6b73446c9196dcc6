import type { FC } from 'hono/jsx';

/** The region search (GET /wilayah), live with htmx; on the region directory and on every 404 page. */
export const SearchForm: FC<{ q: string; error?: string }> = ({ q, error }) => (
  <form class="search" method="get" action="/wilayah" role="search">
    <label for="q">Cari desa, kelurahan atau kecamatan</label>
    {error ? (
      <p class="error-message" id="q-error">
        <span class="visually-hidden">Kesalahan: </span>
        {error}
      </p>
    ) : null}
    <div class="search-row">
      <input
        id="q"
        name="q"
        type="search"
        value={q}
        maxlength={100}
        autocomplete="off"
        aria-describedby={error ? 'q-error' : undefined}
        hx-get="/wilayah"
        hx-trigger="input changed delay:300ms, search"
        hx-target="#hasil"
        hx-push-url="true"
        hx-indicator="#hasil"
      />
      <button type="submit">Cari</button>
    </div>
  </form>
);
