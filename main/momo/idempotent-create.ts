// Creating a transaction so that it can never happen twice. The caller brings
// the reference id (stored before this runs); this never makes one up. After
// any outcome that may have taken effect, it asks MoMo about that reference
// before doing anything else: 404 means MoMo never got it, so the same request
// under the same id goes again; found means it got it, and that is the answer.
import { z } from 'zod';
import { CREATE_OPERATIONS, type CreateBody, type CreateKind } from './create-operations';
import type { MomoCaller } from './momo-caller';
import { MomoConfigError, MomoError } from './momo-errors';
import { statusBodySchema, toTransactionStatus, type TransactionStatus } from './momo-schemas';

export type CreateOutcome =
  | { outcome: 'accepted'; referenceId: string; attempts: number }
  | { outcome: 'already-exists'; referenceId: string; attempts: number; status: TransactionStatus }
  | { outcome: 'refused'; referenceId: string; attempts: number; error: MomoError }
  | { outcome: 'unknown'; referenceId: string; attempts: number; error: MomoError };

export interface RetryPolicy {
  /** Sends of the create, the first included. */
  maxAttempts: number;
  /** Status reads per ambiguous outcome before giving up on learning what happened. */
  maxChecks: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, maxChecks: 4, baseDelayMs: 250, maxDelayMs: 8_000, random: Math.random };

const uuidV4 = z.uuid({ version: 'v4' });

export interface CreateOptions {
  /** Extra headers some operations take (none carry secrets). */
  headers?: Record<string, string>;
}

export class IdempotentCreator {
  constructor(
    private readonly caller: MomoCaller,
    private readonly policy: RetryPolicy,
  ) {}

  async create<K extends CreateKind>(kind: K, referenceId: string, body: CreateBody<K>, options: CreateOptions = {}): Promise<CreateOutcome> {
    const operation = CREATE_OPERATIONS[kind];
    if (!operation) throw new MomoConfigError(`unknown operation "${String(kind)}"`);
    const endpoint = `POST ${operation.createPath}`;
    if (!uuidV4.safeParse(referenceId).success) throw new MomoConfigError(`reference id "${referenceId}" is not a UUID v4`, endpoint);
    const parsed = operation.body.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MomoConfigError(`${kind} body field "${issue?.path.join('.') || '(body)'}": ${issue?.message ?? 'invalid'}`, endpoint);
    }

    let attempts = 0;
    // Once any attempt may have reached MoMo, no later answer can prove nothing happened.
    let mayHaveLanded = false;
    for (;;) {
      attempts += 1;
      let error: MomoError;
      try {
        await this.caller.call({
          product: operation.product,
          method: 'POST',
          endpoint: operation.createPath,
          path: operation.createPath,
          auth: 'bearer',
          referenceId,
          body: parsed.data,
          callback: true,
          isCreate: true,
          // Only MTN's 202 counts; any other success (a captive portal, a wrong host) is checked by GET.
          okStatuses: [202],
          result: null,
          ...(options.headers ? { headers: options.headers } : {}),
        });
        return { outcome: 'accepted', referenceId, attempts };
      } catch (caught) {
        if (!(caught instanceof MomoError) && !mayHaveLanded) throw caught;
        error = asMomoError(caught, endpoint, referenceId);
      }
      if (error.classification === 'definitive') {
        if (!mayHaveLanded) return { outcome: 'refused', referenceId, attempts, error };
        // e.g. NOT_ENOUGH_FUNDS because the first attempt, still in flight at MoMo, spent the balance.
        const found = await this.lookUp(kind, referenceId);
        if (found.kind === 'found') return { outcome: 'already-exists', referenceId, attempts, status: found.status };
        return { outcome: 'unknown', referenceId, attempts, error };
      }
      if (error.classification === 'ambiguous') {
        mayHaveLanded = true;
        const found = await this.lookUp(kind, referenceId);
        if (found.kind === 'found') return { outcome: 'already-exists', referenceId, attempts, status: found.status };
        if (found.kind === 'unknown') return { outcome: 'unknown', referenceId, attempts, error: found.error };
      }
      if (attempts >= this.policy.maxAttempts) return { outcome: 'unknown', referenceId, attempts, error };
      await sleep(Math.max(error.retryAfterMs ?? 0, this.backoff(attempts)));
    }
  }

  /** The status of one of our transactions; a 404 is an answer here, not an error. */
  async status(kind: CreateKind, referenceId: string): Promise<TransactionStatus | null> {
    const operation = CREATE_OPERATIONS[kind];
    try {
      const { value } = await this.caller.call({
        product: operation.product,
        method: 'GET',
        endpoint: `${operation.statusPath}/{referenceId}`,
        path: `${operation.statusPath}/${encodeURIComponent(referenceId)}`,
        auth: 'bearer',
        referenceId,
        statusRead: true,
        okStatuses: [200],
        result: statusBodySchema,
      });
      return toTransactionStatus(referenceId, value);
    } catch (error) {
      // Only MoMo's own "no such reference" counts; a gateway 404 (wrong path) says nothing about the transaction.
      if (error instanceof MomoError && error.status === 404 && (error.code === 'RESOURCE_NOT_FOUND' || (error.code === null && !error.exchange?.response?.body))) return null;
      throw error;
    }
  }

  private async lookUp(kind: CreateKind, referenceId: string): Promise<{ kind: 'found'; status: TransactionStatus } | { kind: 'absent' } | { kind: 'unknown'; error: MomoError }> {
    for (let check = 1; ; check += 1) {
      let error: MomoError;
      try {
        const status = await this.status(kind, referenceId);
        return status === null ? { kind: 'absent' } : { kind: 'found', status };
      } catch (caught) {
        // Only ever called once an attempt may have landed: a failure here must leave the outcome unknown, not throw it away.
        error = asMomoError(caught, `GET ${CREATE_OPERATIONS[kind].statusPath}/{referenceId}`, referenceId);
      }
      if (error.classification === 'definitive' || check >= this.policy.maxChecks) return { kind: 'unknown', error };
      await sleep(Math.max(error.retryAfterMs ?? 0, this.backoff(check)));
    }
  }

  /** Exponential, with the upper half jittered so a crowd of retries spreads out. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return ceiling / 2 + this.policy.random() * (ceiling / 2);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A failure inside the console itself (the keychain, say), as an ambiguous MomoError; MomoErrors pass through. */
function asMomoError(caught: unknown, endpoint: string, referenceId: string): MomoError {
  if (caught instanceof MomoError) return caught;
  return new MomoError(`${endpoint} could not be completed inside the console: ${caught instanceof Error ? caught.message : String(caught)}`, {
    classification: 'ambiguous',
    endpoint,
    referenceId,
    cause: caught,
  });
}
