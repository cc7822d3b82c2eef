// Secrets held in this process only: for tests, and for a session where the OS
// keychain is unavailable (the console says so; nothing is written to disk).
import type { SecretStore, SecretStoreBackend } from './secret-store';

export class MemorySecretStore implements SecretStore {
  readonly backend: SecretStoreBackend = { id: 'memory', label: 'memory, for this session only', persistent: false };
  private readonly values = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.values.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.values.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.values.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.values.keys()].sort();
  }
}
