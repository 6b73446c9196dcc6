import { describe, expect, it } from 'vitest';
import { officerDigestText, type DigestFlag } from '../../src/features/monitoring/officer-messages';
import { maskContact } from '../../src/messaging/officer-notify';

const flag = (over: Partial<DigestFlag>): DigestFlag => ({
  id: over.id ?? 'F1',
  regionCode: '64.08.04.2012',
  audienceCode: '64.08.04.2012',
  kind: 'tenggat',
  source: 'pengaduan',
  state: 'mendekati',
  title: 'Pengaduan ADU-0001: Verifikasi pengaduan',
  subjectAt: Date.UTC(2026, 5, 10, 15, 59),
  regionName: 'Swarga Bara',
  regionLevel: 'desa',
  stage: 'pendampingan',
  ...over,
});

describe('maskContact', () => {
  it('never shows the whole chat id or address', () => {
    expect(maskContact('telegram', '5550987654321')).toBe('•••4321');
    expect(maskContact('telegram', '1234')).toBe('•••');
    expect(maskContact('email', 'petugas.desa@kutaitimurkab.go.id')).toBe('p•••@k•••.id');
    expect(maskContact('email', 'tanpa-at')).toBe('•••');
    for (const v of ['5550987654321', 'petugas.desa@kutaitimurkab.go.id']) expect(maskContact(v.includes('@') ? 'email' : 'telegram', v)).not.toContain(v);
  });
});

describe('officerDigestText', () => {
  const flags = [
    flag({ id: 'A', title: 'Pengaduan ADU-AAAA: Verifikasi pengaduan' }),
    flag({ id: 'B', regionCode: '64.08.04.2011', audienceCode: '64.08.04.2011', regionName: 'Singa Gembara', title: 'Pengaduan ADU-BBBB: Tindak lanjut' }),
    flag({ id: 'C', kind: 'kesegaran', source: null, state: 'usang', title: 'Konten belum diperbarui', subjectAt: null }),
  ];
  const opts = { portal: 'Portal Uji', now: Date.UTC(2026, 5, 9, 17), origin: 'https://portal.contoh.test' };

  it("lists only what concerns the officer's memberships", () => {
    const { subject, text } = officerDigestText([{ userId: 'U', role: 'operator_desa', regionCode: '64.08.04.2012' }], flags, opts);
    expect(subject).toContain('Ringkasan harian Portal Uji');
    expect(text).toContain('ADU-AAAA');
    expect(text).not.toContain('ADU-BBBB');
    expect(text).toContain('Konten belum diperbarui');
    expect(text).toContain('https://portal.contoh.test/admin');
  });

  it('a complaint handler gets deadlines of its kind only; nothing to do says so', () => {
    const handler = officerDigestText([{ userId: 'H', role: 'penanganan_pengaduan', regionCode: '64.08.04.2011' }], flags, opts).text;
    expect(handler).toContain('ADU-BBBB');
    expect(handler).not.toContain('ADU-AAAA');
    expect(handler).not.toContain('Konten belum diperbarui');
    const ppid = officerDigestText([{ userId: 'P', role: 'ppid', regionCode: '64.08.04.2011' }], flags, opts).text;
    expect(ppid).toContain('Tidak ada batas waktu atau kekurangan konten');
  });

  it('caps long lists', () => {
    const many = Array.from({ length: 14 }, (_, i) => flag({ id: `M${i}`, title: `Pengaduan ADU-M${String(i).padStart(3, '0')}: Verifikasi` }));
    const { text } = officerDigestText([{ userId: 'U', role: 'operator_desa', regionCode: '64.08.04.2012' }], many, opts);
    expect(text).toContain('Batas waktu yang perlu ditindaklanjuti: 14');
    expect(text).toContain('… dan 4 lainnya');
    expect(text).not.toContain('ADU-M013');
  });
});
