// The one place the console talks to MoMo. Payouts, lookups, provisioning and
// balances all come through a client made here, one per profile; clients of
// the same profile may share a TokenCache so they share tokens too.
import { createLogger, type Logger } from '../logging/logger';
import type { CreateBody, CreateKind } from './create-operations';
import type { Exchange } from './exchange';
import { MomoHttp } from './http-transport';
import { DEFAULT_RETRY_POLICY, IdempotentCreator, type CreateOptions, type CreateOutcome, type RetryPolicy } from './idempotent-create';
import { MomoCaller } from './momo-caller';
import { parseConnection, type CredentialSource, type MomoProduct } from './momo-connection';
import type { TransactionStatus } from './momo-schemas';
import { CollectionApi } from './products/collection-api';
import { DisbursementApi } from './products/disbursement-api';
import { ProvisioningApi } from './products/provisioning-api';
import { RemittanceApi } from './products/remittance-api';
import { SecretScrubber } from './redaction';
import { RequestPacer } from './request-pacer';
import { TokenCache } from './token-cache';

export interface MomoClientOptions {
  /** The profile's connection: profileId, baseUrl, targetEnvironment, currency, callbackUrl. */
  connection: unknown;
  credentials: CredentialSource;
  logger?: Logger;
  /** Shared between clients of one profile so they share tokens. */
  tokens?: TokenCache;
  /** Every redacted request/response pair, for the support view. */
  onExchange?: (exchange: Exchange) => void;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Connections kept open per host. */
  maxSockets?: number;
  /** PEM certificates to trust instead of the system's (the local emulator over https, a TLS-inspecting proxy). */
  trustedCertificates?: string;
  /** Status reads per second per product (MTN allows about 10). */
  statusReadsPerSecond?: number;
  rateLimitRetries?: number;
  retry?: Partial<RetryPolicy>;
  /** The clock tokens expire by. */
  now?: () => number;
}

export interface MomoClient {
  readonly profileId: string;
  readonly currency: string;
  readonly provisioning: ProvisioningApi;
  readonly collection: CollectionApi;
  readonly disbursement: DisbursementApi;
  readonly remittance: RemittanceApi;
  /** Any creating operation by name: what a batch runner uses. */
  create<K extends CreateKind>(kind: K, referenceId: string, body: CreateBody<K>, options?: CreateOptions): Promise<CreateOutcome>;
  /** The status of a transaction by operation and reference id; null when MoMo has none. */
  status(kind: CreateKind, referenceId: string): Promise<TransactionStatus | null>;
  product(product: MomoProduct): CollectionApi | DisbursementApi | RemittanceApi;
  close(): void;
}

export function createMomoClient(options: MomoClientOptions): MomoClient {
  const connection = parseConnection(options.connection);
  const now = options.now ?? Date.now;
  const logger = (options.logger ?? createLogger()).child({ component: 'momo', profile: connection.profileId });
  const scrubber = new SecretScrubber();
  const http = new MomoHttp({
    baseUrl: connection.baseUrl,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    maxSockets: options.maxSockets ?? 64,
    ...(options.trustedCertificates ? { trustedCertificates: options.trustedCertificates } : {}),
    logger,
    scrubber,
    now: Date.now,
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  });
  const tokens =
    options.tokens ??
    new TokenCache({ now, onBackgroundFailure: (key, error) => logger.warn({ product: key.split('\u0000')[1], err: String(error) }, 'token renewal failed; the next call tries again') });
  const caller = new MomoCaller({
    connection,
    credentials: options.credentials,
    http,
    pacer: new RequestPacer({ statusReadsPerSecond: options.statusReadsPerSecond ?? 10, now: Date.now }),
    tokens,
    scrubber,
    rateLimitRetries: options.rateLimitRetries ?? 3,
  });
  const creator = new IdempotentCreator(caller, { ...DEFAULT_RETRY_POLICY, ...options.retry });
  const products = {
    collection: new CollectionApi(caller, creator, now),
    disbursement: new DisbursementApi(caller, creator, now),
    remittance: new RemittanceApi(caller, creator, now),
  };
  return {
    profileId: connection.profileId,
    currency: connection.currency,
    provisioning: new ProvisioningApi(caller),
    ...products,
    create: (kind, referenceId, body, createOptions) => creator.create(kind, referenceId, body, createOptions),
    status: (kind, referenceId) => creator.status(kind, referenceId),
    product: (product) => products[product],
    close: () => http.close(),
  };
}

