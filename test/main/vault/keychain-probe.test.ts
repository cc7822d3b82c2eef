import { describe, expect, it } from 'vitest';
import { explainKeychainFailure, probeSecretStore } from '../../../main/vault/keychain-probe';
import { MemorySecretStore } from '../../../main/vault/memory-secret-store';
import type { SecretStore } from '../../../main/vault/secret-store';

describe('keychain probe', () => {
  it('passes on a store that round-trips, and leaves nothing behind', async () => {
    const store = new MemorySecretStore();
    expect(await probeSecretStore(store)).toEqual({ ok: true });
    expect(await store.list()).toEqual([]);
  });

  it('fails plainly on a store that throws or never answers', async () => {
    const failing: SecretStore = { ...new MemorySecretStore(), backend: new MemorySecretStore().backend, set: async () => Promise.reject(new Error('Cannot create an item in a locked collection')), get: async () => null, delete: async () => false, list: async () => [] };
    expect(await probeSecretStore(failing)).toMatchObject({ ok: false, problem: 'The keyring is locked.', advice: expect.stringMatching(/Unlock your keyring/) });
    const hanging: SecretStore = { ...failing, set: () => new Promise(() => {}) };
    expect(await probeSecretStore(hanging, 50)).toMatchObject({ ok: false, problem: 'The system keychain did not answer within 0.05 seconds.' });
  });

  it.each([
    ['The name org.freedesktop.secrets was not provided by any .service files', /No Secret Service is running/, /gnome-keyring/],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /no D-Bus session/, /MOMO_\* environment variables/],
    // What libsecret says when DBUS_SESSION_BUS_ADDRESS points at no bus.
    ['Could not connect: No such file or directory', /no D-Bus session/, /dbus-run-session/],
    ["Cannot find module 'keytar'", /library could not be loaded/, /libsecret/],
    ['Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d', /no login keyring yet/, /Log in to a desktop session/],
    ['something else entirely', /The system keychain failed: something else entirely/, /installed and unlocked/],
  ])('explains %j', (message, problem, advice) => {
    const explained = explainKeychainFailure(new Error(message));
    expect(explained.problem).toMatch(problem);
    expect(explained.advice).toMatch(advice);
  });
});
