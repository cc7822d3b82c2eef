// The console's services, wired once for every front door (the Electron app,
// the web preview, the command line and the tests): profiles, the vault, the
// local sandbox, and a MoMo client per profile.
import path from 'node:path';
import { EventBus } from './events/event-bus';
import type { Logger } from './logging/logger';
import { PayoutBatches } from './payouts/batch-service';
import { RunService } from './payouts/run-service';
import { ProfileClients, type ProfileClientsOptions } from './profiles/profile-clients';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import { createLocalSandboxService, type LocalSandboxService } from './sandbox/local-sandbox-service';
import type { SandboxOptionsInput } from './sandbox/sandbox-options';
import { BatchRepository } from './store/batch-repository';
import { DATABASE_FILE, openDatabase, type Db } from './store/database';
import { RunJournal } from './store/run-journal';
import { isLoopbackHost } from './momo/momo-connection';
import { SettingsRepository } from './store/settings-repository';
import { BalanceRepository } from './store/balance-repository';
import { TransactionRepository } from './store/transaction-repository';
import { TransactionService } from './transactions/transaction-service';
import { displayStatus } from './transactions/transaction-views';
import { BalanceService } from './treasury/balance-service';
import { CallbackService } from './tracking/callback-service';
import { openSecretStore, type KeychainStatus } from './vault/open-secret-store';
import type { SecretStore } from './vault/secret-store';
import { SecretVault } from './vault/secret-vault';

/** How often the front doors read the active profile's balances on their own. */
const BALANCE_INTERVAL_MS = 5 * 60_000;

export interface AppServices {
  dataDir: string;
  logger: Logger;
  profiles: ProfileService;
  vault: SecretVault;
  keychain: KeychainStatus;
  localSandbox: LocalSandboxService;
  clients: ProfileClients;
  db: Db;
  payouts: PayoutBatches;
  /** What main pushes to the renderer; each front door delivers it. */
  events: EventBus;
  runs: RunService;
  /** Support: transactions made one at a time or found at MoMo, and every payout row's. */
  transactions: TransactionService;
  /** Treasury: balance readings and thresholds. */
  balances: BalanceService;
  /** What a long-running front door (the app, the preview) does on its own: follow transactions, read balances. */
  startBackground(): void;
  /** The callback receiver: its setting, and the listener when one runs. */
  callbacks: CallbackService;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  dataDir: string;
  logger: Logger;
  /** Tests hand in a store; the app probes the OS keychain. */
  secretStore?: SecretStore;
  /** The command line passes process.env so MOMO_* variables override the keychain. */
  env?: NodeJS.ProcessEnv;
  localSandbox?: SandboxOptionsInput;
  clientOptions?: ProfileClientsOptions['clientOptions'];
  /**
   * MoMo's callbacks: on this loopback port (0 = any) for this process only,
   * or 'saved' for the port kept in Settings (the app); none when absent.
   */
  callbackPort?: number | 'saved';
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { logger } = options;
  const { store, status } = options.secretStore
    ? { store: options.secretStore, status: { backend: options.secretStore.backend.id, label: options.secretStore.backend.label, persistent: options.secretStore.backend.persistent, problem: null, advice: null } }
    : await openSecretStore(logger);
  const profiles = await ProfileService.open(new ProfileStore(options.dataDir));
  if (profiles.problem) logger.error({ problem: profiles.problem.message }, 'profile file set aside');
  const vault = new SecretVault(store);
  const localSandbox = createLocalSandboxService(options.localSandbox);
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE));
  const journal = new RunJournal(db);
  const settings = new SettingsRepository(db);
  const transactionStore = new TransactionRepository(db);
  const callbacks = new CallbackService({ logger, journal, transactions: transactionStore, settings, port: options.callbackPort ?? 'off' });
  await callbacks.start();
  const clients = new ProfileClients({
    // MoMo on this machine (the emulator) reaches the receiver directly; anywhere else it goes through the profile's callback host.
    // Read at each client's making, so a receiver turned on or off in Settings gives the next client its address.
    callbackUrl: (profile: { callbackHost?: string | undefined }, baseUrl: string) => {
      const receiver = callbacks.receiver;
      if (!receiver) return undefined;
      return isLoopbackHost(new URL(baseUrl).hostname) ? `${receiver.url}/momo/callback` : profile.callbackHost ? `https://${profile.callbackHost}/momo/callback` : undefined;
    },
    vault,
    localSandbox,
    logger,
    ...(options.env ? { env: options.env } : {}),
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    onExchange: (exchange) => {
      // A copy for the journal must never turn a payment's outcome into an error.
      try {
        if (db.open && !journal.recordExchange(exchange)) transactionStore.recordExchange(exchange);
      } catch (error) {
        logger.warn({ err: error, referenceId: exchange.referenceId }, 'could not keep a request/response copy in the journal');
      }
    },
  });
  const events = new EventBus();
  const balances = new BalanceService({ repo: new BalanceRepository(db), settings, profiles, clients, logger, onReadings: (readings) => events.emit('balances', readings) });
  const transactions = new TransactionService({
    repo: transactionStore,
    profiles,
    clients,
    logger,
    checkBatchRow: (batchId, rowIndex) => services.runs.checkNow(batchId, rowIndex),
    onStatus: (record) => events.emit('transactionStatus', { referenceId: record.referenceId, status: displayStatus(record.state), at: record.updatedAt }),
  });
  const payouts = new PayoutBatches({
    batches: new BatchRepository(db),
    profile: (id) => profiles.get(id),
    // The same reading treasury sees: stored, so the preview's balance is on the chart too.
    balance: (profile) => balances.read(profile, 'disbursement'),
    accountHolderActive: async (profile, type, id) => (await clients.clientFor(profile)).disbursement.isAccountHolderActive(type, id),
    now: () => new Date(),
  });
  const services: AppServices = {
    dataDir: options.dataDir,
    logger,
    profiles,
    vault,
    keychain: status,
    localSandbox,
    clients,
    db,
    payouts,
    events,
    runs: null as unknown as RunService,
    callbacks,
    transactions,
    balances,
    startBackground() {
      // Transactions left unsettled by the last process are settled first; then statuses are read until final.
      transactions.tracker.start(1000);
      balances.start(BALANCE_INTERVAL_MS);
    },
    async close() {
      balances.stop();
      await transactions.tracker.stop();
      await services.runs.stopAll();
      await callbacks.close();
      clients.close();
      await localSandbox.stop();
      db.close();
    },
  };
  services.runs = new RunService(services);
  return services;
}
