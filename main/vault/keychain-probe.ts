// At start the console checks that the keychain really works (store, read back
// and delete a sentinel, within a time limit) and, when it does not, explains
// in plain words what is missing and what to do about it.
import { randomUUID } from 'node:crypto';
import type { SecretStore } from './secret-store';

export type ProbeResult = { ok: true } | { ok: false; problem: string; advice: string };

export async function probeSecretStore(store: SecretStore, timeoutMs = 5_000): Promise<ProbeResult> {
  const account = `probe:${randomUUID()}`;
  const value = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await store.set(account, value);
        const read = await store.get(account);
        await store.delete(account);
        if (read !== value) throw new Error('a value stored in the keychain did not read back the same');
      })(),
      timeout,
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, ...explainKeychainFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

class ProbeTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the keychain did not answer within ${ms / 1000} s`);
  }
}

/** Turns what keytar and libsecret say into what the user can act on. */
export function explainKeychainFailure(error: unknown): { problem: string; advice: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ProbeTimeout) {
    return { problem: `The system keychain did not answer within ${error.ms / 1000} seconds.`, advice: 'It may be waiting for a password: unlock your keyring (log in to the desktop session, or run your keyring unlock tool) and restart MoMo Console.' };
  }
  if (/Cannot find module|libsecret|cannot open shared object/i.test(message)) {
    return { problem: 'The keychain library could not be loaded.', advice: 'Install libsecret (Debian/Ubuntu: apt install libsecret-1-0) and restart MoMo Console.' };
  }
  if (/org\.freedesktop\.secrets|not provided by any \.service/i.test(message)) {
    return { problem: 'No Secret Service is running on this desktop.', advice: 'Install and start a Secret Service provider such as gnome-keyring (apt install gnome-keyring) or KeePassXC with Secret Service enabled, then restart MoMo Console.' };
  }
  if (/locked/i.test(message)) {
    return { problem: 'The keyring is locked.', advice: 'Unlock your keyring (for example with Seahorse, "Passwords and Keys") and restart MoMo Console.' };
  }
  // gnome-keyring started on demand with no way to ask for a password: no login keyring is open.
  if (/collection\/login|Object does not exist at path|prompt/i.test(message)) {
    return { problem: 'The keyring is locked, or there is no login keyring yet, and no password prompt can be shown.', advice: 'Log in to a desktop session (which unlocks the login keyring), or create and unlock one with Seahorse, then restart MoMo Console.' };
  }
  if (/D-?Bus|DBUS|X11|\$DISPLAY|autolaunch|Could not connect/i.test(message)) {
    return { problem: 'There is no D-Bus session to reach a keychain through.', advice: 'Run MoMo Console inside a desktop session (or start one with dbus-run-session), or give credentials through the MOMO_* environment variables for headless runs.' };
  }
  return { problem: `The system keychain failed: ${message}`, advice: 'Check that your keychain is installed and unlocked, then restart MoMo Console.' };
}
