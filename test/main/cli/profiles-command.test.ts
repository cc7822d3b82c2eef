// `momo-console profiles` and `provision` in plain Node, where no keychain
// runs: profile settings work, secrets come from MOMO_* variables, and
// commands that would have to keep a secret refuse plainly.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox-server';
import { runCommand } from '../../support/run-cli';

// No Secret Service in this process: the console must notice and say so.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/momo-test-bus';
delete process.env.DISPLAY;

let home: string;
let mtn: RunningSandbox;
let apiUser: string;
let apiKey: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'momo-cli-home-'));
  mtn = await startSandbox({ completeAfterMs: 0 });
  apiUser = randomUUID();
  const key = mtn.subscriptionKeys.collection;
  await fetch(`${mtn.url}/v1_0/apiuser`, { method: 'POST', headers: { 'X-Reference-Id': apiUser, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' }, body: '{"providerCallbackHost":"127.0.0.1"}' });
  apiKey = ((await (await fetch(`${mtn.url}/v1_0/apiuser/${apiUser}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } })).json()) as { apiKey: string }).apiKey;
});
afterAll(() => mtn.close());

const env = () => ({ MOMO_CONSOLE_HOME: home });
const headless = () => ({
  ...env(),
  MOMO_API_USER: apiUser,
  MOMO_API_KEY: apiKey,
  MOMO_COLLECTION_SUBSCRIPTION_KEY: mtn.subscriptionKeys.collection,
  MOMO_DISBURSEMENT_SUBSCRIPTION_KEY: mtn.subscriptionKeys.disbursement,
});

describe('momo-console profiles', () => {
  it('lists the Local sandbox profile on a fresh install', async () => {
    const { code, stdout } = await runCommand(['profiles', 'list', '--json'], env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ activeProfileId: 'local-sandbox', profiles: [{ id: 'local-sandbox', name: 'Local sandbox' }], problem: null });
  });

  it('adds, uses (production only by its exact name) and removes profiles', async () => {
    expect(await runCommand(['profiles', 'add', 'Emulator', '--kind', 'sandbox', '--base-url', mtn.url, '--environment', 'sandbox', '--currency', 'EUR'], env())).toMatchObject({ code: 0, stdout: 'added Emulator [emulator]\n' });
    const live = await runCommand(['profiles', 'add', 'Uganda live', '--kind', 'production', '--base-url', 'https://proxy.momoapi.mtn.com', '--environment', 'mtnuganda', '--currency', 'UGX', '--max-row-amount', '5000000'], env());
    expect(live.code).toBe(0);
    const refused = await runCommand(['profiles', 'use', 'uganda-live'], env());
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('Type its name exactly') });
    expect(await runCommand(['profiles', 'use', 'Uganda live'], env())).toMatchObject({ code: 0, stdout: 'now using Uganda live\n' });
    const listed = await runCommand(['profiles', 'list'], env());
    expect(listed.stdout).toContain('* Uganda live  [uganda-live]  production, mtnuganda, UGX');
    expect(JSON.parse(await readFile(path.join(home, 'profiles.json'), 'utf8'))).toMatchObject({ activeProfileId: 'uganda-live' });
    expect(await runCommand(['profiles', 'remove', 'Uganda live'], env())).toMatchObject({ code: 0 });
    expect(JSON.parse((await runCommand(['profiles', 'list', '--json'], env())).stdout).activeProfileId).toBe('local-sandbox');
  });

  it('names the bad flag, the unknown profile, or the missing subcommand, and exits 2', async () => {
    expect(await runCommand(['profiles', 'add', 'X', '--kind', 'sandbox', '--base-url', 'https://a.example', '--environment', 'sandbox', '--currency', 'euro'], env())).toMatchObject({ code: 2, stderr: expect.stringContaining('--currency: a three-letter currency code') });
    expect(await runCommand(['profiles', 'add', 'X', '--kind', 'sandbox', '--base-url', 'http://a.example', '--environment', 'sandbox', '--currency', 'EUR'], env())).toMatchObject({ code: 2, stderr: expect.stringContaining('must be reached over https') });
    expect(await runCommand(['profiles', 'test', 'Kenya'], env())).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no profile "Kenya"') });
    expect(JSON.parse((await runCommand(['profiles', '--json'], env())).stderr)).toEqual({ error: { code: 'USAGE', message: 'profiles needs a subcommand' } });
    expect(await runCommand(['profiles', 'set-secret', 'Emulator', 'password'], env())).toMatchObject({ code: 2, stderr: expect.stringContaining('the secret is subscription-key, api-user or api-key') });
  });

  it('headless: tests a profile with credentials from MOMO_* variables; a product without a key is skipped', async () => {
    const { code, stdout } = await runCommand(['profiles', 'test', 'Emulator', '--json'], headless());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results.map((r: { outcome: string }) => r.outcome)).toEqual(['ok', 'ok', 'skipped']);
    const wrong = await runCommand(['profiles', 'test', 'Emulator'], { ...headless(), MOMO_API_KEY: 'f'.repeat(32) });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('the API user or API key was refused');
    for (const output of [stdout, wrong.stdout]) for (const secret of [apiKey, ...Object.values(mtn.subscriptionKeys)]) expect(output).not.toContain(secret);
  });

  it('the Local sandbox profile tests green with no credentials at all', async () => {
    const { code, stdout } = await runCommand(['profiles', 'test', 'Local sandbox'], env());
    expect(code).toBe(0);
    expect(stdout.match(/ ok /g)).toHaveLength(3);
  });

  it('without a keychain, set-secret and provision refuse plainly instead of keeping a secret nowhere', async () => {
    const set = await runCommand(['profiles', 'set-secret', 'Emulator', 'api-key'], env(), 'some-api-key-value');
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/the OS keychain is needed to keep the secret, and it is unavailable: There is no D-Bus session/);
    expect(set.stderr).toContain('MOMO_API_USER');
    const provisioned = await runCommand(['provision', '--profile', 'Emulator', '--callback-host', 'x.example.com', '--json'], env());
    expect(provisioned.code).toBe(2);
    expect(JSON.parse(provisioned.stderr).error.code).toBe('NO_KEYCHAIN');
  });
});
