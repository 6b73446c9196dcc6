import { describe, expect, it } from 'vitest';
import type { ManagementStage, Role } from '../../src/db/schema';
import { ACTIONS, can, candidateRoots, type Action, type Membership } from '../../src/regions/policy';

/**
 * The whole access matrix: every role × every action × (own region, child, sibling, parent) × every stage.
 * The expected table below is written independently of the implementation; any unexpected allow fails.
 */
type Relation = 'own' | 'child' | 'sibling' | 'parent';
const STAGES: ManagementStage[] = ['diskominfo', 'pendampingan', 'mandiri'];

// Membership region per role, and the target region for each relation.
const SETUPS: Record<Role, { member: string; targets: Partial<Record<Relation, string>> }> = {
  diskominfo: { member: '64.08', targets: { own: '64.08', child: '64.08.04', sibling: '65.01', parent: '64' } },
  operator_kecamatan: { member: '64.08.04', targets: { own: '64.08.04', child: '64.08.04.2012', sibling: '64.08.05', parent: '64.08' } },
  operator_desa: { member: '64.08.04.2012', targets: { own: '64.08.04.2012', sibling: '64.08.04.2011', parent: '64.08.04' } },
  ppid: { member: '64.08.04', targets: { own: '64.08.04', child: '64.08.04.2012', sibling: '64.08.05', parent: '64.08' } },
  penanganan_pengaduan: { member: '64.08.04', targets: { own: '64.08.04', child: '64.08.04.2012', sibling: '64.08.05', parent: '64.08' } },
  pengelola_pengadaan: { member: '64.08', targets: { own: '64.08', child: '64.08.04.2012', sibling: '65.01', parent: '64' } },
};

/** Stages govern publishing only: preparing content (posts, documents, places) is open to local operators in every stage. */
const OPERATOR_ANY_STAGE: Action[] = ['content.draft', 'dashboard.view', 'monitoring.read', 'letter.handle'];

function expected(role: Role, action: Action, rel: Relation, stage: ManagementStage): boolean {
  if (rel === 'sibling' || rel === 'parent') return false; // nobody reaches sideways or upward
  switch (role) {
    case 'diskominfo':
      return true;
    case 'operator_desa':
    case 'operator_kecamatan':
      if (rel === 'child') {
        if (role === 'operator_desa') return false;
        return (action === 'content.review' && stage === 'pendampingan') || action === 'monitoring.read' || action === 'dashboard.view';
      }
      if (OPERATOR_ANY_STAGE.includes(action)) return true;
      if (action === 'content.publish') return stage === 'mandiri';
      return false;
    case 'ppid':
      return ['ppid.handle', 'document.declassify', 'dashboard.view', 'monitoring.read'].includes(action);
    case 'penanganan_pengaduan':
      return ['complaint.handle', 'dashboard.view'].includes(action);
    case 'pengelola_pengadaan':
      return ['tender.regency', 'dashboard.view'].includes(action);
  }
}

