import type { FC } from 'hono/jsx';

/**
 * The prose parts of /api/docs: "Memulai" (token → change feed → SP4N-LAPOR reference with curl), the rate limits in
 * figures (read from the operations' `x-rate-limits`, so they are the limits the routes enforce) and the versioning
 * and deprecation policy (docs/API-CHANGELOG.md records each change).
 */
export interface RateLimitRow {
  operation: string;
  limit: number;
  windowSeconds: number;
  per: string;
}

export const GettingStarted: FC<{ origin: string }> = ({ origin }) => {
  const api = `${origin}/api/v1`;
  return (
    <section aria-labelledby="memulai">
      <h2 id="memulai">Memulai</h2>
      <p>
        Data terbuka (wilayah, berita, dokumen, peta, DIP) dapat dibaca tanpa token. Sistem mitra (mis. konektor SP4N-LAPOR) didaftarkan oleh Diskominfo di{' '}
        <code>/admin/mitra</code> dan menerima <code>client_id</code> serta <code>client_secret</code> sekali saja. Tiga langkah pertama:
      </p>
      <ol>
        <li>
          <p>
            Minta token (OAuth 2.0 client credentials, berlaku 15 menit). Pustaka OAuth standar menemukan semua endpoint dari{' '}
            <code>{origin}/.well-known/oauth-authorization-server</code>.
          </p>
          <pre>
            <code>{`curl -s -u "$CLIENT_ID:$CLIENT_SECRET" \\
  -d grant_type=client_credentials -d scope="complaints:read complaints:write" \\
  ${api}/oauth/token`}</code>
          </pre>
        </li>
        <li>
          <p>
            Baca umpan perubahan pengaduan: pertama kali dengan <code>since</code> (atau tanpa apa pun untuk seluruh riwayat), halaman demi halaman sampai{' '}
            <code>next_cursor</code> bernilai <code>null</code>. Simpan <code>sync_cursor</code> dan kirim sebagai <code>cursor</code> pada pengambilan
            berikutnya. Kursor adalah nomor urut perubahan (buram), bukan waktu: setiap perubahan mendapat nomor berikutnya saat disimpan, jadi perubahan yang
            tersimpan terlambat tidak pernah terlewat dan tidak ada yang terulang (pengaduan yang berubah lagi muncul sekali lagi). Umpan paket lelang (
            <code>GET /tenders</code>) bekerja dengan cara yang sama.
          </p>
          <pre>
            <code>{`curl -s -H "Authorization: Bearer $TOKEN" \\
  "${api}/complaints?since=2026-01-01T00:00:00Z&limit=100"
# berikutnya: "${api}/complaints?cursor=$SYNC_CURSOR&limit=100"`}</code>
          </pre>
        </li>
        <li>
          <p>
            Catat nomor dan status SP4N-LAPOR untuk pengaduan yang diteruskan. Mengirim nomor dan status yang sama lagi tidak mengubah apa pun, jadi konektor
            terjadwal boleh mengirim seluruh keadaannya setiap kali berjalan.
          </p>
          <pre>
            <code>{`curl -s -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
  -d '{"external_id":"2026/LAPOR/000123","external_status":"Diproses"}' \\
  ${api}/complaints/ADU-7K3Q-9XPD/external-ref`}</code>
          </pre>
        </li>
      </ol>
      <h3 id="jembatan-lapor">Jembatan SP4N-LAPOR</h3>
      <ul>
        <li>
          Status: setiap pengaduan untuk mitra membawa <code>lapor_status</code>, status SP4N-LAPOR untuk status portal saat ini; status yang dikirim konektor (
          <code>external_status</code>) harus status SP4N-LAPOR dan dijawab dengan <code>portal_status</code>, artinya di portal. Satu tabel berlaku dua arah:
          lihat <a href="#status-lapor">pemetaan status</a>. Status dari SP4N-LAPOR dicatat di samping status portal, tidak mengubahnya.
        </li>
        <li>
          Laporan yang masuk lewat SP4N-LAPOR untuk kabupaten ini dibuat sebagai pengaduan dengan <code>POST /complaint-intake</code> (kanal{' '}
          <code>sp4n_lapor</code>). Nomor SP4N-LAPOR yang sama tidak membuat pengaduan kedua: jawabannya 200 dengan pengaduan yang dibuat pertama kali.
        </li>
        <li>
          Identitas pelapor (nama, HP, email) hanya disertakan bila pelapor menyetujui penerusan ke SP4N-LAPOR di formulir (
          <code>reporter.forward_consent</code>); laporan anonim dan laporan tanpa persetujuan diteruskan tanpa identitas. Titik lokasi laporan anonim
          dibulatkan (±220 m) seperti untuk umum.
        </li>
      </ul>
      <p>
        Kirim ulang permintaan yang gagal karena jaringan dengan <code>Idempotency-Key</code> yang sama: jawabannya sama dengan yang pertama (200 dan{' '}
        <code>Idempotent-Replayed: true</code>), tanpa data ganda. Simpan <code>ETag</code> dan kirim sebagai <code>If-None-Match</code> untuk jawaban 304 tanpa
        body.
      </p>
    </section>
  );
};

export const RateLimits: FC<{ rows: RateLimitRow[] }> = ({ rows }) => (
  <section aria-labelledby="batas-laju">
    <h2 id="batas-laju">Batas laju</h2>
    <p>
      Melewati batas dijawab 429 dengan header <code>Retry-After</code> (detik). Jendela dihitung tetap (mis. per 10 menit sejak menit ke-0), bukan bergulir.
    </p>
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Endpoint</th>
          <th scope="col">Batas</th>
          <th scope="col">Dihitung per</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td data-label="Endpoint">
              <code>{r.operation}</code>
            </td>
            <td data-label="Batas">
              {r.limit} permintaan per {windowLabel(r.windowSeconds)}
            </td>
            <td data-label="Dihitung per">{r.per}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

const windowLabel = (seconds: number) => (seconds % 3600 === 0 ? `${seconds / 3600} jam` : `${Math.round(seconds / 60)} menit`);

export const VersioningPolicy: FC = () => (
  <section aria-labelledby="versi">
    <h2 id="versi">Versi dan penghentian</h2>
    <ul>
      <li>
        Semua endpoint berada di <code>/api/v1</code>. Dalam v1 hanya ada perubahan yang tidak merusak: endpoint, parameter opsional, kolom jawaban dan nilai
        enum baru. Klien harus mengabaikan kolom yang tidak dikenalnya.
      </li>
      <li>
        Perubahan yang merusak datang sebagai endpoint pengganti. Endpoint lama ditandai <code>deprecated</code> di OpenAPI dan setiap jawabannya membawa{' '}
        <code>Deprecation</code> (RFC 9745), <code>Sunset</code> (RFC 8594, paling cepat 6 bulan kemudian) dan <code>Link</code> ke penggantinya.
      </li>
      <li>
        Setiap perubahan dicatat di <code>docs/API-CHANGELOG.md</code> pada repositori portal; mitra terdaftar diberi tahu lewat kontak yang tercatat.
      </li>
    </ul>
  </section>
);
