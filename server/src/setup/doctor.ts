import fs from 'node:fs';
import path from 'node:path';
import { WardenConfig, REPOSITORY_ROOT } from '../config/config';
import { createDataSource } from '../database/data-source';
import { checkRedis, describeRedis, postgresAnswers, redactUrl, REDIS_HINT } from '../database/preflight';
import { StaffRole } from '../contracts';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do about it; only for a failed check. */
  fix?: string;
}

/**
 * `npm run warden -- doctor`: everything a start needs, checked without starting anything, each failure with the
 * command that fixes it. Read-only: it creates no database and applies no migration.
 */
export async function runDoctor(config: WardenConfig): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [checkNode(), ...checkModels(config)];
  checks.push(await checkRedisServer(config));
  checks.push(...(await checkDatabase(config)));
  return checks;
}

export function formatDoctorReport(checks: DoctorCheck[]): string {
  const lines = checks.map((check) => {
    const line = `${check.ok ? ' ok ' : 'FAIL'}  ${check.name.padEnd(11)} ${check.detail}`;
    return check.fix ? `${line}\n      ${' '.repeat(11)} fix: ${check.fix}` : line;
  });
  const failed = checks.filter((check) => !check.ok).length;
  lines.push('', failed === 0 ? 'Everything Warden needs is in place.' : `${failed} problem(s) to fix.`);
  return lines.join('\n');
}

function checkNode(): DoctorCheck {
  const wanted = readEngine();
  const ok = compareVersions(process.versions.node, wanted) >= 0;
  return {
    name: 'Node.js',
    ok,
    detail: `${process.versions.node} (needs >= ${wanted})`,
    fix: ok
      ? undefined
      : `install Node.js ${wanted} or newer (https://nodejs.org, or your distribution's nodejs)`,
  };
}

function checkModels(config: WardenConfig): DoctorCheck[] {
  const checks = config.models.embedded.map((model): DoctorCheck => {
    const file = path.join(config.models.directory, model, 'onnx', 'model.onnx');
    const ok = fs.existsSync(file);
    return {
      name: 'model',
      ok,
      detail: ok ? `${model} (${path.dirname(path.dirname(file))})` : `${model}: ${file} is missing`,
      fix: ok
        ? undefined
        : `restore models/${model} from the repository, or drop it from WARDEN_EMBEDDED_MODELS`,
    };
  });
  const classifier = path.join(config.moderation.classifierDirectory, 'config.json');
  const ok = fs.existsSync(classifier);
  checks.push({
    name: 'classifier',
    ok,
    detail: ok ? config.moderation.classifierDirectory : `${classifier} is missing`,
    fix: ok ? undefined : 'restore models/moderation from the repository, or set WARDEN_MODERATION_MODEL_DIR',
  });
  return checks;
}

async function checkRedisServer(config: WardenConfig): Promise<DoctorCheck> {
  try {
    await checkRedis(config);
    return { name: 'Redis', ok: true, detail: describeRedis(config) };
  } catch {
    return {
      name: 'Redis',
      ok: false,
      detail: `nothing answers at ${describeRedis(config)}`,
      fix: REDIS_HINT,
    };
  }
}

async function checkDatabase(config: WardenConfig): Promise<DoctorCheck[]> {
  const url = redactUrl(config.databaseUrl);
  if (!(await postgresAnswers(config.databaseUrl))) {
    if (config.embeddedPostgres) {
      return [
        {
          name: 'PostgreSQL',
          ok: true,
          detail: `nothing at ${url}: \`npm start\` will run an embedded PostgreSQL in ${config.embeddedPostgres.directory}`,
        },
      ];
    }
    return [
      {
        name: 'PostgreSQL',
        ok: false,
        detail: `nothing answers at ${url}`,
        fix: 'start PostgreSQL (`docker compose up -d postgres`), fix DATABASE_URL, or unset it to use the embedded one',
      },
    ];
  }
  const dataSource = createDataSource(config.databaseUrl);
  try {
    await dataSource.initialize();
  } catch (err) {
    const missing = (err as { code?: string }).code === '3D000';
    return [
      {
        name: 'PostgreSQL',
        ok: missing,
        detail: missing
          ? `${url}: the server answers; the database is created on the first \`npm start\``
          : `${url}: ${err instanceof Error ? err.message : String(err)}`,
        fix: missing ? undefined : 'check the user, password and database in DATABASE_URL',
      },
    ];
  }
  try {
    const [{ server_version: version }] = (await dataSource.query('SHOW server_version')) as {
      server_version: string;
    }[];
    const checks: DoctorCheck[] = [{ name: 'PostgreSQL', ok: true, detail: `${url} (${version})` }];
    const pending = await dataSource.showMigrations();
    checks.push({
      name: 'migrations',
      ok: !pending,
      detail: pending ? 'some migrations are not applied' : 'all applied',
      fix: pending ? '`npm run warden -- db:migrate` (or `npm start`, which applies them)' : undefined,
    });
    const [{ present }] = (await dataSource.query(
      `SELECT to_regclass('public.staff_users') IS NOT NULL AS present`,
    )) as { present: boolean }[];
    const admins = present
      ? ((await dataSource.query(`SELECT count(*)::int AS count FROM staff_users WHERE role = $1`, [
          StaffRole.Admin,
        ])) as { count: number }[])
      : [{ count: 0 }];
    const hasAdmin = admins[0].count > 0;
    checks.push({
      name: 'admin',
      ok: hasAdmin,
      detail: hasAdmin
        ? `${admins[0].count} staff admin(s)`
        : 'no staff admin: nobody can sign in to the console',
      fix: hasAdmin
        ? undefined
        : 'set WARDEN_INIT_ADMIN_EMAIL and WARDEN_INIT_ADMIN_PASSWORD (12+ characters) and run `npm start`',
    });
    return checks;
  } finally {
    await dataSource.destroy();
  }
}

function readEngine(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
  return (manifest.engines?.node ?? '>=20').replace(/^>=\s*/, '');
}

function compareVersions(actual: string, wanted: string): number {
  const a = actual.split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
