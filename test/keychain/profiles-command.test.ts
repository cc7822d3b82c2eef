// The admin's command-line path on a real keychain: secrets piped into
// set-secret, provisioning straight into the keychain, then a green connection
// test, and no secret printed anywhere.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import { KEYCHAIN_SERVICE } from '../../main/vault/secret-store';
import { runCommand } from '../support/run-cli';

let home: string;
let mtn: RunningSandbox;
const outputs: string[] = [];
const run = async (argv: string[], stdin = '') => {
  const result = await runCommand(argv, { MOMO_CONSOLE_HOME: home }, stdin);
  outputs.push(result.stdout, result.stderr);
  return result;
};

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'momo-cli-keychain-'));
  mtn = await startSandbox({ completeAfterMs: 0 });
});
afterAll(async () => {
  await mtn.close();
  for (const { account } of await keytar.findCredentials(KEYCHAIN_SERVICE)) await keytar.deletePassword(KEYCHAIN_SERVICE, account);
});

describe('profiles on the command line, with the OS keychain', () => {
  it('set-secret from stdin, provision, test: green, and nothing secret printed', async () => {
    expect(process.env.MOMO_KEYCHAIN_SESSION).toBe('ready');
    expect((await run(['profiles', 'add', 'Emulator', '--kind', 'sandbox', '--base-url', mtn.url, '--environment', 'sandbox', '--currency', 'EUR'])).code).toBe(0);
    for (const product of ['collection', 'disbursement', 'remittance'] as const) {
      const stored = await run(['profiles', 'set-secret', 'Emulator', 'subscription-key', '--product', product], `${mtn.subscriptionKeys[product]}\n`);
      expect(stored).toMatchObject({ code: 0, stdout: 'stored in the system keychain (Secret Service)\n' });
    }
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, 'emulator:subscription-key:disbursement:primary')).toBe(mtn.subscriptionKeys.disbursement);
    const provisioned = await run(['provision', '--profile', 'Emulator', '--callback-host', 'payouts.example.com', '--json']);
    expect(provisioned.code).toBe(0);
    expect(JSON.parse(provisioned.stdout)).toEqual({ profileId: 'emulator', providerCallbackHost: 'payouts.example.com', targetEnvironment: 'sandbox', reused: false });
    const apiKey = await keytar.getPassword(KEYCHAIN_SERVICE, 'emulator:api-key');
    expect(apiKey).toMatch(/^\w{16,}$/);
    const tested = await run(['profiles', 'test', 'Emulator', '--json']);
    expect(tested.code).toBe(0);
    expect(JSON.parse(tested.stdout).results.map((r: { outcome: string }) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
    const printed = outputs.join('\n');
    for (const secret of [apiKey ?? 'missing', ...Object.values(mtn.subscriptionKeys)]) expect(printed).not.toContain(secret);
    expect((await run(['profiles', 'remove', 'Emulator'])).code).toBe(0);
    expect((await keytar.findCredentials(KEYCHAIN_SERVICE)).filter((c) => c.account.startsWith('emulator:'))).toEqual([]);
  });
});
