import { FirstRunOutcome } from './first-run.service';

/** What the api process reports to the launcher once it listens (over the fork IPC channel). */
export interface ApiReadyMessage {
  warden: 'ready';
  role: 'api';
  /** `id (owner)` of every model /v1/models lists, and the moderation classifier's name. */
  models: string[];
  classifier: string;
  consoleBuilt: boolean;
  portalBuilt: boolean;
  /** What the api's first-run bootstrap did before it listened (the banner shows a minted demo key once). */
  firstRun: FirstRunOutcome;
}

export type ReadyMessage = ApiReadyMessage | { warden: 'ready'; role: 'worker' };

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).warden === 'ready';
}

export interface BannerFacts {
  host: string;
  port: number;
  database: { embeddedDirectory?: string; url: string };
  adminEmail?: string;
  api: ApiReadyMessage;
}

/** The few lines a person starting Warden needs: where it answers, what it runs on, how to get in. */
export function renderBanner(facts: BannerFacts): string {
  const base = `http://${displayHost(facts.host)}:${facts.port}`;
  const models = [
    ...facts.api.models,
    ...(facts.api.classifier ? [`${facts.api.classifier} classifier`] : []),
  ];
  const lines = [
    '',
    `  Warden is running (Ctrl+C stops it)`,
    `    API        ${base}/v1  (OpenAI-compatible: use it as an OpenAI SDK's base URL)`,
    facts.api.consoleBuilt
      ? `    Console    ${base}/console/`
      : `    Console    not built: run \`npm run build\` to serve ${base}/console/`,
    facts.api.portalBuilt
      ? `    Developers ${base}/developers/  (sign up, apply, get API keys)`
      : `    Developers not built: run \`npm run build\` to serve ${base}/developers/`,
    `    API docs   ${base}/docs`,
    `    Database   ${
      facts.database.embeddedDirectory
        ? `embedded PostgreSQL, data in ${facts.database.embeddedDirectory} (stops with Warden)`
        : facts.database.url
    }`,
    `    Models     ${models.join(', ') || 'none'}`,
    `    Staff      ${adminLine(facts.api.firstRun.admin, facts.adminEmail)}`,
  ];
  if (facts.api.firstRun.mintedKey) {
    lines.push(
      `    Demo key   ${facts.api.firstRun.mintedKey}  (no API key existed; shown only now: store it)`,
    );
  }
  return lines.join('\n');
}

function adminLine(admin: FirstRunOutcome['admin'], email: string | undefined): string {
  switch (admin) {
    case 'created':
      return `admin ${email} created; sign in to the console with its password`;
    case 'present':
      return 'an admin exists; sign in to the console';
    case 'missing':
      return 'no admin yet: set WARDEN_INIT_ADMIN_EMAIL and WARDEN_INIT_ADMIN_PASSWORD (12+ characters) and start again';
  }
}

/** A wildcard bind address is not something to type into a browser. */
function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === ''
    ? 'localhost'
    : host.includes(':')
      ? `[${host}]`
      : host;
}
