import { mkdtemp, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import { loopbackCertificate } from '../../support/self-signed';

function startCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const firstLine = new Promise<string>((resolve) => {
    const check = setInterval(() => {
      if (stdout.includes('\n') || stderr) {
        clearInterval(check);
        resolve(stdout.split('\n')[0] ?? '');
      }
    }, 5);
  });
  const exit = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, untilStopped: () => stopped, readStdin: async () => '' });
  return { exit, firstLine, stop, output: () => ({ stdout, stderr }) };
}

describe('momo-console sandbox', () => {
  it('prints one JSON line with url, environment and keys, serves, and exits 0 when stopped', async () => {
    const cli = startCli(['sandbox', '--port', '0', '--subscription-key', 'collection=my-collection-key', '--complete-after-ms', '5', '--faults', '{"method":"POST","path":"/remittance/*","action":"error","status":503}']);
    const line = JSON.parse(await cli.firstLine) as { url: string; environment: string; subscriptionKeys: Record<string, string> };
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.environment).toBe('sandbox');
    expect(line.subscriptionKeys.collection).toBe('my-collection-key');
    expect(line.subscriptionKeys.disbursement).toMatch(/^[0-9a-f]{32}$/);
    const unauthorized = await fetch(`${line.url}/collection/token/`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': 'my-collection-key' } });
    expect(await unauthorized.json()).toEqual({ error: 'login_failed' });
    const faulted = await fetch(`${line.url}/remittance/token/`, { method: 'POST' });
    expect(faulted.status).toBe(503);
    cli.stop();
    expect(await cli.exit).toBe(0);
    await expect(fetch(`${line.url}/_sandbox/ledger`)).rejects.toThrow();
  });

  it('reads faults from @FILE', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'momo-cli-'));
    const file = path.join(dir, 'faults.json');
    await writeFile(file, JSON.stringify([{ method: '*', path: '/collection/*', action: 'rate-limit', retryAfter: 3 }]));
    const cli = startCli(['sandbox', '--faults', `@${file}`]);
    const line = JSON.parse(await cli.firstLine) as { url: string };
    expect((await fetch(`${line.url}/collection/token/`, { method: 'POST' })).headers.get('retry-after')).toBe('3');
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it('serves https with --tls-key and --tls-cert', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'momo-cli-'));
    const { key, cert } = await loopbackCertificate();
    await writeFile(path.join(dir, 'key.pem'), key);
    await writeFile(path.join(dir, 'cert.pem'), cert);
    const cli = startCli(['sandbox', '--tls-key', path.join(dir, 'key.pem'), '--tls-cert', path.join(dir, 'cert.pem')]);
    const line = JSON.parse(await cli.firstLine) as { url: string };
    expect(line.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const status = await new Promise<number | undefined>((resolve, reject) =>
      https.get(`${line.url}/_sandbox/stats`, { ca: cert }, (response) => resolve(response.resume().statusCode)).on('error', reject),
    );
    expect(status).toBe(200);
    cli.stop();
    expect(await cli.exit).toBe(0);
  });

  it('accepts --json and then reports errors as JSON', async () => {
    const ok = startCli(['sandbox', '--json']);
    expect(JSON.parse(await ok.firstLine)).toMatchObject({ environment: 'sandbox' });
    ok.stop();
    expect(await ok.exit).toBe(0);
    const bad = startCli(['sandbox', '--json', '--port', 'x']);
    expect(await bad.exit).toBe(2);
    expect(JSON.parse(bad.output().stderr)).toEqual({ error: { code: 'USAGE', message: '--port takes a whole number, got "x"' } });
  });

  it.each([
    [['--port', 'eighty'], '--port takes a whole number'],
    [['--subscription-key', 'wallet=abc'], '--subscription-key takes PRODUCT=KEY'],
    [['--faults', '{"method":"POST"'], '--faults is not valid JSON'],
    [['--faults', '[{"method":"POST","path":"/x","action":"explode"}]'], '--faults rule 0'],
    [['--faults', '@/nonexistent/faults.json'], 'cannot read /nonexistent/faults.json'],
    [['--colour', 'red'], "Unknown option '--colour'"],
    [['--currency', 'euro'], 'currency'],
    [['--tls-key', '/tmp/key.pem'], '--tls-key and --tls-cert go together'],
    [['--tls-key', '/nonexistent/key.pem', '--tls-cert', '/nonexistent/cert.pem'], '--tls-key: cannot read /nonexistent/key.pem'],
  ])('exits 2 naming the problem for %j', async (args, message) => {
    const cli = startCli(['sandbox', ...args]);
    expect(await cli.exit).toBe(2);
    expect(cli.output().stderr).toContain(message);
    expect(cli.output().stdout).toBe('');
  });
});
