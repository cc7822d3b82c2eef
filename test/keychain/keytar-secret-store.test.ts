// The keytar adapter against a real gnome-keyring on a private D-Bus session
// (scripts/with-keychain.sh), and the plain error when no Secret Service is
// reachable, seen from a process whose D-Bus address leads nowhere.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../main/logging/logger';
import { explainKeychainFailure, probeSecretStore } from '../../main/vault/keychain-probe';
import { createKeytarSecretStore } from '../../main/vault/keytar-secret-store';
import { openSecretStore } from '../../main/vault/open-secret-store';
import { SecretVault } from '../../main/vault/secret-vault';

const SERVICE = `momo-console-test-${randomUUID()}`;

describe('keytar secret store on a real Secret Service', () => {
  it('runs inside the private keyring session', () => {
    expect(process.env.MOMO_KEYCHAIN_SESSION, 'run through scripts/with-keychain.sh (npm run test:keychain)').toBe('ready');
  });

  it('set, get, list, delete round trips', async () => {
    const store = await createKeytarSecretStore(SERVICE);
    expect(store.backend).toMatchObject({ id: 'os-keychain', persistent: true, label: 'the system keychain (Secret Service)' });
    await store.set('p:api-key', 'first-value');
    await store.set('p:api-key', 'second-value');
    await store.set('p:subscription-key:collection:primary', 'collection-key-value');
    expect(await store.get('p:api-key')).toBe('second-value');
    expect(await store.list()).toEqual(['p:api-key', 'p:subscription-key:collection:primary']);
    expect(await store.delete('p:api-key')).toBe(true);
    expect(await store.delete('p:api-key')).toBe(false);
    expect(await store.get('p:api-key')).toBeNull();
    expect(await store.list()).toEqual(['p:subscription-key:collection:primary']);
    await store.delete('p:subscription-key:collection:primary');
  });

  it('the vault keeps a profile\u2019s secrets in the keychain, and the start-up probe passes', async () => {
    const store = await createKeytarSecretStore(SERVICE);
    expect(await probeSecretStore(store)).toEqual({ ok: true });
    const vault = new SecretVault(store);
    await vault.set('live', { kind: 'api-key' }, 'keychain-held-api-key');
    expect((await vault.credentials('live')).apiKey).toBe('keychain-held-api-key');
    await vault.clearProfile('live');
    expect(await store.list()).toEqual([]);
    const opened = await openSecretStore(createLogger(undefined, 'silent'));
    expect(opened.status).toMatchObject({ backend: 'os-keychain', problem: null });
  });

  it('on a D-Bus session whose keyring cannot be unlocked (no prompt), the failure is explained in plain words', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'momo-no-keyring-'));
    const script = `require('keytar').setPassword('${SERVICE}', 'x', 'y').then(() => console.log('stored'), (e) => console.log(e.message))`;
    const rest = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DISPLAY' && name !== 'DBUS_SESSION_BUS_ADDRESS'));
    const { stdout } = await promisify(execFile)('dbus-run-session', ['--', process.execPath, '-e', script], {
      env: { ...rest, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_RUNTIME_DIR: path.join(home, 'run') },
      timeout: 30_000,
    });
    const said = stdout.trim().split('\n').at(-1) ?? '';
    expect(said).not.toBe('stored');
    const explained = explainKeychainFailure(new Error(said));
    expect(explained.problem).toMatch(/locked|no login keyring|No Secret Service/);
  });

  it('with no Secret Service reachable, the failure is explained in plain words', async () => {
    const script = `require('keytar').setPassword('${SERVICE}', 'x', 'y').then(() => console.log('stored'), (e) => console.log(e.message))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/momo-no-bus' },
      timeout: 20_000,
    });
    // libsecret's own words, e.g. "Could not connect: No such file or directory".
    expect(stdout.trim()).toMatch(/connect|D-?Bus/i);
    const explained = explainKeychainFailure(new Error(stdout.trim()));
    expect(explained.problem).toBe('There is no D-Bus session to reach a keychain through.');
    expect(explained.advice).toMatch(/MOMO_\* environment variables/);
  });
});