describe('access policy matrix', () => {
  const rows: string[] = [];
  for (const role of Object.keys(SETUPS) as Role[]) {
    const { member, targets } = SETUPS[role];
    const ms: Membership[] = [{ role, regionCode: member }];
    for (const [rel, target] of Object.entries(targets) as [Relation, string][]) {
      for (const stage of STAGES) {
        for (const action of ACTIONS) {
          rows.push(`${role}|${rel}|${stage}|${action}|${can(ms, action, { code: target, stage })}|${expected(role, action, rel, stage)}`);
        }
      }
    }
  }

  it('matches the expected table for every combination (no unexpected allow, no unexpected deny)', () => {
    const mismatches = rows.filter((r) => {
      const parts = r.split('|');
      return parts[4] !== parts[5];
    });
    expect(mismatches).toEqual([]);
    expect(rows.length).toBe(6 * 3 * ACTIONS.length * 4 - 3 * ACTIONS.length); // desa operator has no child relation
  });

  it('a desa operator never reaches another desa, whatever the stage', () => {
    const ms: Membership[] = [{ role: 'operator_desa', regionCode: '64.08.04.2012' }];
    for (const other of ['64.08.04.2011', '64.08.04.1010', '64.08.02.2003', '64.08.04.20120']) {
      for (const stage of STAGES) for (const a of ACTIONS) expect(can(ms, a, { code: other, stage }), `${other} ${a}`).toBe(false);
    }
  });

  it('only Diskominfo and the PPID may declassify a document; no operator in any stage', () => {
    for (const stage of STAGES) {
      expect(can([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'document.declassify', { code: '64.08.04.2012', stage })).toBe(false);
      expect(can([{ role: 'operator_kecamatan', regionCode: '64.08.04' }], 'document.declassify', { code: '64.08.04', stage })).toBe(false);
      expect(can([{ role: 'ppid', regionCode: '64.08.04' }], 'document.declassify', { code: '64.08.04.2012', stage })).toBe(true);
      expect(can([{ role: 'diskominfo', regionCode: '64.08' }], 'document.declassify', { code: '64.08.04.2012', stage })).toBe(true);
    }
  });

  it('stages govern publishing only: an operator prepares in every stage and publishes only when mandiri', () => {
    const ms: Membership[] = [{ role: 'operator_desa', regionCode: '64.08.04.2012' }];
    for (const stage of STAGES) {
      expect(can(ms, 'content.draft', { code: '64.08.04.2012', stage }), stage).toBe(true);
      expect(can(ms, 'content.publish', { code: '64.08.04.2012', stage }), stage).toBe(stage === 'mandiri');
      expect(can(ms, 'content.review', { code: '64.08.04.2012', stage }), stage).toBe(false);
    }
  });

  it('letters are served in every stage by the own operator of the region; a kecamatan operator never handles village letters', () => {
    for (const stage of STAGES) {
      expect(can([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'letter.handle', { code: '64.08.04.2012', stage }), stage).toBe(true);
      expect(can([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'letter.handle', { code: '64.08.04.2011', stage }), stage).toBe(false);
      expect(can([{ role: 'operator_kecamatan', regionCode: '64.08.04' }], 'letter.handle', { code: '64.08.04', stage }), stage).toBe(true);
      expect(can([{ role: 'operator_kecamatan', regionCode: '64.08.04' }], 'letter.handle', { code: '64.08.04.2012', stage }), stage).toBe(false);
      expect(can([{ role: 'diskominfo', regionCode: '64.08' }], 'letter.handle', { code: '64.08.04.2012', stage }), stage).toBe(true);
      expect(can([{ role: 'ppid', regionCode: '64.08.04' }], 'letter.handle', { code: '64.08.04', stage }), stage).toBe(false);
      expect(can([{ role: 'penanganan_pengaduan', regionCode: '64.08.04' }], 'letter.handle', { code: '64.08.04', stage }), stage).toBe(false);
    }
    expect(candidateRoots([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'letter.handle')).toEqual(['64.08.04.2012']);
    expect(candidateRoots([{ role: 'ppid', regionCode: '64.08.04' }], 'letter.handle')).toEqual([]);
  });

  it('regency-level actions belong to Diskominfo alone', () => {
    for (const a of ['region.stage', 'region.boundary', 'user.manage', 'audit.read', 'partner.manage', 'settings.manage'] as Action[]) {
      for (const role of ['operator_kecamatan', 'operator_desa', 'ppid', 'penanganan_pengaduan'] as Role[]) {
        const ms: Membership[] = [{ role, regionCode: SETUPS[role].member }];
        expect(can(ms, a, { code: SETUPS[role].member, stage: 'mandiri' })).toBe(false);
      }
      expect(can([{ role: 'diskominfo', regionCode: '64.08' }], a, { code: '64.08.04.2012', stage: 'diskominfo' })).toBe(true);
    }
  });

  it('regency procurement packages: Diskominfo and the procurement managers it names, never an operator, in no stage', () => {
    for (const stage of STAGES) {
      for (const [role, member] of [
        ['operator_desa', '64.08.04.2012'],
        ['operator_kecamatan', '64.08.04'],
        ['ppid', '64.08'],
        ['penanganan_pengaduan', '64.08'],
      ] as [Role, string][]) {
        expect(can([{ role, regionCode: member }], 'tender.regency', { code: member, stage }), `${role} ${stage}`).toBe(false);
        expect(can([{ role, regionCode: member }], 'tender.regency', { code: '64.08', stage }), `${role} ${stage} regency`).toBe(false);
        expect(candidateRoots([{ role, regionCode: member }], 'tender.regency')).toEqual([]);
      }
      expect(can([{ role: 'diskominfo', regionCode: '64.08' }], 'tender.regency', { code: '64.08', stage })).toBe(true);
      expect(can([{ role: 'pengelola_pengadaan', regionCode: '64.08' }], 'tender.regency', { code: '64.08', stage })).toBe(true);
      // The procurement manager prepares no village content and reviews nothing.
      for (const a of ['content.draft', 'content.publish', 'content.review'] as Action[]) {
        expect(can([{ role: 'pengelola_pengadaan', regionCode: '64.08' }], a, { code: '64.08.04.2012', stage })).toBe(false);
      }
    }
    expect(candidateRoots([{ role: 'pengelola_pengadaan', regionCode: '64.08' }], 'tender.regency')).toEqual(['64.08']);
    expect(candidateRoots([{ role: 'pengelola_pengadaan', regionCode: '64.08' }], 'content.draft')).toEqual([]);
  });

  it('several memberships combine, each within its own region', () => {
    const ms: Membership[] = [
      { role: 'operator_desa', regionCode: '64.08.04.2012' },
      { role: 'ppid', regionCode: '64.08.05' },
    ];
    expect(can(ms, 'content.publish', { code: '64.08.04.2012', stage: 'mandiri' })).toBe(true);
    expect(can(ms, 'ppid.handle', { code: '64.08.05.2001', stage: 'diskominfo' })).toBe(true);
    expect(can(ms, 'ppid.handle', { code: '64.08.04.2012', stage: 'mandiri' })).toBe(false);
    expect(can(ms, 'content.publish', { code: '64.08.05', stage: 'mandiri' })).toBe(false);
    expect(can([], 'dashboard.view', { code: '64.08', stage: 'mandiri' })).toBe(false);
  });

  it('candidate roots narrow list queries to reachable subtrees', () => {
    expect(candidateRoots([{ role: 'ppid', regionCode: '64.08.04' }], 'ppid.handle')).toEqual(['64.08.04']);
    expect(candidateRoots([{ role: 'ppid', regionCode: '64.08.04' }], 'complaint.handle')).toEqual([]);
    expect(candidateRoots([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'user.manage')).toEqual([]);
    // Actions no stage ever grants an operator do not reach its region (no PPID/complaint menus or lists).
    expect(candidateRoots([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'ppid.handle')).toEqual([]);
    expect(candidateRoots([{ role: 'operator_kecamatan', regionCode: '64.08.04' }], 'complaint.handle')).toEqual([]);
    expect(candidateRoots([{ role: 'operator_kecamatan', regionCode: '64.08.04' }], 'content.review')).toEqual(['64.08.04']);
    expect(candidateRoots([{ role: 'operator_desa', regionCode: '64.08.04.2012' }], 'content.publish')).toEqual(['64.08.04.2012']);
    expect(
      candidateRoots(
        [
          { role: 'diskominfo', regionCode: '64.08' },
          { role: 'operator_desa', regionCode: '64.08.04.2012' },
        ],
        'content.draft',
      ),
    ).toEqual(['64.08']);
  });
});
