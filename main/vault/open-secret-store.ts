// Picks where secrets live for this run: the OS keychain when it answers the
// probe, otherwise memory for this session only, with the reason and the fix
// in plain words. Never a file on disk.
import type { Logger } from '../logging/logger';
import { probeSecretStore, explainKeychainFailure } from './keychain-probe';
import { createKeytarSecretStore } from './keytar-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import type { SecretStore } from './secret-store';

export interface KeychainStatus {
  backend: 'os-keychain' | 'memory';
  label: string;
  persistent: boolean;
  problem: string | null;
  advice: string | null;
}

export async function openSecretStore(logger: Logger, probeTimeoutMs = 5_000): Promise<{ store: SecretStore; status: KeychainStatus }> {
  let failure: { problem: string; advice: string };
  try {
    const keychain = await createKeytarSecretStore();
    const probe = await probeSecretStore(keychain, probeTimeoutMs);
    if (probe.ok) return { store: keychain, status: { ...describe(keychain), problem: null, advice: null } };
    failure = probe;
  } catch (error) {
    failure = explainKeychainFailure(error);
  }
  logger.warn({ problem: failure.problem }, 'keychain unavailable; secrets are kept in memory for this session only');
  const memory = new MemorySecretStore();
  return { store: memory, status: { ...describe(memory), problem: failure.problem, advice: failure.advice } };
}

function describe(store: SecretStore) {
  return { backend: store.backend.id, label: store.backend.label, persistent: store.backend.persistent };
}
