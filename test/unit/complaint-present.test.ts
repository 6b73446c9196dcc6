import { describe, expect, it } from 'vitest';
import type { ComplaintEventRow, ComplaintRow } from '../../src/db/schema';
import { toHandlerView, toPartnerView, toPublicView, toReporterView, type ComplaintBundle } from '../../src/features/complaints/present';

const NAME = 'Siti Pelapor Rahasia';
const PHONE = '081299998888';
const EMAIL = 'siti.pelapor@contoh.id';

function row(over: Partial<ComplaintRow> = {}): ComplaintRow {
  const t = Date.UTC(2026, 0, 5, 2);
  return {
    id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
    ticket: 'ADU-7K3Q-9XPD',
    regionCode: '64.08.04',
    originRegionCode: '64.08.04.2012',
    classification: 'pengaduan',
    categoryId: 'infrastruktur',
    title: 'Jalan berlubang',
    description: 'Jalan poros berlubang besar di depan sekolah.',
    lat: 0.5,
    lng: 117.5,
    exactLocationPublic: false,
    personalDataErasedAt: null,
    place: 'Depan SD',
    isAnonymous: false,
    isConfidential: false,
    reporterName: NAME,
    reporterPhone: PHONE,
    reporterEmail: EMAIL,
    secretHash: 'f'.repeat(64),
    status: 'didisposisikan',
    version: 3,
    unit: 'Dinas PUPR',
    receivedAt: t,
    verifyDueAt: t + 3 * 86_400_000,
    verifiedAt: t + 3_600_000,
    dispositionedAt: t + 7_200_000,
    followupDueAt: t + 6 * 86_400_000,
    followedUpAt: null,
    autocloseAt: null,
    finishedAt: null,
    reopenUntil: null,
    dueAt: t + 6 * 86_400_000,
    onTime: true,
    round: 0,
    isDemo: false,
    channel: 'portal',
    identityConsentAt: t,
    changeSeq: 7,
    createdAt: t,
    updatedAt: t + 7_200_000,
    ...over,
  };
}

function ev(seq: number, over: Partial<ComplaintEventRow>): ComplaintEventRow {
  return {
    id: `E${seq}`,
    complaintId: 'x',
    regionCode: '64.08.04',
    seq,
    at: Date.UTC(2026, 0, 5, 2 + seq),
    kind: 'status',
    fromStatus: null,
    toStatus: 'diterima',
    actorType: 'petugas',
    actorId: 'U1',
    actorLabel: 'Petugas pengaduan Kecamatan Sangatta Utara',
    actorName: 'Andi Petugas',
    targetRegionCode: null,
    notePublic: null,
    noteReporter: null,
    noteInternal: null,
    ...over,
  };
}

function bundle(over: Partial<ComplaintRow> = {}): ComplaintBundle {
  return {
    complaint: row(over),
    events: [
      ev(1, { kind: 'dibuat', actorType: 'pelapor', actorId: null, actorLabel: 'Pelapor', actorName: null }),
      ev(2, { fromStatus: 'diterima', toStatus: 'diverifikasi', noteInternal: 'Catatan internal petugas' }),
      ev(3, {
        fromStatus: 'diverifikasi',
        toStatus: 'didisposisikan',
        notePublic: 'Didisposisikan ke Dinas PUPR.',
        noteInternal: 'Instruksi rahasia: cek anggaran',
        targetRegionCode: '64.08.04',
      }),
      ev(4, {
        kind: 'info',
        fromStatus: 'didisposisikan',
        toStatus: 'didisposisikan',
        actorType: 'pelapor',
        actorLabel: 'Pelapor',
        actorName: null,
        noteReporter: 'Tambahan dari pelapor',
      }),
    ],
    attachments: [
      {
        id: 'A1',
        complaintId: 'x',
        regionCode: '64.08.04.2012',
        eventSeq: 1,
        r2Key: 'complaints/x/A1.jpg',
        mime: 'image/jpeg',
        size: 10,
        width: 10,
        height: 10,
        sha256: 'a',
        media: null,
        createdAt: 1,
      },
    ],
    ratings: [],
    refs: [],
    categoryName: 'Infrastruktur',
    regions: new Map([
      ['64.08.04', { code: '64.08.04', name: 'Sangatta Utara', level: 'kecamatan' as const, path: 'sangatta-utara' }],
      ['64.08.04.2012', { code: '64.08.04.2012', name: 'Swarga Bara', level: 'desa' as const, path: 'sangatta-utara/swarga-bara' }],
    ]),
  };
}

const text = (v: unknown) => JSON.stringify(v);
const now = Date.UTC(2026, 0, 6);

