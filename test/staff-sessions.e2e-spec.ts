import {
  ApplicationReviewErrorCode,
  CommonErrorCode,
  StaffErrorCode,
  staffAnswer,
} from './support/error-catalog';
import {
  apply,
  createStaff,
  DEVELOPER_PASSWORD,
  registerDeveloper,
  request,
  Session,
  STAFF_PASSWORD,
  staffLogin,
  uniqueEmail,
} from './support/review-api';
import { startWarden, WardenInstance } from './support/warden';

const ADMIN = { email: 'admin@warden.test', password: 'admin-password-long-enough' };

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; role: string };
}

/** Staff sign-in: sessions, refresh rotation, logout, lock-out, and role changes taking effect at once. */
describe('staff and developer sessions', () => {
  let warden: WardenInstance;
  let url: string;
  let admin: Session;

  beforeAll(async () => {
    warden = await startWarden('sessions', {
      WARDEN_INIT_ADMIN_EMAIL: ADMIN.email,
      WARDEN_INIT_ADMIN_PASSWORD: ADMIN.password,
      WARDEN_EMBEDDED_MODELS: '',
    });
    url = warden.url;
    admin = await staffLogin(url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await warden?.stop();
  });

  const me = (token: string) => request(url, 'GET', '/admin/auth/me', { token });
  const login = (email: string, password: string) =>
    request<Tokens>(url, 'POST', '/admin/auth/login', { body: { email, password } });

  it('signs in with e-mail and password and describes the session', async () => {
    const analyst = await createStaff(url, admin.token, 'analyst');
    const result = await login(analyst.email.toUpperCase(), STAFF_PASSWORD);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      accessToken: expect.stringMatching(/^wsa_/),
      refreshToken: expect.stringMatching(/^wsr_/),
      expiresIn: 900,
      user: { id: analyst.id, email: analyst.email, role: 'analyst' },
    });
    const described = await me(result.body.accessToken);
    expect(described.body).toEqual({
      id: analyst.id,
      email: analyst.email,
      role: 'analyst',
      permissions: expect.any(Array),
    });
    expect(described.body.permissions).toEqual(
      expect.arrayContaining([
        'applications:read',
        'api-keys:read',
        'organizations:read',
        'policies:read',
        'audit-log:read',
        'request-logs:read',
      ]),
    );
    expect(described.body.permissions).not.toContain('applications:decide');
    const wrong = await login(analyst.email, 'not the password at all');
    expect(wrong).toMatchObject(
      staffAnswer(
        StaffErrorCode.InvalidCredentials,
        'Wrong e-mail address or password, or the account is locked for a while after too many failed sign-ins.',
      ),
    );
    // An unknown address is answered exactly like a wrong password.
    const unknown = await login('nobody@example.com', 'whatever-password');
    expect(unknown).toMatchObject(staffAnswer(StaffErrorCode.InvalidCredentials));
    expect({ ...unknown.body, requestId: null }).toEqual({ ...wrong.body, requestId: null });
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    const reviewer = await createStaff(url, admin.token, 'reviewer');
    const first = await request<Tokens>(url, 'POST', '/admin/auth/refresh', {
      body: { refreshToken: reviewer.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(reviewer.refreshToken);
    expect((await me(first.body.accessToken)).status).toBe(200);
    // The access token from before the refresh keeps working until it expires.
    expect((await me(reviewer.token)).status).toBe(200);

    const reused = await request(url, 'POST', '/admin/auth/refresh', {
      body: { refreshToken: reviewer.refreshToken },
    });
    expect(reused).toMatchObject(staffAnswer(StaffErrorCode.InvalidRefreshToken));
    expect(await me(first.body.accessToken)).toMatchObject(staffAnswer(StaffErrorCode.Unauthenticated));
    expect(
      await request(url, 'POST', '/admin/auth/refresh', { body: { refreshToken: first.body.refreshToken } }),
    ).toMatchObject(staffAnswer(StaffErrorCode.InvalidRefreshToken));
  });

  it('logs out: the access and refresh tokens stop working', async () => {
    const analyst = await createStaff(url, admin.token, 'analyst');
    expect(
      (
        await request(url, 'POST', '/admin/auth/logout', {
          token: analyst.token,
          body: { refreshToken: analyst.refreshToken },
        })
      ).status,
    ).toBe(204);
    expect(await me(analyst.token)).toMatchObject(staffAnswer(StaffErrorCode.Unauthenticated));
    expect(
      await request(url, 'POST', '/admin/auth/refresh', { body: { refreshToken: analyst.refreshToken } }),
    ).toMatchObject(staffAnswer(StaffErrorCode.InvalidRefreshToken));
    expect((await login(analyst.email, STAFF_PASSWORD)).status).toBe(200);
  });

  it('locks an account for 15 minutes after five wrong passwords', async () => {
    const reviewer = await createStaff(url, admin.token, 'reviewer');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await login(reviewer.email, `wrong password ${attempt}`)).toMatchObject(
        staffAnswer(StaffErrorCode.InvalidCredentials),
      );
    }
    const locking = await login(reviewer.email, 'wrong password 5');
    // The lock answers exactly like a wrong password for an address nobody registered: no enumeration by 423.
    const nobody = await login(uniqueEmail('nobody'), 'wrong password');
    const locked = await login(reviewer.email, STAFF_PASSWORD);
    for (const answer of [locking, locked]) {
      expect(answer.status).toBe(nobody.status);
      expect({ ...answer.body, requestId: null }).toEqual({ ...nobody.body, requestId: null });
      expect(answer.headers.get('retry-after')).toBeNull();
    }
    expect(nobody).toMatchObject(staffAnswer(StaffErrorCode.InvalidCredentials));

    const listed = await request<{ lockedUntil: string | null }>(url, 'GET', `/admin/staff/${reviewer.id}`, {
      token: admin.token,
    });
    expect(new Date(listed.body.lockedUntil!).getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    // An admin setting a new password lifts the lock and ends the member's sessions.
    expect(
      (
        await request(url, 'PUT', `/admin/staff/${reviewer.id}`, {
          token: admin.token,
          body: { password: 'a-brand-new-password' },
        })
      ).status,
    ).toBe(200);
    expect(await me(reviewer.token)).toMatchObject(staffAnswer(StaffErrorCode.Unauthenticated));
    expect((await login(reviewer.email, 'a-brand-new-password')).status).toBe(200);
  });

  it('locks developer accounts the same way', async () => {
    const developer = await registerDeveloper(url);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await request(url, 'POST', '/portal/auth/login', {
        body: { email: developer.email, password: 'wrong-password' },
      });
    }
    const locked = await request(url, 'POST', '/portal/auth/login', {
      body: { email: developer.email, password: DEVELOPER_PASSWORD },
    });
    const nobody = await request(url, 'POST', '/portal/auth/login', {
      body: { email: uniqueEmail('nobody'), password: DEVELOPER_PASSWORD },
    });
    expect(locked).toMatchObject(staffAnswer(StaffErrorCode.InvalidCredentials));
    expect({ ...locked.body, requestId: null }).toEqual({ ...nobody.body, requestId: null });
  });

  it('applies a role change or a deletion to open sessions at once', async () => {
    const member = await createStaff(url, admin.token, 'analyst');
    const application = await apply(url, await registerDeveloper(url));
    const edit = () =>
      request(url, 'PUT', `/admin/policies/${application.id}`, {
        token: member.token,
        body: { requireUser: true },
      });
    expect(await edit()).toMatchObject(staffAnswer(StaffErrorCode.Forbidden));
    expect(
      (
        await request(url, 'PUT', `/admin/staff/${member.id}`, {
          token: admin.token,
          body: { role: 'reviewer' },
        })
      ).status,
    ).toBe(200);
    expect((await edit()).status).toBe(200);
    expect((await request(url, 'DELETE', `/admin/staff/${member.id}`, { token: admin.token })).status).toBe(
      200,
    );
    expect(await me(member.token)).toMatchObject(staffAnswer(StaffErrorCode.Unauthenticated));
  });

  it('keeps at least one admin and refuses to delete oneself', async () => {
    const adminId = admin.id;
    const demoted = await request(url, 'PUT', `/admin/staff/${adminId}`, {
      token: admin.token,
      body: { role: 'reviewer' },
    });
    expect(demoted).toMatchObject(
      staffAnswer(StaffErrorCode.LastAdmin, expect.stringContaining('at least one admin')),
    );
    expect(await request(url, 'DELETE', `/admin/staff/${adminId}`, { token: admin.token })).toMatchObject(
      staffAnswer(StaffErrorCode.CannotDeleteSelf),
    );
    const second = await createStaff(url, admin.token, 'admin');
    expect((await request(url, 'DELETE', `/admin/staff/${second.id}`, { token: admin.token })).status).toBe(
      200,
    );
    const duplicate = await request(url, 'POST', '/admin/staff', {
      token: admin.token,
      body: { email: ADMIN.email, password: STAFF_PASSWORD, role: 'analyst' },
    });
    expect(duplicate).toMatchObject(staffAnswer(StaffErrorCode.EmailTaken));
    const weak = await request(url, 'POST', '/admin/staff', {
      token: admin.token,
      body: { email: uniqueEmail('weak'), password: 'short', role: 'analyst' },
    });
    expect(weak).toMatchObject(staffAnswer(CommonErrorCode.InvalidBody, expect.stringContaining('password')));
  });

  it('keeps staff and developer tokens apart', async () => {
    const developer = await registerDeveloper(url);
    expect(await request(url, 'GET', '/admin/applications', { token: developer.token })).toMatchObject(
      staffAnswer(StaffErrorCode.Unauthenticated),
    );
    expect(await request(url, 'GET', '/portal/applications', { token: admin.token })).toMatchObject(
      staffAnswer(StaffErrorCode.Unauthenticated),
    );
    expect(
      await request(url, 'POST', '/admin/auth/refresh', { body: { refreshToken: developer.refreshToken } }),
    ).toMatchObject(staffAnswer(StaffErrorCode.InvalidRefreshToken));
    const refreshed = await request<Tokens>(url, 'POST', '/portal/auth/refresh', {
      body: { refreshToken: developer.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(
      (await request(url, 'GET', '/portal/auth/me', { token: refreshed.body.accessToken })).body,
    ).toEqual({
      id: developer.id,
      email: developer.email,
      organizationId: developer.organizationId,
      organizationName: developer.organizationName,
    });
  });

  describe('passwords', () => {
    const register = (email: string, password: string, organizationName = `Org ${uniqueEmail('o')}`) =>
      request(url, 'POST', '/portal/auth/register', { body: { organizationName, email, password } });

    it.each([
      ['twelve repeated letters', 'aaaaaaaaaaaa'],
      ['a common password', 'password1234'],
      ['twelve spaces', '            '],
      ['a keyboard walk', 'qwertyuiop123'],
    ])('refuses %s, for developers and staff alike, saying why', async (_label, password) => {
      const email = uniqueEmail('jane.doe');
      const developer = await register(email, password);
      expect(developer).toMatchObject(
        staffAnswer(
          CommonErrorCode.InvalidBody,
          expect.stringMatching(/^password: (is too easy to guess|must be at least 12)/),
        ),
      );
      const member = await request(url, 'POST', '/admin/staff', {
        token: admin.token,
        body: { email, password, role: 'analyst' },
      });
      expect(member).toMatchObject(
        staffAnswer(CommonErrorCode.InvalidBody, expect.stringMatching(/^password: /)),
      );
    });

    it('refuses the e-mail address as the password', async () => {
      const email = uniqueEmail('jane.doe');
      const answered = await register(email, email);
      expect(answered).toMatchObject(
        staffAnswer(CommonErrorCode.InvalidBody, expect.stringMatching(/^password: is too easy to guess/)),
      );
    });

    it('refuses a password built from the organization name', async () => {
      const answered = await register(uniqueEmail('x'), 'Zanzibarcorp2024', 'Zanzibarcorp');
      expect(answered).toMatchObject(staffAnswer(CommonErrorCode.InvalidBody));
    });

    it('answers a taken address exactly like a new one, and creates nothing', async () => {
      const developer = await registerDeveloper(url);
      const fresh = await register(uniqueEmail('fresh'), DEVELOPER_PASSWORD);
      const taken = await register(developer.email, 'an-attacker-chose-this-one');
      expect(taken.status).toBe(fresh.status);
      expect(taken.body).toEqual(fresh.body);
      expect(fresh.status).toBe(202);
      // The account is untouched: the attacker's password does not sign in, the owner's still does.
      expect(
        await request(url, 'POST', '/portal/auth/login', {
          body: { email: developer.email, password: 'an-attacker-chose-this-one' },
        }),
      ).toMatchObject(staffAnswer(StaffErrorCode.InvalidCredentials));
      expect(
        (
          await request(url, 'POST', '/portal/auth/login', {
            body: { email: developer.email, password: DEVELOPER_PASSWORD },
          })
        ).status,
      ).toBe(200);
    });

    it('answers a taken organization name exactly like a new one, and gives the registrant an organization of their own', async () => {
      const existing = await registerDeveloper(url);
      const freshName = `Org ${uniqueEmail('fresh-org')}`;
      const fresh = await register(uniqueEmail('fresh'), DEVELOPER_PASSWORD, freshName);
      const email = uniqueEmail('prober');
      const taken = await register(email, DEVELOPER_PASSWORD, existing.organizationName.toUpperCase());
      expect(fresh.status).toBe(202);
      expect(taken.status).toBe(fresh.status);
      expect(taken.body).toEqual(fresh.body);
      // Signing in does not tell either: the registrant has an account, in a new organization that only shares
      // the display name, and sees nothing of the existing one.
      const signedIn = await request<{ accessToken: string; user: { organizationId: string } }>(
        url,
        'POST',
        '/portal/auth/login',
        { body: { email, password: DEVELOPER_PASSWORD } },
      );
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.organizationId).not.toBe(existing.organizationId);
      const mine = await apply(url, existing);
      expect(
        await request(url, 'GET', `/portal/applications/${mine.id}`, { token: signedIn.body.accessToken }),
      ).toMatchObject(staffAnswer(ApplicationReviewErrorCode.ApplicationNotFound));
    });

    it('never 500s on a concurrent double registration, and never logs the hash or the address', async () => {
      const email = uniqueEmail('twice');
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() => register(email, DEVELOPER_PASSWORD, `Org ${uniqueEmail('race')}`)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
      const rows = await warden.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM developers WHERE lower(email) = $1',
        [email],
      );
      expect(rows[0].n).toBe(1);
      const printed = warden.output.join('\n');
      expect(printed).not.toContain('$argon2');
      expect(printed).not.toContain(email);
    });
  });
});
