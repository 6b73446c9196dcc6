import type { FC } from 'hono/jsx';
import type { PostRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { ErrorSummary, Field, StatusTag } from '../../views/components';
import type { RegionOption } from '../../admin/components';
import { CsrfField } from '../../admin/render';
import { ConfirmLink } from '../../admin/confirm';
import { AutosaveField, DraftNotice } from '../../admin/autosave';
import { PostPreview, ReviewDecision } from './review-view';
import { ACTION_LABELS, statusLabel } from './labels';
import { msToWitaLocal } from '../../lib/time';
import { FIXED_PAGES, fixedPageLabel } from '../../regions/fixed-pages';
import { imgAttrs } from '../../media/manifest';
import { coverOf, KIND_LABELS } from './views';
import { FanOutFieldset, type FanOutChoices } from './fan-out-view';
import { GroupBanner } from './fan-out-group-view';
import type { GroupView } from './fan-out-group';
import type { PublishAction as PostAction, PublishRights as PostRights } from '../../publishing/workflow';

export interface EditorPost {
  post: PostRow;
  regionName: string;
  regionLevel: RegionOption['level'];
  regionPath: string;
  authorName: string | null;
}

export interface EditorProps {
  csrf: string;
  now: number;
  uploadMax: number;
  /** Edit mode when present. */
  current?: EditorPost;
  regions: RegionOption[];
  rights: PostRights;
  actions: PostAction[];
  values?: FormValues;
  errors?: FieldError[];
  history?: Array<{ at: number; action: string; actorName: string | null; summary: string }>;
  notice?: string;
  /** Origin for links in the rendered preview. */
  siteOrigin: string;
  /** Autosave: the form's draft key, and a newer autosaved draft when there is one. */
  /** New posts only: "Terbitkan juga di wilayah lain" (announcements to several regions). */
  fanOut?: FanOutChoices;
  /** Edit mode of a shared announcement: its regions and whether an edit here changes them all. */
  group?: GroupView;
  draft: { key: string; saved?: { savedAt: number; restoreHref: string; back: string }; restored?: boolean };
}

/** Form values of an existing post (what the editor shows before any change). */
export function valuesOfPost(p: PostRow): FormValues {
  return {
    kind: p.kind,
    page_slug: p.kind === 'halaman' ? p.slug : '',
    title: p.title,
    summary: p.summary,
    body_md: p.bodyMd,
    cover_alt: p.coverAlt ?? '',
    publish_at: msToWitaLocal(p.publishedAt),
    valid_from: p.validFrom ? msToWitaLocal(p.validFrom).slice(0, 10) : '',
    valid_until: p.validUntil ? msToWitaLocal(p.validUntil).slice(0, 10) : '',
    event_starts_at: msToWitaLocal(p.eventStartsAt),
    event_place: p.eventPlace ?? '',
  };
}

export const PostEditorView: FC<EditorProps> = (p) => {
  const cur = p.current?.post;
  const v = p.values ?? (cur ? valuesOfPost(cur) : {});
  const e = p.errors;
  const isPage = (cur?.kind ?? valueOf(v, 'kind')) === 'halaman';
  const live = cur?.status === 'terbit';
  const reviewing = p.actions.includes('approve');
  return (
    <>
      <h1>{cur ? `Ubah: ${cur.title}` : 'Tulis konten baru'}</h1>
      {p.notice ? (
        <p class="success" role="status" data-autosave-saved={`post:new ${p.draft.key}`}>
          {p.notice}
        </p>
      ) : null}
      {reviewing && cur ? (
        <>
          <PostPreview post={cur} now={p.now} siteOrigin={p.siteOrigin} />
          <ReviewDecision csrf={p.csrf} base={`/admin/konten/${cur.id}`} errors={p.errors} values={p.values} />
        </>
      ) : null}
      {p.current ? <StatusPanel {...p} current={p.current} /> : null}
      {p.current && p.group ? <GroupBanner group={p.group} postId={p.current.post.id} /> : null}
      {p.draft.saved && !p.draft.restored ? <DraftNotice csrf={p.csrf} formKey={p.draft.key} {...p.draft.saved} /> : null}
      {p.draft.restored ? (
        <p class="callout" role="status">
          Teks yang tersimpan otomatis sudah dimuat ke formulir. Tekan “Simpan draf” atau “Kirim” untuk menyimpannya.
        </p>
      ) : null}
      <ErrorSummary errors={e ?? []} />
      {reviewing ? <h2 id="ubah-tulisan">Ubah tulisan sebelum memutuskan (bila perlu)</h2> : null}
      <form
        method="post"
        action={cur ? `/admin/konten/${cur.id}` : '/admin/konten'}
        enctype="multipart/form-data"
        class="editor"
        novalidate
        data-autosave={p.draft.key}
      >
        <CsrfField token={p.csrf} />
        <AutosaveField formKey={p.draft.key} />
        {cur ? null : (
          <Field id="region_code" label="Wilayah" error={errorFor(e, 'region_code')}>
            {(d) => (
              <select id="region_code" name="region_code" aria-describedby={d}>
                {p.regions.length > 1 ? <option value="">Pilih wilayah</option> : null}
                {p.regions.map((r) => (
                  <option value={r.code} selected={valueOf(v, 'region_code') === r.code}>
                    {regionTitle(r)} ({r.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {cur && isPage ? (
          <>
            <input type="hidden" name="kind" value="halaman" />
            <input type="hidden" name="page_slug" value={cur.slug} />
            <p>
              Halaman tetap: <strong>{fixedPageLabel(cur.slug)}</strong>
            </p>
          </>
        ) : (
          <>
            <Field id="kind" label="Jenis" error={errorFor(e, 'kind')}>
              {(d) => (
                <select id="kind" name="kind" aria-describedby={d}>
                  {(['berita', 'pengumuman', 'agenda', ...(cur ? [] : ['halaman' as const])] as const).map((k) => (
                    <option value={k} selected={valueOf(v, 'kind') === k}>
                      {k === 'halaman' ? 'Halaman tetap (profil, visi-misi, …)' : KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {cur ? null : (
              <Field id="page_slug" label="Halaman tetap" hint="Hanya untuk jenis “Halaman tetap”." error={errorFor(e, 'page_slug')}>
                {(d) => (
                  <select id="page_slug" name="page_slug" aria-describedby={d}>
                    <option value="">—</option>
                    {FIXED_PAGES.map((fp) => (
                      <option value={fp.slug} selected={valueOf(v, 'page_slug') === fp.slug}>
                        {fp.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </>
        )}
        <Field id="title" label="Judul" error={errorFor(e, 'title')}>
          {(d) => <input id="title" name="title" type="text" value={valueOf(v, 'title')} maxlength={200} required aria-describedby={d} />}
        </Field>
        <Field
          id="summary"
          label="Ringkasan (opsional)"
          hint="Satu atau dua kalimat untuk daftar berita dan pratinjau di media sosial. Bila kosong diambil dari isi."
          error={errorFor(e, 'summary')}
        >
          {(d) => (
            <textarea id="summary" name="summary" rows={2} maxlength={300} aria-describedby={d}>
              {valueOf(v, 'summary')}
            </textarea>
          )}
        </Field>
        <Field
          id="body_md"
          label="Isi"
          hint={
            'Format sederhana: **tebal**, _miring_, [teks tautan](https://alamat), baris diawali “- ” untuk daftar, “## ” untuk subjudul. ' +
            'Kode HTML tidak dijalankan.'
          }
          error={errorFor(e, 'body_md')}
        >
          {(d) => (
            <textarea id="body_md" name="body_md" rows={12} aria-describedby={d}>
              {valueOf(v, 'body_md')}
            </textarea>
          )}
        </Field>
        {isPage ? null : <CoverFields {...p} values={v} />}
        {isPage ? null : (
          <fieldset class="group">
            <legend>Pengumuman: masa berlaku (opsional)</legend>
            <Field id="valid_from" label="Berlaku mulai" error={errorFor(e, 'valid_from')}>
              {(d) => <input id="valid_from" name="valid_from" type="date" value={valueOf(v, 'valid_from')} aria-describedby={d} />}
            </Field>
            <Field id="valid_until" label="Berlaku sampai" error={errorFor(e, 'valid_until')}>
              {(d) => <input id="valid_until" name="valid_until" type="date" value={valueOf(v, 'valid_until')} aria-describedby={d} />}
            </Field>
          </fieldset>
        )}
        {isPage ? null : (
          <fieldset class="group">
            <legend>Agenda: waktu dan tempat (wajib untuk agenda)</legend>
            <Field id="event_starts_at" label="Waktu acara (WITA)" error={errorFor(e, 'event_starts_at')}>
              {(d) => <input id="event_starts_at" name="event_starts_at" type="datetime-local" value={valueOf(v, 'event_starts_at')} aria-describedby={d} />}
            </Field>
            <Field id="event_place" label="Tempat acara" error={errorFor(e, 'event_place')}>
              {(d) => <input id="event_place" name="event_place" type="text" maxlength={200} value={valueOf(v, 'event_place')} aria-describedby={d} />}
            </Field>
          </fieldset>
        )}
        {p.fanOut && !cur ? <FanOutFieldset choices={p.fanOut} values={v} errors={e} /> : null}
        <Field
          id="publish_at"
          label="Jadwal terbit (opsional, WITA)"
          hint="Kosongkan agar tampil segera setelah diterbitkan atau disetujui. Bila diisi waktu mendatang, tulisan tampil otomatis pada waktu itu."
          error={errorFor(e, 'publish_at')}
        >
          {(d) => <input id="publish_at" name="publish_at" type="datetime-local" value={valueOf(v, 'publish_at')} aria-describedby={d} />}
        </Field>
        <div class="actions">
          <button type="submit" name="aksi" value="simpan" class={live ? '' : 'button-secondary'}>
            {live ? 'Simpan perubahan (langsung tampil)' : 'Simpan draf'}
          </button>
          {!live && p.rights.publish ? (
            <button type="submit" name="aksi" value="terbitkan">
              Simpan dan terbitkan
            </button>
          ) : null}
          {!live && !p.rights.publish && p.rights.draft && cur?.status !== 'menunggu_tinjauan' ? (
            <button type="submit" name="aksi" value="kirim">
              Simpan dan kirim untuk ditinjau
            </button>
          ) : null}
        </div>
      </form>
      {p.history?.length ? (
        <section aria-labelledby="riwayat">
          <h2 id="riwayat">Riwayat</h2>
          <ol class="timeline">
            {p.history.map((h) => (
              <li>
                <strong>{ACTION_LABELS[h.action] ?? h.action}</strong> · {formatDateTime(h.at)} · {h.actorName ?? 'sistem'}
                <br />
                <span class="hint">{h.summary}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
};

const CoverFields: FC<EditorProps & { values: FormValues }> = (p) => {
  const cur = p.current?.post;
  const e = p.errors;
  return (
    <fieldset class="group">
      <legend>Foto sampul (opsional)</legend>
      {cur?.coverKey ? (
        <div class="cover-now">
          {coverOf(cur) ? <img {...imgAttrs(coverOf(cur)!, 'thumb')} alt={cur.coverAlt ?? ''} /> : <span>(foto lama tanpa ukuran kecil: unggah ulang)</span>}
          <label class="check">
            <input type="checkbox" name="remove_cover" value="1" checked={valueOf(p.values, 'remove_cover') === '1'} /> Hapus foto ini
          </label>
        </div>
      ) : null}
      <Field
        id="cover"
        label={cur?.coverKey ? 'Ganti foto' : 'Pilih foto'}
        hint={`JPG, PNG, WebP atau GIF, maksimal ${formatBytes(p.uploadMax)}. Foto besar diperkecil otomatis di ponsel Anda sebelum dikirim.`}
        error={errorFor(e, 'cover')}
      >
        {(d) => <input id="cover" name="cover" type="file" accept="image/jpeg,image/png,image/webp,image/gif" data-downscale="1600" aria-describedby={d} />}
      </Field>
      <p class="hint" id="cover-status" aria-live="polite"></p>
      <Field
        id="cover_alt"
        label="Keterangan foto"
        hint="Jelaskan isi foto untuk pembaca tunanetra, mis. “Warga membersihkan parit di RT 3”."
        error={errorFor(e, 'cover_alt')}
      >
        {(d) => <input id="cover_alt" name="cover_alt" type="text" maxlength={200} value={valueOf(p.values, 'cover_alt')} aria-describedby={d} />}
      </Field>
    </fieldset>
  );
};

const StatusPanel: FC<EditorProps & { current: EditorPost }> = (p) => {
  const { post } = p.current;
  const st = statusLabel(post.status, post.publishedAt, p.now);
  const has = (a: PostAction) => p.actions.includes(a);
  const base = `/admin/konten/${post.id}`;
  const publicHref = post.kind === 'halaman' ? regionHref(p.current.regionPath, 'tentang', post.slug) : regionHref(p.current.regionPath, 'berita', post.slug);
  const where = regionTitle({ level: p.current.regionLevel, name: p.current.regionName });
  return (
    <section class="status-panel" aria-labelledby="status-tulisan">
      <h2 id="status-tulisan">
        Status: <StatusTag tone={st.tone}>{st.label}</StatusTag>
      </h2>
      <p>
        {where} · {KIND_LABELS[post.kind]} · penulis {p.current.authorName ?? '—'} · diubah {formatDateTime(post.updatedAt)}
        {post.status === 'terbit' && post.publishedAt ? <> · tampil sejak {formatDateTime(post.publishedAt)}</> : null}
      </p>
      {post.status === 'terbit' && post.publishedAt !== null && post.publishedAt <= p.now ? (
        <p>
          <a href={publicHref}>Lihat di situs publik</a>
        </p>
      ) : null}
      {post.reviewNote && (post.status === 'ditolak' || post.status === 'draft' || post.status === 'menunggu_tinjauan') ? (
        <p class="callout">
          <strong>Catatan peninjau:</strong> {post.reviewNote}
        </p>
      ) : null}
      {post.status === 'menunggu_tinjauan' && !has('approve') ? <p>Tulisan ini sedang menunggu tinjauan Diskominfo atau kecamatan.</p> : null}
      <div class="actions">
        {has('submit') ? <ActionForm csrf={p.csrf} action={`${base}/kirim`} label="Kirim untuk ditinjau" /> : null}
        {has('publish') ? (
          <ActionForm
            csrf={p.csrf}
            action={`${base}/terbitkan`}
            label={post.publishedAt && post.publishedAt > p.now ? 'Terbitkan sesuai jadwal' : 'Terbitkan sekarang'}
          />
        ) : null}
        {has('unpublish') ? <ActionForm csrf={p.csrf} action={`${base}/tarik`} label="Tarik dari situs" secondary /> : null}
        {has('delete') ? <ConfirmLink href={`${base}/hapus`} label="Hapus tulisan" /> : null}
      </div>
    </section>
  );
};

const ActionForm: FC<{ csrf: string; action: string; label: string; secondary?: boolean }> = (p) => (
  <form method="post" action={p.action} class="inline">
    <CsrfField token={p.csrf} />
    <button type="submit" class={p.secondary ? 'button-secondary' : undefined}>
      {p.label}
    </button>
  </form>
);
