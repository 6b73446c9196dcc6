import type { FC } from 'hono/jsx';
import { STATUS_LABELS } from './labels';
import type { ComplaintStatus } from '../../db/schema';

/**
 * After a handler sends a report outside its own area (disposition or forwarding), the report is no longer theirs to
 * see: instead of a 404, this page says where it went and who handles it now.
 */
export const MovedOutView: FC<{ ticket: string; to: string; status: ComplaintStatus; unit: string | null }> = (p) => (
  <>
    <div class="panel" role="status">
      <h1>
        Laporan {p.ticket} sudah dikirim ke {p.to}
      </h1>
    </div>
    <p>
      Sekarang ditangani oleh petugas pengaduan {p.to}
      {p.unit ? ` (unit: ${p.unit})` : ''}. Status: {STATUS_LABELS[p.status]}.
    </p>
    <p>Laporan ini berada di luar wilayah Anda, jadi tidak lagi tampil di daftar Anda. Pelapor tetap dapat melacaknya dengan nomor yang sama.</p>
    <p>
      <a class="button" href="/admin/pengaduan">
        Kembali ke daftar pengaduan
      </a>
    </p>
  </>
);
