import {
  developerSummarySchema,
  registerSchema as registerShape,
  registrationResponseSchema,
  tokenResponseSchema,
} from '../contracts';
import { DeveloperEntity } from '../organizations/developer.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { toTokenResponse } from '../staff/staff.dto';
import { REGISTRATION_ACCEPTED, registerSchema, toDeveloperSummary } from './portal.dto';

function developer(): DeveloperEntity {
  return Object.assign(new DeveloperEntity(), {
    id: '7a1f0c55-3f0e-4c61-b1d7-7a3c0e9f0a01',
    organizationId: '7a1f0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
    email: 'dev@example.com',
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$abc$def',
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: new Date('2026-11-02T10:00:00Z'),
  });
}

function organization(): OrganizationEntity {
  return Object.assign(new OrganizationEntity(), {
    id: '7a1f0c55-3f0e-4c61-b1d7-7a3c0e9f0a02',
    name: 'Acme',
    createdAt: new Date('2026-11-02T10:00:00Z'),
    updatedAt: new Date('2026-11-02T10:00:00Z'),
  });
}

describe('portal auth contract', () => {
  it('accepts the developer summary and a sign-in answer as the server builds them', () => {
    const summary = developerSummarySchema.parse(toDeveloperSummary(developer(), organization()));
    expect(summary).toEqual({
      id: developer().id,
      email: 'dev@example.com',
      organizationId: organization().id,
      organizationName: 'Acme',
    });
    const token = toTokenResponse(
      { sessionId: 's', accessToken: 'a', refreshToken: 'r', expiresIn: 900 },
      summary,
    );
    expect(tokenResponseSchema(developerSummarySchema).parse(token).user).toEqual(summary);
    expect(registrationResponseSchema.parse(REGISTRATION_ACCEPTED)).toEqual(REGISTRATION_ACCEPTED);
  });

  it('refuses the entity itself: its password hash never leaves', () => {
    expect(developerSummarySchema.safeParse(developer()).success).toBe(false);
    expect(
      developerSummarySchema.safeParse({
        ...toDeveloperSummary(developer(), organization()),
        passwordHash: 'x',
      }).success,
    ).toBe(false);
  });

  it('registers with the contract shape; the server adds the strength check', () => {
    const body = {
      organizationName: 'Acme Robotics',
      email: 'Dev@Example.com',
      password: 'password1234',
    };
    expect(registerShape.parse(body).email).toBe('dev@example.com');
    expect(registerSchema.safeParse(body).success).toBe(false);
    expect(registerSchema.safeParse({ ...body, password: 'lantern orbit mosaic violet' }).success).toBe(true);
    expect(registerShape.safeParse({ ...body, email: 'not-an-address' }).success).toBe(false);
  });
});
