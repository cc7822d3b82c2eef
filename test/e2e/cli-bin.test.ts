// The built `momo-console` started as a user's shell starts it: by its shebang,
// which must find node and hand V8 the semi-space size the batch runner's
// memory target depends on.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('runs as its own executable, with node started with the semi-space flag', async () => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'momo-bin-'));
  const probe = path.join(home, 'probe.cjs');
  await writeFile(probe, "process.on('exit', () => process.stderr.write('execArgv=' + JSON.stringify(process.execArgv) + '\\n'));\n");
  const { stdout, stderr } = await promisify(execFile)(path.resolve('out/cli/cli.js'), ['payouts', 'list'], {
    env: { ...process.env, MOMO_CONSOLE_HOME: home, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, NODE_OPTIONS: `--require=${probe}` },
  });
  expect(stdout).toMatch(/no batches/i);
  expect(JSON.parse(/execArgv=(.*)/.exec(stderr)?.[1] ?? '[]')).toContain('--max-semi-space-size=8');
});
