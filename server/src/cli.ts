import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { generateApiKey, parseApiKey } from './api-keys/api-key.secret';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AdministrationModule } from './administration.modules';
import { BIAS_USAGE, biasCommands } from './bias/bias.cli';
import { ApplicationStatus } from './applications/application.entity';
import { ApplicationsService } from './applications/applications.service';
import { createLogger, NestPinoLogger } from './common/logger';
import { closeWithQueues } from './common/queue.module';
import { loadConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { InvalidPolicyError, PoliciesService } from './policies/policies.service';
import { AuditService } from './audit/audit.service';
import { OPERATOR_ACTOR } from './audit/audit.types';
import { isUuid } from './common/list-query';
import { OrganizationsService } from './organizations/organizations.service';
import { EndUsersService } from './end-users/end-users.service';
import { EndUserRow } from './end-users/end-users.repository';
import { formatDoctorReport, runDoctor } from './setup/doctor';
import { WebhooksService } from './webhooks/webhooks.service';

const USAGE = `usage: npm run warden -- <command> [arguments]

  orgs:create <name>                          create an organization
  orgs:list                                   list organizations
  apps:create <organization> <name> [--live]  create an application (sandbox unless --live);
                                              <organization> is an id, or a name only one has
  apps:list <organization>                    list an organization's applications
  keys:create <application-id> [name]         issue an API key (the secret is printed once)
  keys:revoke <key-or-prefix>                 revoke a key on every instance
  keys:generate                               print a fresh random key (for WARDEN_INIT_API_KEY)
  audit:verify                                check the audit log's hash chain (exit 1 if it is broken)
  policies:show <application-id>              the policy an application is held to
  policies:set <application-id> <json-patch>  change an application's policy (a partial policy)
  apps:webhook <application-id> <url>         send the application's notifications there (prints the signing secret)
  end-users:unblock <application-id> <user> [reason]  lift an end user's throttle or block
  end-users:block <application-id> <user> [reason]    block an end user until staff lift it
${BIAS_USAGE}
  doctor                                      check Node, PostgreSQL, Redis, models, migrations and the admin
  db:migrate                                  apply pending migrations
  db:revert                                   revert the most recent migration`;

class UsageError extends Error {}

type Command = (args: string[], app: () => Promise<INestApplicationContext>) => Promise<unknown>;

const COMMANDS: Record<string, Command> = {
  'orgs:create': async ([name], app) => {
    const organization = await (
      await app()
    )
      .get(OrganizationsService)
      .create(OPERATOR_ACTOR, required(name, 'organization name'));
    return { id: organization.id, name: organization.name };
  },
  'orgs:list': async (_args, app) =>
    (await (await app()).get(OrganizationsService).list()).map(({ id, name }) => ({ id, name })),
  'apps:create': async ([organizationName, name, ...flags], app) => {
    const context = await app();
    const organization = await findOrganization(context, required(organizationName, 'organization'));
    const status = flags.includes('--live') ? ApplicationStatus.Live : ApplicationStatus.Sandbox;
    const application = await context
      .get(ApplicationsService)
      .create(OPERATOR_ACTOR, organization.id, required(name, 'application name'), status);
    return { id: application.id, name: application.name, status: application.status };
  },
  'apps:list': async ([organizationName], app) => {
    const context = await app();
    const organization = await findOrganization(context, required(organizationName, 'organization'));
    return (await context.get(ApplicationsService).listForOrganization(organization.id)).map(
      ({ id, name, status }) => ({ id, name, status }),
    );
  },
  'keys:create': async ([applicationId, name], app) => {
    const context = await app();
    const application = await findApplication(context, required(applicationId, 'application id'));
    const { row, secret } = await context
      .get(ApiKeysService)
      .create(OPERATOR_ACTOR, application.id, { name: name ?? 'cli' });
    return {
      id: row.id,
      prefix: row.prefix,
      kind: row.kind,
      key: secret,
      note: 'store this key now: it is not shown again',
    };
  },
  'keys:revoke': async ([keyOrPrefix], app) => {
    const value = required(keyOrPrefix, 'key or prefix');
    const prefix = parseApiKey(value)?.prefix ?? value.replace(/^wk-/, '').replace(/_.*$/, '');
    const revoked = await (
      await app()
    )
      .get(ApiKeysService)
      .revokeByPrefix(OPERATOR_ACTOR, prefix, 'revoked with the operator CLI');
    if (!revoked) {
      throw new UsageError(`no key with prefix ${prefix}`);
    }
    return { id: revoked.id, prefix: revoked.prefix, status: revoked.status };
  },
  'keys:generate': async () => ({ key: generateApiKey() }),
  'audit:verify': async (_args, app) => {
    const status = await (await app()).get(AuditService).verify();
    if (!status.valid) {
      process.exitCode = 1;
    }
    return status;
  },
  'policies:show': async ([applicationId], app) => {
    const context = await app();
    const application = await findApplication(context, required(applicationId, 'application id'));
    return context.get(PoliciesService).resolve(application);
  },
  'policies:set': async ([applicationId, patch], app) => {
    const context = await app();
    const application = await findApplication(context, required(applicationId, 'application id'));
    let change: unknown;
    try {
      change = JSON.parse(required(patch, 'JSON patch'));
    } catch {
      throw new UsageError('the policy patch must be JSON, e.g. \'{"limits":{"maxTokens":64}}\'');
    }
    try {
      return await context.get(PoliciesService).update(application, change);
    } catch (err) {
      if (err instanceof InvalidPolicyError) throw new UsageError(err.message);
      throw err;
    }
  },
  'apps:webhook': async ([applicationId, url], app) => {
    const context = await app();
    const application = await findApplication(context, required(applicationId, 'application id'));
    const { secret } = await context
      .get(WebhooksService)
      .configure(OPERATOR_ACTOR, application.id, required(url, 'webhook URL'));
    return {
      applicationId: application.id,
      url,
      secret,
      note: 'verify x-warden-signature with this secret; it is not shown again',
    };
  },
  'end-users:unblock': ([applicationId, endUser, ...reason], app) =>
    setEndUserStanding(app, applicationId, endUser, (service, id, user) =>
      service.unblock(id, user, reason.join(' ') || 'unblocked by an operator'),
    ),
  'end-users:block': ([applicationId, endUser, ...reason], app) =>
    setEndUserStanding(app, applicationId, endUser, (service, id, user) =>
      service.block(id, user, reason.join(' ') || 'blocked by an operator'),
    ),
  ...biasCommands((message) => new UsageError(message)),
  doctor: async () => {
    const checks = await runDoctor(loadConfig());
    process.stdout.write(`${formatDoctorReport(checks)}\n`);
    if (checks.some((check) => !check.ok)) {
      process.exitCode = 1;
    }
    return undefined;
  },
  'db:migrate': async () =>
    withDataSource(async (dataSource) => (await dataSource.runMigrations()).map((m) => m.name)),
  'db:revert': async () =>
    withDataSource(async (dataSource) => {
      await dataSource.undoLastMigration();
      return { reverted: true };
    }),
};

async function withDataSource<T>(
  use: (dataSource: ReturnType<typeof createDataSource>) => Promise<T>,
): Promise<T> {
  const dataSource = createDataSource(loadConfig().databaseUrl);
  await dataSource.initialize();
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Staff decisions on one end user, taken by the operator (`end-users:block`, `end-users:unblock`). */
async function setEndUserStanding(
  app: () => Promise<INestApplicationContext>,
  applicationId: string | undefined,
  endUser: string | undefined,
  decide: (service: EndUsersService, applicationId: string, endUser: string) => Promise<EndUserRow | null>,
) {
  const context = await app();
  const application = await findApplication(context, required(applicationId, 'application id'));
  const row = await decide(context.get(EndUsersService), application.id, required(endUser, 'end user'));
  if (!row) throw new UsageError(`no end user "${endUser}" in application ${applicationId}`);
  return { applicationId: row.application_id, endUser: row.end_user, status: row.status };
}

async function findApplication(context: INestApplicationContext, id: string) {
  const application = await context.get(ApplicationsService).findById(id);
  if (!application) {
    throw new UsageError(`no application with id ${id}`);
  }
  return application;
}

/** By id, or by name when exactly one organization has it (developers may register namesakes). */
async function findOrganization(context: INestApplicationContext, idOrName: string) {
  const organizations = context.get(OrganizationsService);
  const byId = isUuid(idOrName) ? await organizations.findById(idOrName) : null;
  if (byId) {
    return byId;
  }
  const named = await organizations.findAllByName(idOrName);
  if (named.length === 0) {
    throw new UsageError(`no organization named "${idOrName}"`);
  }
  if (named.length > 1) {
    throw new UsageError(
      `${named.length} organizations are named "${idOrName}"; name one by id: ${named.map(({ id }) => id).join(', ')}`,
    );
  }
  return named[0];
}

function required(value: string | undefined, what: string): string {
  if (!value) {
    throw new UsageError(`missing ${what}\n\n${USAGE}`);
  }
  return value;
}

const HELP = new Set(['--help', '-h', 'help']);

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (HELP.has(name)) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command "${name}"\n\n` : ''}${USAGE}\n`);
    process.exit(64);
  }
  let context: INestApplicationContext | undefined;
  const app = async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'cli');
    context ??= await NestFactory.createApplicationContext(AdministrationModule.forRoot(logger), {
      logger: new NestPinoLogger(logger),
    });
    return context;
  };
  try {
    const result = await command(args, app);
    if (result !== undefined) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
  } catch (err) {
    process.stderr.write(`warden: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 64 : 1;
  } finally {
    if (context) await closeWithQueues(context);
  }
}

void main();
