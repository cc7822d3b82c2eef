// One MoMo client per profile, built on demand and kept while its settings
// stay the same, so calls of one profile share connections and tokens. The
// Local sandbox profile talks to the emulator running in-process, with an API
// user the console provisions on it by itself; every other profile takes its
// secrets from the vault (and, on the command line, from MOMO_* variables).
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { Exchange } from '../momo/exchange';
import { createMomoClient, type MomoClient, type MomoClientOptions } from '../momo/momo-client';
import type { MomoCredentials } from '../momo/momo-connection';
import type { LocalSandboxService } from '../sandbox/local-sandbox-service';
import { withEnvironmentCredentials } from '../vault/env-credentials';
import type { SecretVault } from '../vault/secret-vault';

export interface ProfileClientsOptions {
  vault: SecretVault;
  localSandbox: Pick<LocalSandboxService, 'running' | 'start'>;
  logger: Logger;
  /** The command line passes process.env so MOMO_* variables override the keychain. */
  env?: NodeJS.ProcessEnv;
  /** Timeouts and pacing for every client (the command line's --request-timeout, --status-rate). */
  clientOptions?: Pick<MomoClientOptions, 'requestTimeoutMs' | 'statusReadsPerSecond'>;
  /** Every redacted request/response of every client (the journal keeps those about payments). */
  onExchange?: (exchange: Exchange) => void;
  /** Where MoMo should send callbacks for this profile's payments, when a receiver runs. */
  callbackUrl?: (profile: Profile, baseUrl: string) => string | undefined;
}

interface Entry {
  signature: string;
  client: MomoClient;
}

export class ProfileClients {
  private readonly clients = new Map<string, Entry>();
  private localAccount: { url: string; credentials: Promise<MomoCredentials> } | null = null;

  constructor(private readonly o: ProfileClientsOptions) {}

  /** The client for `profile`; for the Local sandbox, the emulator is started first if it is not running. */
  async clientFor(profile: Profile): Promise<MomoClient> {
    const baseUrl = profile.kind === 'local' ? await this.localUrl() : profile.baseUrl;
    const callbackUrl = this.o.callbackUrl?.(profile, baseUrl);
    const signature = JSON.stringify([baseUrl, profile.targetEnvironment, profile.currency, callbackUrl ?? null]);
    const cached = this.clients.get(profile.id);
    if (cached?.signature === signature) return cached.client;
    cached?.client.close();
    const client = createMomoClient({
      connection: {
        profileId: profile.id,
        baseUrl,
        targetEnvironment: profile.targetEnvironment,
        currency: profile.currency,
        ...(callbackUrl ? { callbackUrl } : {}),
      },
      credentials: () => this.credentials(profile),
      logger: this.o.logger,
      ...this.o.clientOptions,
      ...(this.o.onExchange ? { onExchange: this.o.onExchange } : {}),
    });
    this.clients.set(profile.id, { signature, client });
    return client;
  }

  async credentials(profile: Profile): Promise<MomoCredentials> {
    if (profile.kind === 'local') return this.localCredentials();
    const stored = await this.o.vault.credentials(profile.id);
    return this.o.env ? withEnvironmentCredentials(stored, this.o.env) : stored;
  }

  /** The API user a non-local profile calls MoMo as (MOMO_API_USER overriding the keychain, as for its calls). */
  async apiUser(profile: Profile): Promise<string> {
    const fromEnvironment = this.o.env?.MOMO_API_USER?.trim();
    return fromEnvironment || this.o.vault.apiUser(profile.id);
  }

  /** Drops the client of a profile whose secrets or settings changed, so the next call starts fresh. */
  forget(profileId: string): void {
    this.clients.get(profileId)?.client.close();
    this.clients.delete(profileId);
  }

  close(): void {
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }

  private async localUrl(): Promise<string> {
    let running = this.o.localSandbox.running();
    if (!running) {
      await this.o.localSandbox.start();
      running = this.o.localSandbox.running();
    }
    if (!running) throw new AppError('LOCAL_SANDBOX_DOWN', 'The local sandbox is not running, so the Local sandbox profile cannot reach it. See Admin for why it did not start.');
    return running.url;
  }

  /** An API user provisioned on the running emulator, once per emulator start; held in memory only. */
  private async localCredentials(): Promise<MomoCredentials> {
    const url = await this.localUrl();
    if (this.localAccount?.url !== url) {
      const running = this.o.localSandbox.running();
      if (!running) throw new AppError('LOCAL_SANDBOX_DOWN', 'The local sandbox stopped.');
      const subscriptionKeys = { ...running.subscriptionKeys };
      const credentials = (async () => {
        const provisioner = createMomoClient({
          connection: { profileId: 'local-sandbox-provisioning', baseUrl: url, targetEnvironment: 'sandbox', currency: running.currency },
          credentials: () => ({ apiUser: '', apiKey: '', subscriptionKeys }),
          logger: this.o.logger,
        });
        try {
          const apiUser = randomUUID();
          await provisioner.provisioning.createApiUser(apiUser, '127.0.0.1');
          return { apiUser, apiKey: await provisioner.provisioning.createApiKey(apiUser), subscriptionKeys };
        } finally {
          provisioner.close();
        }
      })();
      this.localAccount = { url, credentials };
      credentials.catch(() => {
        if (this.localAccount?.credentials === credentials) this.localAccount = null;
      });
    }
    return this.localAccount.credentials;
  }
}
