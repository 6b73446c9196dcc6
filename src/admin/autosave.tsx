import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../env';
import { isPartial } from '../lib/htmx';
import { witaParts } from '../lib/time';
import { sessionOf } from '../auth/session';
import { formatDateTime } from '../lib/time';
import { DraftKey, discardDraft, draftValuesOf, saveDraft } from './drafts';
import { CsrfField } from './render';

/**
 * Autosave of long admin forms (posts today; documents, PPID and complaint answers can use the same three parts):
 * - `<AutosaveField formKey=…/>` inside the form: the draft key and a status line;
 * - the form gets `data-autosave` (for /js/autosave.js: a local copy in the browser) and an htmx element that posts
 *   the text fields to /admin/draf a few seconds after typing stops (this also keeps the session alive);
 * - `<DraftNotice/>` above the form when a saved draft is newer than what the form shows.
 * Without JavaScript nothing is sent in the background: the form's own "Simpan draf" button is the explicit save.
 */
const fmtTime = (ms: number) => {
  const p = witaParts(ms);
  return `${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')}`;
};

export const AutosaveStatus: FC<{ text: string }> = ({ text }) => <>{text}</>;

/** Inside the form: the key, the status line and the (htmx) trigger that saves while typing. Files are never sent. */
export const AutosaveField: FC<{ formKey: string }> = ({ formKey }) => (
  <>
    <input type="hidden" name="_draf_kunci" value={formKey} />
    <div
      hx-post="/admin/draf"
      hx-trigger="input changed delay:3s from:closest form, change from:closest form delay:1s"
      hx-include="closest form"
      hx-params="not cover,photo,file"
      hx-target="#autosave-status"
      hx-swap="innerHTML"
    ></div>
    <p class="hint autosave-status" id="autosave-status" aria-live="polite">
      Tekan “Simpan draf” untuk menyimpan. Dengan JavaScript aktif, teks juga tersimpan otomatis saat Anda mengetik.
    </p>
  </>
);

/** Above the form: a newer autosaved draft exists; load it into the form or throw it away. */
export const DraftNotice: FC<{ csrf: string; savedAt: number; restoreHref: string; formKey: string; back: string }> = (p) => (
  <div class="callout draft-notice" role="status">
    <p>
      Ada teks yang tersimpan otomatis pada {formatDateTime(p.savedAt)} tetapi belum disimpan sebagai draf. <a href={p.restoreHref}>Pulihkan teks itu</a>
    </p>
    <form method="post" action="/admin/draf/buang" class="inline">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="_draf_kunci" value={p.formKey} />
      <input type="hidden" name="_kembali" value={p.back} />
      <button type="submit" class="button-secondary">
        Buang teks otomatis
      </button>
    </form>
  </div>
);

const safeBack = (raw: unknown) =>
  typeof raw === 'string' && /^\/admin\/[A-Za-z0-9/_?=&.-]*$/.test(raw) && !raw.includes('..') && !raw.includes('//') ? raw : '/admin';

export function adminDraftRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/admin/draf', async (c) => {
    const s = sessionOf(c);
    const body = await c.req.parseBody({ all: false });
    const key = DraftKey.safeParse(body._draf_kunci);
    const values = draftValuesOf(body);
    const answer = (text: string, status: 200 | 413 | 422) => (isPartial(c) ? c.html(<AutosaveStatus text={text} />, status) : c.text(text, status));
    if (!key.success) return answer('Draf tidak dapat disimpan otomatis (formulir tidak dikenal).', 422);
    if (!values) return answer('Teks terlalu panjang untuk disimpan otomatis; tekan “Simpan draf”.', 413);
    const now = Date.now();
    await saveDraft(c.get('db'), s.userId, key.data, values, now);
    return answer(`Tersimpan otomatis pukul ${fmtTime(now)} WITA.`, 200);
  });

  app.post('/admin/draf/buang', async (c) => {
    const s = sessionOf(c);
    const body = await c.req.parseBody({ all: false });
    const key = DraftKey.safeParse(body._draf_kunci);
    if (key.success) await discardDraft(c.get('db'), s.userId, key.data);
    return c.redirect(safeBack(body._kembali), 303);
  });

  return app;
}
