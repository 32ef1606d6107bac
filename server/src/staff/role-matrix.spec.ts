import { may, Permission, permissionsFor, StaffRole } from '../contracts';

describe('role matrix', () => {
  it('gives admins every permission', () => {
    expect(permissionsFor(StaffRole.Admin).sort()).toEqual(Object.values(Permission).sort());
  });

  it('lets reviewers decide and manage keys and policies, but not staff', () => {
    expect(may(StaffRole.Reviewer, Permission.ApplicationsDecide)).toBe(true);
    expect(may(StaffRole.Reviewer, Permission.ApiKeysManage)).toBe(true);
    expect(may(StaffRole.Reviewer, Permission.PoliciesWrite)).toBe(true);
    expect(may(StaffRole.Reviewer, Permission.StaffManage)).toBe(false);
  });

  it('keeps analysts away from reviews, keys, policies and staff', () => {
    for (const permission of [
      Permission.ApplicationsDecide,
      Permission.ApiKeysManage,
      Permission.PoliciesWrite,
      Permission.StaffManage,
    ]) {
      expect(may(StaffRole.Analyst, permission)).toBe(false);
    }
    expect(permissionsFor(StaffRole.Analyst)).toEqual(
      expect.arrayContaining([
        Permission.ApplicationsRead,
        Permission.ApiKeysRead,
        Permission.OrganizationsRead,
        Permission.PoliciesRead,
        Permission.AuditLogRead,
        Permission.RequestLogsRead,
      ]),
    );
  });

  it('lets analysts start bias runs, and reviewers only read them', () => {
    expect(may(StaffRole.Analyst, Permission.BiasRunsStart)).toBe(true);
    expect(may(StaffRole.Reviewer, Permission.BiasRunsRead)).toBe(true);
    expect(may(StaffRole.Reviewer, Permission.BiasRunsStart)).toBe(false);
  });

  it('lets labelers read queues and label, and nothing else; analysts and admins manage queues', () => {
    expect(permissionsFor(StaffRole.Labeler).sort()).toEqual(
      [Permission.LabelQueuesRead, Permission.LabelsWrite].sort(),
    );
    for (const role of [StaffRole.Admin, StaffRole.Analyst]) {
      expect(may(role, Permission.LabelQueuesManage)).toBe(true);
      expect(may(role, Permission.LabelsWrite)).toBe(true);
    }
    expect(may(StaffRole.Reviewer, Permission.LabelQueuesManage)).toBe(false);
    expect(may(StaffRole.Labeler, Permission.LabelQueuesManage)).toBe(false);
  });
});
