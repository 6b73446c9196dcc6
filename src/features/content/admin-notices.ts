/** The confirmation lines of the admin content pages (`?ok={key}`, read with pickNotice). */
export const NOTICES: Record<string, string> = {
  dibuat: 'Draf tersimpan.',
  disimpan: 'Perubahan tersimpan.',
  dikirim: 'Tulisan dikirim untuk ditinjau. Anda akan melihat hasilnya di beranda admin.',
  terbit: 'Tulisan diterbitkan.',
  disetujui: 'Tulisan disetujui dan diterbitkan.',
  dikembalikan: 'Tulisan dikembalikan ke penulis dengan catatan Anda.',
  ditarik: 'Tulisan ditarik dari situs publik.',
  dihapus: 'Tulisan dipindahkan ke Sampah.',
  disebar: 'Pengumuman dibuat di setiap wilayah tujuan; salinan yang perlu ditinjau menunggu peninjau wilayahnya.',
  dipulihkan: 'Tulisan dipulihkan dari Sampah sebagai draf.',
  dilepaskan: 'Salinan ini dilepaskan dari pengumuman bersama; perubahannya kini hanya berlaku untuk wilayah ini.',
};
