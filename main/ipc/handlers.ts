// The implementation of every contract channel, over injected services so the
// same handlers serve the Electron IPC router, the test bridge and tests. No
// handler returns a secret: secrets go in through setSecret and come back only
// as "set or not" (and at most the last four characters of a subscription key).
import packageJson from '../../package.json';
import type { AppServices } from '../app-services';
import { testConnection } from '../profiles/connection-test';
import { provisionProfile } from '../profiles/provisioning-service';
import { formatAmount } from '../money/amount';
import { STATE_TO_STATUS } from '../payouts/batch-runner';
import { isAllowedExternalUrl } from '../security/external-links';
import { RunJournal } from '../store/run-journal';
import type { TransactionRecord } from '../store/transaction-repository';
import { AppError } from './app-error';
import type { Handlers } from './router';

export interface HandlerDeps {
  frontDoor: 'electron' | 'test-bridge';
  runtime: { node: string; electron: string | null; chrome: string | null };
  services: Pick<AppServices, 'dataDir' | 'profiles' | 'vault' | 'keychain' | 'localSandbox' | 'clients' | 'payouts' | 'events' | 'runs' | 'db' | 'callbacks' | 'transactions' | 'balances'>;
  /** Opens an already allow-listed https URL in the user's browser. */
  openUrl(url: string): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { profiles, vault, keychain, localSandbox, clients, payouts, events, runs, callbacks, transactions, balances } = deps.services;
  const detail = (record: TransactionRecord) => transactions.detail(record);
  const journal = new RunJournal(deps.services.db);
  const summary = (profile: ReturnType<typeof profiles.get>) => ({
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    environment: profile.targetEnvironment,
    currency: profile.currency,
  });
  const secretStatus = async (profileId: string) => {
    const profile = profiles.get(profileId);
    const status = await vault.status(profile.id);
    return profile.kind === 'local' ? { ...status, backend: 'local-sandbox' as const } : status;
  };
  const editableSecrets = (profileId: string) => {
    if (profiles.get(profileId).kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile makes its own credentials each time the console starts.');
  };
  return {
    getAppInfo: () => ({
      name: packageJson.productName,
      version: packageJson.version,
      frontDoor: deps.frontDoor,
      runtime: deps.runtime,
      platform: process.platform,
      dataDir: deps.services.dataDir,
    }),
    getActiveProfile: () => summary(profiles.active()),
    getLocalSandbox: () => localSandbox.status(),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError('NOT_ALLOWED', `MoMo Console only opens MTN's own https pages; "${url}" is not one of them.`);
      }
      await deps.openUrl(url);
      return { opened: true as const };
    },
    listProfiles: async () => {
      await profiles.refresh();
      return profiles.list();
    },
    createProfile: async (settings) => {
      const profile = await profiles.create(settings);
      // A profile once deleted under this id may have left secrets behind; a new profile starts with none.
      await vault.clearProfile(profile.id);
      return profile;
    },
    updateProfile: async ({ id, changes }) => {
      const profile = await profiles.update(id, changes);
      clients.forget(id);
      return profile;
    },
    deleteProfile: async ({ id }) => {
      if (profiles.get(id).kind === 'local') throw new AppError('NOT_ALLOWED', 'The Local sandbox profile cannot be deleted.');
      // Secrets first: if the keychain fails, the profile is still there to retry from.
      await vault.clearProfile(id);
      await profiles.delete(id);
      clients.forget(id);
      return { deleted: true as const };
    },
    activateProfile: async ({ id, confirmName }) => summary(await profiles.activate(id, confirmName)),
    setSecret: async ({ profileId, secret, value }) => {
      editableSecrets(profileId);
      await vault.set(profileId, secret, value);
      clients.forget(profileId);
      return secretStatus(profileId);
    },
    clearSecret: async ({ profileId, secret }) => {
      editableSecrets(profileId);
      await vault.clear(profileId, secret);
      clients.forget(profileId);
      return secretStatus(profileId);
    },
    getSecretStatus: ({ profileId }) => secretStatus(profileId),
    getKeychainStatus: () => keychain,
    provisionProfile: ({ profileId, callbackHost }) => provisionProfile(deps.services, profileId, callbackHost),
    testConnection: ({ profileId }) => testConnection(deps.services, profileId),
    getCallbackReceiver: () => callbacks.status(),
    setCallbackReceiver: ({ port }) => callbacks.configure(port),
    importPayoutFile: ({ fileName, contentBase64, generateExternalIds, messageCharacters }) =>
      payouts.import(fileName, new Uint8Array(Buffer.from(contentBase64, 'base64')), profiles.active().id, { generateExternalIds, messageCharacters }),
    getBatchSummary: ({ batchId }) => payouts.summary(batchId),
    getBatchRows: ({ batchId, filter, offset, limit }) => {
      const { total, rows } = payouts.rows(batchId, filter, offset, limit);
      const payments = journal.latestFor(
        batchId,
        rows.map((r) => r.index),
      );
      return {
        total,
        rows: rows.map((row) => ({
          index: row.index,
          line: row.line,
          partyType: row.partyType,
          partyId: row.partyId,
          partyInput: row.partyInput,
          amountInput: row.amountInput,
          amount: row.amountMinor === null ? null : formatAmount(row.amountMinor, row.currency),
          currency: row.currency,
          externalId: row.externalId,
          name: row.name,
          payerMessage: row.payerMessage,
          payeeNote: row.payeeNote,
          errors: row.errors,
          warnings: row.warnings,
          excluded: row.excluded,
          holder: row.holder,
          payment: (() => {
            const latest = payments.get(row.index);
            return latest ? { status: STATE_TO_STATUS[latest.state], referenceId: latest.referenceId, reason: latest.reason } : null;
          })(),
        })),
      };
    },
    getBatchBalance: ({ batchId }) => payouts.balance(batchId),
    approveBatch: ({ batchId, typedTotal, confirmName, acknowledged }) => payouts.approve(batchId, { typedTotal, confirmName, acknowledged }),
    exportInvalidRows: ({ batchId }) => {
      const summary = payouts.summary(batchId);
      return { fileName: `${summary.fileName.replace(/\.[^.]*$/, '')}-invalid-rows.csv`, content: payouts.exportInvalid(batchId) };
    },
    getPayoutTemplate: () => ({ fileName: 'momo-payouts-template.csv', content: payouts.template(profiles.active().id) }),
    startBatchRun: ({ batchId, operation }) => runs.start(batchId, operation),
    pauseBatchRun: ({ batchId }) => runs.pause(batchId),
    resumeBatchRun: ({ batchId }) => runs.resume(batchId),
    cancelBatchRun: ({ batchId }) => runs.cancel(batchId),
    getBatchRun: ({ batchId }) => runs.view(batchId),
    checkPaymentNow: ({ batchId, rowIndex }) => runs.checkNow(batchId, rowIndex),
    listBatches: () => runs.list(profiles.active().id),
    getBatchReport: ({ batchId, failedOnly }) => runs.results().report(batchId, { failedOnly }),
    retryFailedRows: ({ batchId, overrideRows }) => runs.results().retryFailed(batchId, overrideRows),
    checkAccountHolders: ({ batchId }) => payouts.checkAccountHolders(batchId, (progress) => events.emit('accountCheckProgress', progress)),
    searchTransactions: (search) => transactions.search(search, profiles.active()),
    getTransaction: async ({ referenceId, product }) => detail(await transactions.get(referenceId, product)),
    refreshTransaction: async ({ referenceId }) => detail(await transactions.refresh(referenceId)),
    checkTransactionParty: ({ referenceId }) => transactions.checkParty(referenceId),
    sendDeliveryNotification: async ({ referenceId, message }) => detail(await transactions.notify(referenceId, message)),
    refundTransaction: async (args) => detail(await transactions.refund(args)),
    createTransaction: async (args) => detail(await transactions.create(args)),
    cancelTransaction: async ({ referenceId }) => detail(await transactions.cancel(referenceId)),
    getBalances: ({ refresh, currency }) => balances.current(refresh, profiles.active(), currency),
    getBalanceHistory: ({ product, days }) => balances.history(product, days),
    setBalanceThreshold: ({ product, amount }) => balances.setThreshold(product, amount),
  };
}
