import type { FC } from 'hono/jsx';
import { formatBytes } from '../../lib/upload';
import { Field } from '../../views/components';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/**
 * The file field. With JavaScript, public/js/chunked-upload.js sends a file larger than one part in parts (R2
 * multipart, resumable) and puts the completed upload's id in `upload_id`; without it the file goes with the form.
 */
export const FileField: FC<{ uploadMax: number; chunkBytes: number; error?: string; label: string; regionCode?: string; uploadId?: string }> = (p) => (
  <>
    <Field
      id="file"
      label={p.label}
      hint={`PDF, gambar (JPG/PNG/WebP/GIF) atau dokumen Office/ODF, maksimal ${formatBytes(p.uploadMax)}. Jenis berkas diperiksa dari isinya.`}
      error={p.error}
    >
      {(d) => (
        <input
          id="file"
          name="file"
          type="file"
          accept={ACCEPT}
          data-downscale="2400"
          data-chunked={p.chunkBytes}
          data-chunked-max={p.uploadMax}
          data-region={p.regionCode}
          aria-describedby={d}
        />
      )}
    </Field>
    <input type="hidden" name="upload_id" value={p.uploadId ?? ''} data-upload-id />
    {p.uploadId ? (
      <p class="hint" data-upload-kept>
        Berkas sudah terunggah dan tersimpan sementara. Kirim formulir tanpa memilih berkas lagi, atau pilih berkas lain untuk menggantinya.
      </p>
    ) : null}
    <div class="upload-progress" data-upload-progress hidden>
      <label for="file-progress">Kemajuan unggahan</label>
      <progress id="file-progress" max={100} value={0}></progress>
      <p class="hint" data-upload-text aria-live="polite"></p>
      <button type="button" class="button-secondary" data-upload-cancel hidden>
        Batalkan unggahan
      </button>
    </div>
  </>
);
