// Smoke test of the keychain harness: a value stored through the OS keychain
// library is read back from a real gnome-keyring over D-Bus.
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';

const SERVICE = 'momo-console-harness-test';

describe('keychain harness', () => {
  it('runs inside the private D-Bus session with an unlocked keyring', () => {
    expect(process.env.MOMO_KEYCHAIN_SESSION, 'run this through scripts/with-keychain.sh (npm run test:keychain)').toBe('ready');
    expect(process.env.DBUS_SESSION_BUS_ADDRESS).toBeTruthy();
    expect(process.env.DISPLAY).toBeUndefined();
  });

  it('stores, reads back and deletes a value in the Secret Service', async () => {
    const account = `smoke-${randomUUID()}`;
    const secret = `value-${randomUUID()}`;
    await keytar.setPassword(SERVICE, account, secret);
    expect(await keytar.getPassword(SERVICE, account)).toBe(secret);
    expect(await keytar.findCredentials(SERVICE)).toContainEqual({ account, password: secret });
    expect(await keytar.deletePassword(SERVICE, account)).toBe(true);
    expect(await keytar.getPassword(SERVICE, account)).toBeNull();
  });
});
