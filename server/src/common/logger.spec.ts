import { spawnSync } from 'node:child_process';
import path from 'node:path';

const LOGGER = path.join(__dirname, 'logger.ts');

/**
 * Runs `body` in a fresh node process with `createLogger` loaded from source (transpiled on require), stdout
 * piped, as an api or worker process runs. Returns what reached stdout, in order.
 */
function runWithLogger(body: string): { stdout: string; status: number | null } {
  const script = `
    const fs = require('node:fs');
    const ts = require('typescript');
    require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText, file);
    const { createLogger } = require(${JSON.stringify(LOGGER)});
    const logger = createLogger('info', 'spec');
    ${body}
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { stdout: result.stdout, status: result.status };
}

describe('createLogger', () => {
  it('does not write to stdout synchronously inside the call that logs', () => {
    const { stdout, status } = runWithLogger(`
      logger.info('logged first');
      fs.writeSync(1, 'written after\\n');
    `);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('written after');
    expect(JSON.parse(lines[1])).toMatchObject({ msg: 'logged first', process: 'spec' });
  });

  it('writes the lines of an idle process within a moment, without waiting for more', () => {
    // SIGKILL skips every exit handler: only lines already written reach stdout.
    const { stdout } = runWithLogger(`
      logger.info('a lone line');
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1000);
    `);
    expect(JSON.parse(stdout.trim())).toMatchObject({ msg: 'a lone line' });
  });

  it('keeps the last lines of a process that crashes on an uncaught error', () => {
    const { stdout, status } = runWithLogger(`
      for (let i = 0; i < 1000; i++) logger.info({ i }, 'line before the crash');
      logger.fatal('about to crash');
      throw new Error('crash');
    `);
    expect(status).not.toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines).toHaveLength(1001);
    expect(lines[1000].msg).toBe('about to crash');
  });

  it('keeps the last lines of a process that exits at once', () => {
    const { stdout, status } = runWithLogger(`
      logger.fatal('cannot start');
      process.exit(69);
    `);
    expect(status).toBe(69);
    expect(JSON.parse(stdout.trim())).toMatchObject({ msg: 'cannot start', level: 60 });
  });
});
