import { organizationResponseSchema } from '../contracts';
import { toOrganizationResponse } from './organizations.dto';
import type { OrganizationRow } from './organizations.repository';

const row = (): OrganizationRow => ({
  id: '5b0c5f0e-6a4e-4c1e-9a57-2d0d8a7f1c11',
  name: 'Acme',
  createdAt: new Date('2026-11-02T10:00:00Z'),
  applicationCount: 3,
});

describe('organization response contract', () => {
  it('accepts what the server answers', () => {
    expect(organizationResponseSchema.parse(toOrganizationResponse(row()))).toEqual({
      id: row().id,
      name: 'Acme',
      createdAt: '2026-11-02T10:00:00.000Z',
      applicationCount: 3,
    });
  });

  it('refuses a row that was not mapped, or a field the contract does not name', () => {
    expect(organizationResponseSchema.safeParse(row()).success).toBe(false);
    expect(
      organizationResponseSchema.safeParse({ ...toOrganizationResponse(row()), updatedAt: 'x' }).success,
    ).toBe(false);
    expect(
      organizationResponseSchema.safeParse({ ...toOrganizationResponse(row()), applicationCount: '3' })
        .success,
    ).toBe(false);
  });
});
