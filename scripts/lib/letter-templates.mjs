// The regency's starting catalogue of letter templates (Diskominfo edits them later in /admin/layanan; every save is
// a new version). Applied as data by migrations/0021_letter_templates.sql, generated from this file with
// `node scripts/generate-letter-templates.mjs`. Body placeholders: {{field}} of the template or a standard one
// (identitas — alone in its paragraph, the requester's identity table —, nama, nik, kk, tempat_lahir, tanggal_lahir, jenis_kelamin, pekerjaan, alamat, rt, rw, wilayah, jenis_wilayah,
// kecamatan, kabupaten, jabatan_penandatangan, tanggal_surat).

const KTP = { key: 'ktp', label: 'Foto KTP pemohon', upload: true, required: true };
const KK = { key: 'kk', label: 'Foto Kartu Keluarga', upload: true, required: true };
const PENGANTAR_RT = { key: 'pengantar_rt', label: 'Surat pengantar RT/RW', upload: true, required: false };
const VILLAGE = ['desa', 'kelurahan'];
const IDENTITY = 'Yang bertanda tangan di bawah ini, {{jabatan_penandatangan}}, Kecamatan {{kecamatan}}, {{kabupaten}}, menerangkan bahwa:';

export const LETTER_TEMPLATES = [
  {
    id: 'sk-domisili',
    sort: 10,
    content: {
      title: 'Surat Keterangan Domisili',
      purpose: 'Menerangkan bahwa Anda bertempat tinggal di wilayah ini, mis. untuk melamar kerja, membuka rekening atau mendaftar sekolah.',
      body: `${IDENTITY}\n\n{{identitas}}\n\nnama tersebut di atas benar berdomisili di {{alamat}} RT {{rt}} RW {{rw}}, {{jenis_wilayah}} {{wilayah}}, sejak {{sejak}}.\n\nSurat keterangan ini diberikan untuk keperluan {{keperluan}}.`,
      fields: [
        { key: 'sejak', label: 'Tinggal di alamat ini sejak (tahun)', type: 'angka', required: true, hint: 'Contoh: 2015' },
        { key: 'keperluan', label: 'Keperluan', type: 'teks', required: true, max: 150, hint: 'Contoh: melamar pekerjaan' },
      ],
      requirements: [KTP, KK, PENGANTAR_RT],
      classification: '470',
      serviceDays: 1,
      legalBasis: 'Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana diubah dengan Undang-Undang Nomor 24 Tahun 2013.',
      levels: VILLAGE,
    },
  },
  {
    id: 'sk-usaha',
    sort: 20,
    content: {
      title: 'Surat Keterangan Usaha',
      purpose: 'Menerangkan bahwa Anda menjalankan usaha di wilayah ini, mis. untuk pengajuan KUR, NIB atau bantuan usaha mikro.',
      body: `${IDENTITY}\n\n{{identitas}}\n\nnama tersebut di atas benar memiliki dan menjalankan usaha {{nama_usaha}} berupa {{jenis_usaha}} yang beralamat di {{alamat_usaha}}, {{jenis_wilayah}} {{wilayah}}, sejak tahun {{mulai_usaha}}.\n\nSurat keterangan ini diberikan untuk keperluan {{keperluan}}.`,
      fields: [
        { key: 'nama_usaha', label: 'Nama usaha', type: 'teks', required: true, max: 120, hint: 'Contoh: Warung Makan Berkah' },
        { key: 'jenis_usaha', label: 'Jenis usaha', type: 'teks', required: true, max: 120, hint: 'Contoh: warung makan, bengkel, kios pulsa' },
        { key: 'alamat_usaha', label: 'Alamat tempat usaha', type: 'teks', required: true, max: 200 },
        { key: 'mulai_usaha', label: 'Usaha berjalan sejak (tahun)', type: 'angka', required: true, hint: 'Contoh: 2019' },
        { key: 'keperluan', label: 'Keperluan', type: 'teks', required: true, max: 150, hint: 'Contoh: pengajuan Kredit Usaha Rakyat' },
      ],
      requirements: [KTP, KK, { key: 'foto_usaha', label: 'Foto tempat usaha', upload: true, required: false }],
      classification: '503',
      serviceDays: 2,
      legalBasis: 'Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah.',
      levels: VILLAGE,
    },
  },
  {
    id: 'sktm',
    sort: 30,
    content: {
      title: 'Surat Keterangan Tidak Mampu',
      purpose: 'Menerangkan keadaan ekonomi keluarga yang kurang mampu, mis. untuk keringanan biaya sekolah atau berobat.',
      body: `${IDENTITY}\n\n{{identitas}}\n\nnama tersebut di atas adalah warga {{jenis_wilayah}} {{wilayah}} yang beralamat di {{alamat}} RT {{rt}} RW {{rw}}, dan menurut pengetahuan kami termasuk keluarga kurang mampu dengan penghasilan keluarga sekitar Rp {{penghasilan}} per bulan dan tanggungan {{tanggungan}} orang.\n\nSurat keterangan ini diberikan untuk keperluan {{keperluan}}.`,
      fields: [
        { key: 'penghasilan', label: 'Penghasilan keluarga per bulan (Rupiah)', type: 'angka', required: true },
        { key: 'tanggungan', label: 'Jumlah tanggungan keluarga (orang)', type: 'angka', required: true },
        { key: 'keperluan', label: 'Keperluan', type: 'teks', required: true, max: 150, hint: 'Contoh: keringanan biaya sekolah anak' },
      ],
      requirements: [KTP, KK, PENGANTAR_RT],
      classification: '400',
      serviceDays: 1,
      legalBasis: 'Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin.',
      levels: VILLAGE,
    },
  },
  {
    id: 'pengantar-skck',
    sort: 40,
    content: {
      title: 'Surat Pengantar SKCK',
      purpose: 'Pengantar untuk membuat Surat Keterangan Catatan Kepolisian (SKCK) di Polsek atau Polres.',
      body: `${IDENTITY}\n\n{{identitas}}\n\nnama tersebut di atas adalah benar warga {{jenis_wilayah}} {{wilayah}} yang beralamat di {{alamat}} RT {{rt}} RW {{rw}}, dan sepanjang pengetahuan kami berkelakuan baik serta tidak pernah tersangkut perkara pidana.\n\nSurat pengantar ini diberikan untuk mengurus Surat Keterangan Catatan Kepolisian guna keperluan {{keperluan}}.`,
      fields: [{ key: 'keperluan', label: 'Keperluan SKCK', type: 'teks', required: true, max: 150, hint: 'Contoh: melamar pekerjaan' }],
      requirements: [KTP, KK],
      classification: '300',
      serviceDays: 1,
      legalBasis: 'Peraturan Kepolisian Negara Republik Indonesia Nomor 6 Tahun 2023 tentang Penerbitan Surat Keterangan Catatan Kepolisian.',
      levels: VILLAGE,
    },
  },
  {
    id: 'pengantar-nikah',
    sort: 50,
    content: {
      title: 'Surat Pengantar Nikah',
      purpose: 'Pengantar untuk mendaftarkan pernikahan di KUA atau Dinas Kependudukan dan Pencatatan Sipil.',
      body: `${IDENTITY}\n\n{{identitas}}\n\nnama tersebut di atas adalah benar warga {{jenis_wilayah}} {{wilayah}} dengan status perkawinan {{status_perkawinan}}, dan bermaksud melangsungkan pernikahan dengan {{nama_calon}} pada tanggal {{tanggal_nikah}}.\n\nSurat pengantar ini diberikan untuk melengkapi persyaratan pendaftaran pernikahan.`,
      fields: [
        { key: 'status_perkawinan', label: 'Status perkawinan', type: 'pilihan', required: true, options: ['Belum kawin', 'Cerai hidup', 'Cerai mati'] },
        { key: 'nama_calon', label: 'Nama calon pasangan', type: 'teks', required: true, max: 100 },
        { key: 'tanggal_nikah', label: 'Rencana tanggal pernikahan', type: 'tanggal', required: true },
      ],
      requirements: [KTP, KK, { key: 'ktp_calon', label: 'Foto KTP calon pasangan', upload: true, required: true }],
      classification: '474.2',
      serviceDays: 2,
      legalBasis: 'Peraturan Menteri Agama Nomor 20 Tahun 2019 tentang Pencatatan Pernikahan.',
      levels: VILLAGE,
    },
  },
  {
    id: 'sk-kelahiran',
    sort: 60,
    content: {
      title: 'Surat Keterangan Kelahiran',
      purpose: 'Menerangkan kelahiran seorang anak, untuk membuat akta kelahiran di Disdukcapil.',
      body: `${IDENTITY}\n\n{{identitas}}\n\ntelah lahir seorang anak {{jenis_kelamin_anak}} bernama {{nama_anak}} di {{tempat_lahir_anak}} pada tanggal {{tanggal_lahir_anak}}, anak dari ibu {{nama_ibu}} dan ayah {{nama_ayah}}, yang dilaporkan oleh nama tersebut di atas.\n\nSurat keterangan ini diberikan untuk keperluan pembuatan akta kelahiran.`,
      fields: [
        { key: 'nama_anak', label: 'Nama anak', type: 'teks', required: true, max: 100 },
        { key: 'jenis_kelamin_anak', label: 'Jenis kelamin anak', type: 'pilihan', required: true, options: ['laki-laki', 'perempuan'] },
        { key: 'tempat_lahir_anak', label: 'Tempat lahir anak', type: 'teks', required: true, max: 100 },
        { key: 'tanggal_lahir_anak', label: 'Tanggal lahir anak', type: 'tanggal', required: true },
        { key: 'nama_ibu', label: 'Nama ibu', type: 'teks', required: true, max: 100 },
        { key: 'nama_ayah', label: 'Nama ayah', type: 'teks', required: false, max: 100 },
      ],
      requirements: [KTP, KK, { key: 'keterangan_lahir', label: 'Surat keterangan lahir dari bidan/puskesmas/rumah sakit', upload: true, required: true }],
      classification: '474.1',
      serviceDays: 1,
      legalBasis: 'Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil.',
      levels: VILLAGE,
    },
  },
  {
    id: 'sk-kematian',
    sort: 70,
    content: {
      title: 'Surat Keterangan Kematian',
      purpose: 'Menerangkan meninggalnya seorang warga, untuk membuat akta kematian dan mengurus hak ahli waris.',
      body: `${IDENTITY}\n\n{{identitas}}\n\ntelah meninggal dunia {{nama_almarhum}} (NIK {{nik_almarhum}}) di {{tempat_meninggal}} pada tanggal {{tanggal_meninggal}} karena {{sebab}}, yang dilaporkan oleh nama tersebut di atas selaku {{hubungan}}.\n\nSurat keterangan ini diberikan untuk keperluan pembuatan akta kematian.`,
      fields: [
        { key: 'nama_almarhum', label: 'Nama yang meninggal', type: 'teks', required: true, max: 100 },
        { key: 'nik_almarhum', label: 'NIK yang meninggal', type: 'angka', required: true },
        { key: 'tempat_meninggal', label: 'Tempat meninggal', type: 'teks', required: true, max: 120 },
        { key: 'tanggal_meninggal', label: 'Tanggal meninggal', type: 'tanggal', required: true },
        { key: 'sebab', label: 'Sebab meninggal', type: 'teks', required: true, max: 120, hint: 'Contoh: sakit' },
        { key: 'hubungan', label: 'Hubungan pelapor dengan yang meninggal', type: 'teks', required: true, max: 60, hint: 'Contoh: anak kandung' },
      ],
      requirements: [KTP, KK, { key: 'ktp_almarhum', label: 'Foto KTP yang meninggal (bila ada)', upload: true, required: false }],
      classification: '474.3',
      serviceDays: 1,
      legalBasis: 'Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil.',
      levels: VILLAGE,
    },
  },
  {
    id: 'pengantar-pindah',
    sort: 80,
    content: {
      title: 'Surat Pengantar Pindah',
      purpose: 'Pengantar untuk mengurus Surat Keterangan Pindah (SKPWNI) di Disdukcapil bila Anda pindah tempat tinggal.',
      body: `${IDENTITY}\n\n{{identitas}}\n\nnama tersebut di atas adalah benar warga {{jenis_wilayah}} {{wilayah}} yang beralamat di {{alamat}} RT {{rt}} RW {{rw}}, dan bermaksud pindah ke {{alamat_tujuan}} bersama {{jumlah_pengikut}} anggota keluarga karena {{alasan_pindah}}.\n\nSurat pengantar ini diberikan untuk mengurus Surat Keterangan Pindah.`,
      fields: [
        { key: 'alamat_tujuan', label: 'Alamat tujuan lengkap', type: 'paragraf', required: true, max: 300 },
        { key: 'jumlah_pengikut', label: 'Jumlah anggota keluarga yang ikut pindah', type: 'angka', required: true, hint: 'Tulis 0 bila pindah sendiri' },
        {
          key: 'alasan_pindah',
          label: 'Alasan pindah',
          type: 'pilihan',
          required: true,
          options: ['pekerjaan', 'pendidikan', 'keamanan', 'kesehatan', 'perumahan', 'keluarga', 'lainnya'],
        },
      ],
      requirements: [KTP, KK],
      classification: '475',
      serviceDays: 2,
      legalBasis: 'Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil.',
      levels: VILLAGE,
    },
  },
  {
    id: 'legalisasi-kecamatan',
    sort: 90,
    content: {
      title: 'Legalisasi Dokumen oleh Camat',
      purpose: 'Pengesahan salinan dokumen (mis. surat keterangan desa, surat pernyataan) oleh Camat.',
      body: `Yang bertanda tangan di bawah ini, {{jabatan_penandatangan}}, {{kabupaten}}, menerangkan bahwa salinan dokumen {{nama_dokumen}} Nomor {{nomor_dokumen}} atas nama {{nama}} telah diperiksa dan sesuai dengan aslinya.\n\nLegalisasi ini diberikan untuk keperluan {{keperluan}}.`,
      closing: 'Demikian legalisasi ini dibuat untuk dipergunakan sebagaimana mestinya.',
      fields: [
        { key: 'nama_dokumen', label: 'Nama dokumen yang dilegalisasi', type: 'teks', required: true, max: 150 },
        { key: 'nomor_dokumen', label: 'Nomor dokumen', type: 'teks', required: true, max: 80 },
        { key: 'keperluan', label: 'Keperluan', type: 'teks', required: true, max: 150 },
      ],
      requirements: [KTP, { key: 'dokumen', label: 'Pindaian dokumen yang dilegalisasi', upload: true, required: true }],
      classification: '100.3',
      serviceDays: 2,
      legalBasis: 'Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan.',
      levels: ['kecamatan'],
    },
  },
  {
    id: 'rekomendasi-kecamatan',
    sort: 100,
    content: {
      title: 'Surat Rekomendasi Camat',
      purpose: 'Rekomendasi Camat untuk keperluan perizinan atau permohonan ke perangkat daerah (mis. izin keramaian, bantuan).',
      body: `Yang bertanda tangan di bawah ini, {{jabatan_penandatangan}}, {{kabupaten}}, memberikan rekomendasi kepada {{nama}} yang beralamat di {{alamat}} untuk {{hal}}.\n\nRekomendasi ini ditujukan kepada {{tujuan}} dan berlaku sampai dengan {{berlaku_sampai}}.`,
      closing: 'Demikian rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.',
      fields: [
        { key: 'hal', label: 'Hal yang direkomendasikan', type: 'paragraf', required: true, max: 500 },
        { key: 'tujuan', label: 'Ditujukan kepada', type: 'teks', required: true, max: 150, hint: 'Contoh: Kepala Dinas Sosial Kabupaten Kutai Timur' },
        { key: 'berlaku_sampai', label: 'Berlaku sampai', type: 'tanggal', required: true },
      ],
      requirements: [KTP, { key: 'pengantar_desa', label: 'Surat pengantar dari desa/kelurahan', upload: true, required: true }],
      classification: '500',
      serviceDays: 3,
      legalBasis: 'Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan.',
      levels: ['kecamatan'],
    },
  },
];
