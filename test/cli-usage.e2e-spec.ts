import { runCli } from './support/warden';

/** Operators reach for `--help` first; it needs no database, so these run against no server at all. */
describe('warden CLI usage', () => {
  it.each(['--help', '-h', 'help'])('%s prints the usage on stdout and exits 0', async (flag) => {
    const result = await runCli(process.env, [flag]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^usage: npm run warden -- <command> \[arguments\]/);
    expect(result.stdout).toContain('keys:create <application-id>');
  });

  it('names an unknown command on stderr and exits 64 (EX_USAGE)', async () => {
    const result = await runCli(process.env, ['keys:crate']);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^unknown command "keys:crate"\n\nusage:/);
  });

  it('prints the usage on stderr and exits 64 when no command is given', async () => {
    const result = await runCli(process.env, []);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/^usage:/);
  });
});