describe('complaint views per audience', () => {
  it('public: content of a verified open report, but never identity, private notes, photos, keys or handler names', () => {
    const v = toPublicView(bundle());
    expect(v.content?.title).toBe('Jalan berlubang');
    expect(v.content?.timeline.map((t) => t.notes.join())).toEqual(['', '', 'Didisposisikan ke Dinas PUPR.', '']);
    const s = text(v);
    for (const secret of [NAME, PHONE, EMAIL, 'Catatan internal', 'Instruksi rahasia', 'Tambahan dari pelapor', 'Andi Petugas', 'complaints/x', 'ffffffff'])
      expect(s).not.toContain(secret);
  });

  it('public: nothing but number and status for confidential, unverified, refused or archived reports', () => {
    for (const [over, reason] of [
      [{ isConfidential: true }, 'rahasia'],
      [{ verifiedAt: null, status: 'diterima' }, 'belum_diverifikasi'],
      [{ status: 'ditolak' }, 'tidak_diproses'],
      [{ status: 'diarsipkan' }, 'tidak_diproses'],
    ] as const) {
      const v = toPublicView(bundle(over));
      expect(v.hiddenReason).toBe(reason);
      expect(v.content).toBeNull();
      expect(text(v)).not.toContain('Jalan berlubang');
      expect(text(v)).not.toContain('Swarga');
      expect(text(v)).not.toContain('Dinas PUPR');
    }
  });

  it('reporter: everything about their report, including their own contact even when anonymous, but no internal notes', () => {
    const v = toReporterView(bundle({ isAnonymous: true }), now);
    expect(v.reporter).toEqual({ name: NAME, phone: PHONE, email: EMAIL });
    expect(text(v)).toContain('Tambahan dari pelapor');
    expect(text(v)).not.toContain('Instruksi rahasia');
    expect(text(v)).not.toContain('Andi Petugas');
    expect(text(v)).not.toContain('ffffffff');
    expect(v.attachments).toHaveLength(1);
    expect(v.actions).toEqual(['tambah_info']);
  });

  it('handler and partner: identity of a named reporter, none at all of an anonymous one', () => {
    expect(toHandlerView(bundle(), now).reporter).toEqual({ anonymous: false, name: NAME, phone: PHONE, email: EMAIL });
    expect(toPartnerView(bundle()).reporter).toEqual({ anonymous: false, forward_consent: true, name: NAME, phone: PHONE, email: EMAIL });
    const handler = toHandlerView(bundle({ isAnonymous: true }), now);
    expect(handler.reporter).toEqual({ anonymous: true, name: null, phone: null, email: null });
    const partner = toPartnerView(bundle({ isAnonymous: true }));
    expect(partner.reporter).toEqual({ anonymous: true, forward_consent: false, name: null, phone: null, email: null });
    for (const v of [handler, partner]) for (const secret of [NAME, PHONE, EMAIL, 'ffffffff']) expect(text(v)).not.toContain(secret);
  });

  it('partner: no identity without the reporter’s consent to forward it to SP4N-LAPOR', () => {
    const v = toPartnerView(bundle({ identityConsentAt: null }));
    expect(v.reporter).toEqual({ anonymous: false, forward_consent: false, name: null, phone: null, email: null });
    for (const secret of [NAME, PHONE, EMAIL]) expect(text(v)).not.toContain(secret);
  });

  it('partner: an anonymous reporter’s exact point is snapped, a named one’s kept', () => {
    const exact = { lat: 0.512345, lng: 117.498765 };
    expect(toPartnerView(bundle(exact))).toMatchObject(exact);
    const anon = toPartnerView(bundle({ ...exact, isAnonymous: true }));
    expect(anon.lat).not.toBe(exact.lat);
    expect(Math.abs(anon.lat! - exact.lat)).toBeLessThan(0.002);
    expect(Math.abs(anon.lng! - exact.lng)).toBeLessThan(0.002);
  });

  it('handler sees internal notes newest first; partner never sees internal notes or handler names', () => {
    const h = toHandlerView(bundle(), now);
    expect(h.timeline.map((t) => t.seq)).toEqual([4, 3, 2, 1]);
    expect(text(h)).toContain('Instruksi rahasia');
    expect(h.actions).toEqual(['disposisi', 'tindak_lanjut', 'arsipkan']);
    const p = toPartnerView(bundle());
    expect(text(p)).not.toContain('Instruksi rahasia');
    expect(text(p)).not.toContain('Catatan internal');
    expect(text(p)).not.toContain('Andi Petugas');
    expect(p.attachmentCount).toBe(1);
  });
});
