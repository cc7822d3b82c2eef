// Sandbox provisioning for admins: create an API user and its key on MTN's
// sandbox (or the emulator), and put both straight into the keychain. The new
// user id is stored (as pending) before it is sent, so a provisioning
// interrupted half-way is finished by the next attempt instead of leaving an
// orphan user; the working credentials are replaced only once the new key is
// in hand; the key never leaves main.
import { randomUUID } from 'node:crypto';
import { AppError } from '../ipc/app-error';
import { MomoError } from '../momo/momo-errors';
import type { SecretVault } from '../vault/secret-vault';
import type { ProfileClients } from './profile-clients';
import type { ProfileService } from './profile-service';

export interface ProvisionResult {
  profileId: string;
  providerCallbackHost: string;
  targetEnvironment: string;
  reused: boolean;
}

export async function provisionProfile(
  deps: { profiles: ProfileService; vault: SecretVault; clients: ProfileClients },
  profileId: string,
  callbackHost: string,
): Promise<ProvisionResult> {
  const profile = deps.profiles.get(profileId);
  if (profile.kind === 'production') throw new AppError('NOT_ALLOWED', "Production API users are created in MTN's partner portal; enter that API user and key under Secrets instead.");
  if (profile.kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile provisions itself each time the console starts.');
  const stored = await deps.vault.credentials(profileId);
  if (Object.keys(stored.subscriptionKeys).length === 0) throw new AppError('MISSING_SECRET', 'Provisioning needs a subscription key: set one for any product under Secrets first.');
  // Reference before request: the id is in the vault before MoMo hears of it.
  let apiUser = await deps.vault.pendingApiUser(profileId);
  if (apiUser === null) {
    apiUser = randomUUID();
    await deps.vault.setPendingApiUser(profileId, apiUser);
  }
  const client = await deps.clients.clientFor(profile);
  try {
    const created = await client.provisioning.createApiUser(apiUser, callbackHost);
    const apiKey = await client.provisioning.createApiKey(apiUser);
    const user = await client.provisioning.getApiUser(apiUser);
    if (!user) throw new AppError('PROVISIONING_FAILED', 'MoMo created the API user but cannot find it now; try provisioning again.');
    await deps.vault.adoptProvisioned(profileId, apiUser, apiKey);
    return { profileId, providerCallbackHost: user.providerCallbackHost, targetEnvironment: user.targetEnvironment, reused: created.outcome === 'already-exists' };
  } catch (error) {
    if (error instanceof MomoError) throw new AppError('PROVISIONING_FAILED', `Provisioning failed: ${error.message}`);
    throw error;
  } finally {
    deps.clients.forget(profileId);
  }
}
