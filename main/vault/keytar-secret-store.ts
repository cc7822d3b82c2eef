// The OS keychain through keytar: Keychain on macOS, Credential Vault on
// Windows, the Secret Service (gnome-keyring, KWallet, KeePassXC) on Linux.
// The only file that imports keytar; it is loaded lazily so a machine without
// libsecret still starts, and says why the keychain is missing.
import { KEYCHAIN_SERVICE, type SecretStore, type SecretStoreBackend } from './secret-store';

type Keytar = typeof import('keytar');

export async function createKeytarSecretStore(service = KEYCHAIN_SERVICE): Promise<SecretStore> {
  const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
  const keytar = loaded.default ?? loaded;
  const backend: SecretStoreBackend = {
    id: 'os-keychain',
    label: process.platform === 'darwin' ? 'the macOS Keychain' : process.platform === 'win32' ? 'the Windows Credential Manager' : 'the system keychain (Secret Service)',
    persistent: true,
  };
  return {
    backend,
    get: (account) => keytar.getPassword(service, account),
    set: (account, value) => keytar.setPassword(service, account, value),
    delete: (account) => keytar.deletePassword(service, account),
    list: async () => (await keytar.findCredentials(service)).map((credential) => credential.account).sort(),
  };
}
