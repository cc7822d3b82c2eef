import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import packageJson from '../../../package.json';

function run(argv: string[], env: NodeJS.ProcessEnv = { MOMO_CONSOLE_HOME: '/tmp/momo-home' }) {
  let stdout = '';
  let stderr = '';
  return runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, untilStopped: () => Promise.resolve(), readStdin: async () => '' }).then((code) => ({ code, stdout, stderr }));
}

describe('momo-console command line', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('prints info as one JSON object with --json', async () => {
    const { code, stdout } = await run(['info', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'MoMo Console', version: packageJson.version, dataDir: '/tmp/momo-home', activeProfile: { name: 'Local sandbox' } });
  });

  it('exits 2 naming an unknown command, and 2 with usage when given none', async () => {
    const unknown = await run(['pay-everyone']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command: pay-everyone');
    const json = await run(['pay-everyone', '--json']);
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'USAGE', message: 'unknown command: pay-everyone' } });
    expect((await run([])).code).toBe(2);
  });
});
