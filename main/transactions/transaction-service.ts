// Support's transactions: one payment or collection at a time, lookups by
// reference id (at MoMo when the console does not know it), and the actions an
// agent takes on a transaction page. Each new transaction's reference id is
// stored before its request; sending, settling and following it to a final
// status is the tracker's (transaction-tracker.ts).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChannelArgs, Profile, TransactionDetail, transactionSearchSchema, TransactionView } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import { formatAmount, parseAmount } from '../money/amount';
import { CREATE_OPERATIONS, type CreateKind } from '../momo/create-operations';
import { MomoError, MomoHttpError } from '../momo/momo-errors';
import { UUID_SHAPE } from '../payouts/party-checks';
import type { TransactionStatus } from '../momo/momo-schemas';
import type { ProfileClients } from '../profiles/profile-clients';
import type { ProfileService } from '../profiles/profile-service';
import { OPEN_STATES, type TransactionRecord, type TransactionRepository } from '../store/transaction-repository';
import { checkedBody, checkedMessage, prepareOperation, type OperationInput } from './operation-input';
import { toFilter } from './search-query';
import { NOTIFIED_KIND, REFUNDABLE_KINDS, toDetail, toView } from './transaction-views';
import type { StatusSchedule } from '../tracking/status-schedule';
import { stateFromMomo, TransactionTracker } from './transaction-tracker';
import { confirmProduction } from '../profiles/production-confirmation';

export interface TransactionServiceDeps {
  repo: TransactionRepository;
  profiles: ProfileService;
  clients: ProfileClients;
  logger: Logger;
  now?: () => Date;
  /** A transaction moved; the app pushes it to the window. */
  onStatus?: (record: TransactionRecord) => void;
  /** A payout row is checked through its batch, so the batch's journal and counts move with it. */
  checkBatchRow?: (batchId: string, rowIndex: number) => Promise<unknown>;
  /** When statuses are read, and when they turn UNKNOWN (status-schedule.ts); the payout runner's unless given. */
  schedule?: Partial<StatusSchedule>;
}

/** Where an unknown reference id may be, in the order it is looked for (v1 and v2 of one operation share a status). */
const LOOKUP_ORDER: readonly CreateKind[] = [
  'collection.requesttopay',
  'collection.requesttowithdraw.v1',
  'collection.payment',
  'collection.invoice',
  'collection.preapproval',
  'disbursement.transfer',
  'disbursement.deposit.v1',
  'disbursement.refund.v1',
  'remittance.transfer',
  'remittance.cashtransfer',
];


export class TransactionService {
  /** Sends, settles and follows each transaction; the app starts its loop. */
  readonly tracker: TransactionTracker;
  private readonly now: () => Date;

  constructor(private readonly deps: TransactionServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.tracker = new TransactionTracker({ ...deps, now: this.now });
  }

  /** One payment or collection: checked, stored under a new reference id, then sent. */
  async create(input: OperationInput): Promise<TransactionRecord> {
    const profile = this.deps.profiles.active();
    confirmProduction(profile, input.confirmName, moneyMoves(profile), { field: 'confirmName' });
    const prepared = prepareOperation(input, profile);
    const client = await this.deps.clients.clientFor(profile);
    const referenceId = randomUUID();
    this.deps.repo.insert(
      {
        referenceId,
        profileId: profile.id,
        kind: prepared.kind,
        product: prepared.product,
        origin: 'console',
        batchId: null,
        rowIndex: null,
        externalId: prepared.externalId,
        partyType: prepared.partyType,
        partyId: prepared.partyId,
        amountMinor: prepared.amountMinor,
        currency: prepared.currency,
        state: 'reserved',
        momoStatus: null,
        reason: null,
        financialTransactionId: null,
        body: prepared.body,
        relatedReferenceId: null,
        connection: await this.tracker.connectionFor(profile),
        createdAt: this.at(),
      },
      { kind: 'created', details: { kind: prepared.kind } },
    );
    await this.tracker.send(client, prepared.kind, referenceId, prepared.body);
    return this.must(referenceId);
  }

  /** A refund of a successful collection, through the disbursement API, approved by the amount typed again. */
  async refund(args: ChannelArgs<'refundTransaction'>): Promise<TransactionRecord> {
    const original = this.must(args.referenceId);
    if (!REFUNDABLE_KINDS.has(original.kind)) throw new AppError('NOT_ALLOWED', 'Only a collection (a request to pay or a bill payment) can be refunded.');
    if (original.state !== 'SUCCESSFUL') throw new AppError('NOT_ALLOWED', 'Only a successful collection can be refunded; this one is not (yet) successful.');
    const profile = this.deps.profiles.get(original.profileId);
    await this.reachable(original);
    confirmProduction(profile, args.confirmName, moneyMoves(profile), { field: 'confirmName' });
    const currency = original.currency ?? profile.currency;
    const amount = parseAmount(args.amount, currency);
    if (!amount.ok) throw new AppError('INVALID_INPUT', `amount: "${args.amount}" is not an amount in ${currency}`, { field: 'amount' });
    const typed = parseAmount(args.typedAmount.trim(), currency);
    if (!typed.ok || typed.minor !== amount.minor) throw new AppError('CONFIRMATION_REQUIRED', `typedAmount: type the refund amount, ${formatAmount(amount.minor, currency)} ${currency}, to approve it.`, { field: 'typedAmount' });
    const kind: CreateKind = args.version === 'v2' ? 'disbursement.refund.v2' : 'disbursement.refund.v1';
    const body = {
      amount: formatAmount(amount.minor, currency),
      currency,
      externalId: `refund-${original.externalId ?? original.referenceId}`.slice(0, 256),
      payerMessage: checkedMessage('payerMessage', args.payerMessage ?? ''),
      payeeNote: checkedMessage('payeeNote', args.payeeNote ?? ''),
      referenceIdToRefund: original.referenceId,
    };
    checkedBody(kind, body);
    const client = await this.deps.clients.clientFor(profile);
    const referenceId = randomUUID();
    this.deps.repo.insert(
      {
        referenceId,
        profileId: profile.id,
        kind,
        product: 'disbursement',
        origin: 'console',
        batchId: null,
        rowIndex: null,
        externalId: body.externalId,
        partyType: original.partyType,
        partyId: original.partyId,
        amountMinor: amount.minor,
        currency,
        state: 'reserved',
        momoStatus: null,
        reason: null,
        financialTransactionId: null,
        body,
        relatedReferenceId: original.referenceId,
        connection: await this.tracker.connectionFor(profile),
        createdAt: this.at(),
      },
      { kind: 'created', details: { kind, refundOf: original.referenceId, approvedAmount: body.amount } },
      () => {
        // Inside the write transaction: refunds made, or possibly made, count against the original, so two at once cannot both pass.
        const refunded = this.deps.repo
          .related(original.referenceId)
          .filter((r) => r.kind.startsWith('disbursement.refund') && r.state !== 'FAILED')
          .reduce((sum, r) => sum + (r.amountMinor ?? 0n), 0n);
        const left = (original.amountMinor ?? 0n) - refunded;
        if (amount.minor > left) {
          throw new AppError('INVALID_INPUT', `amount: at most ${formatAmount(left, currency)} ${currency} is left to refund of ${formatAmount(original.amountMinor ?? 0n, currency)} ${currency}.`, { field: 'amount' });
        }
      },
    );
    this.deps.repo.note(original.referenceId, this.at(), 'refund-requested', { refundReferenceId: referenceId, amount: body.amount, currency });
    await this.tracker.send(client, kind, referenceId, body);
    return this.must(referenceId);
  }

  /** A transaction as its page shows it: with its timeline, what was made from it, and the profile it was made with. */
  detail(record: TransactionRecord): TransactionDetail {
    const { repo, profiles } = this.deps;
    return toDetail(record, repo.timeline(record.referenceId), repo.related(record.referenceId), profiles.list().profiles.find((p) => p.id === record.profileId) ?? null);
  }

  /** One page of stored transactions, newest first; `profile` reads the search box (its country, its currency). */
  search(search: z.output<typeof transactionSearchSchema>, profile: Profile): { interpretedAs: string; rows: TransactionView[]; nextOffset: number | null } {
    const { filter, interpretedAs } = toFilter(search, profile);
    const { rows, more } = this.deps.repo.search(filter, search.offset, search.limit);
    return { interpretedAs, rows: rows.map(toView), nextOffset: more ? search.offset + search.limit : null };
  }

  /** The transaction under this id; one the console does not know is looked up at MoMo and kept when found. */
  async get(referenceId: string, product?: 'collection' | 'disbursement' | 'remittance', profile: Profile = this.deps.profiles.active()): Promise<TransactionRecord> {
    const id = referenceId.trim().toLowerCase();
    const known = this.deps.repo.get(id);
    if (known) return known;
    if (!UUID_SHAPE.test(id)) {
      throw new AppError('INVALID_INPUT', `referenceId: "${referenceId}" is not a reference id (a UUID such as 0f215618-6cea-4368-b4cf-31d5710fb9eb)`, { field: 'referenceId' });
    }
    const client = await this.deps.clients.clientFor(profile);
    const kinds = LOOKUP_ORDER.filter((k) => product === undefined || CREATE_OPERATIONS[k].product === product);
    const credentials = await this.deps.clients.credentials(profile);
    const problems: string[] = [];
    for (const kind of kinds) {
      const { product: p } = CREATE_OPERATIONS[kind];
      if (!credentials.subscriptionKeys[p]) continue;
      let status: TransactionStatus | null;
      try {
        status = await client.status(kind, id);
      } catch (error) {
        if (!(error instanceof MomoError)) throw error;
        problems.push(`${p}: ${error.message}`);
        continue;
      }
      if (status) return this.adoptFound(profile, kind, status);
    }
    const where = [...new Set(kinds.map((k) => CREATE_OPERATIONS[k].product))].filter((p) => credentials.subscriptionKeys[p]);
    throw new AppError(
      'NOT_FOUND',
      `No transaction ${id} in this console or at MoMo for ${profile.name} (looked in ${where.join(', ') || 'no product: the profile has no subscription keys'})${problems.length ? `; some lookups failed: ${problems.join('; ')}` : ''}.`,
    );
  }

  /**
   * Reads the status at MoMo now and records what it says. A payout row is
   * checked through its batch; one with no clear outcome is looked up and, if
   * MoMo never got it, sent again under the same id.
   */
  async refresh(referenceId: string): Promise<TransactionRecord> {
    const record = this.must(referenceId);
    if (record.origin === 'batch' && record.batchId !== null && record.rowIndex !== null && this.deps.checkBatchRow) {
      await this.deps.checkBatchRow(record.batchId, record.rowIndex);
      return this.must(referenceId);
    }
    if (record.state === 'unresolved' && record.origin === 'console') {
      await this.tracker.settle(record);
      return this.must(referenceId);
    }
    const client = await this.deps.clients.clientFor(await this.reachable(record));
    let status: TransactionStatus | null;
    try {
      status = await client.status(record.kind as CreateKind, record.referenceId);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      this.deps.repo.note(record.referenceId, this.at(), 'refresh-failed', { message: error.message });
      throw new AppError('MOMO_UNAVAILABLE', `MoMo could not be asked about this transaction: ${error.message}`);
    }
    if (status === null) {
      this.deps.repo.note(record.referenceId, this.at(), 'status-not-found', { message: 'MoMo has no transaction under this reference id' });
    } else {
      this.tracker.apply(record.referenceId, status, 'status-refreshed');
    }
    return this.must(referenceId);
  }

  /** Whether the party is an active account holder, and the name MoMo has for it. */
  async checkParty(referenceId: string): Promise<{ partyType: 'MSISDN' | 'EMAIL' | 'PARTY_CODE'; partyId: string; active: boolean | null; name: string | null; message: string }> {
    const record = this.must(referenceId);
    if (!record.partyType || !record.partyId) throw new AppError('NOT_ALLOWED', 'This transaction has no party to check.');
    const client = await this.deps.clients.clientFor(await this.reachable(record));
    const api = client.product(record.product);
    const type = record.partyType.toLowerCase() as 'msisdn' | 'email' | 'party_code';
    let active: boolean | null = null;
    let name: string | null = null;
    const problems: string[] = [];
    try {
      active = await api.isAccountHolderActive(type, record.partyId);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      problems.push(`whether it is active: ${error.message}`);
    }
    if (record.partyType === 'MSISDN') {
      try {
        const info = await api.getBasicUserInfo(type, record.partyId);
        name = [info.given_name, info.family_name].filter(Boolean).join(' ') || null;
      } catch (error) {
        if (!(error instanceof MomoError)) throw error;
        problems.push(`the name: ${error.message}`);
      }
    }
    const said = active === null ? 'MoMo could not say whether this party has an account' : active ? 'An active MoMo account holder' : 'Not an active MoMo account holder';
    const message = `${said}${name ? `: ${name}` : ''}.${problems.length ? ` Could not read ${problems.join('; ')}.` : ''}`;
    this.deps.repo.note(record.referenceId, this.at(), 'party-checked', { active, name });
    return { partyType: record.partyType, partyId: record.partyId, active, name, message };
  }

  /** Tells the payer of a successful request to pay something (at most 160 characters). */
  async notify(referenceId: string, message: string): Promise<TransactionRecord> {
    const record = this.must(referenceId);
    if (record.kind !== NOTIFIED_KIND) throw new AppError('NOT_ALLOWED', 'A delivery notification can only follow a request to pay.');
    if (record.state !== 'SUCCESSFUL') throw new AppError('NOT_ALLOWED', 'A delivery notification can only be sent once the payment is successful.');
    const client = await this.deps.clients.clientFor(await this.reachable(record));
    try {
      await client.collection.sendDeliveryNotification(record.referenceId, message);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      const explained = explainNotificationRefusal(error);
      this.deps.repo.note(record.referenceId, this.at(), 'delivery-notification-refused', { message, refusal: explained });
      throw new AppError('NOTIFICATION_REFUSED', explained);
    }
    this.deps.repo.note(record.referenceId, this.at(), 'delivery-notification-sent', { message });
    return this.must(referenceId);
  }

  /** Cancels a pending invoice (under a new reference id of its own), or a pre-approval. */
  async cancel(referenceId: string): Promise<TransactionRecord> {
    const record = this.must(referenceId);
    const client = await this.deps.clients.clientFor(await this.reachable(record));
    try {
      if (record.kind === 'collection.invoice') {
        if (!OPEN_STATES.includes(record.state)) throw new AppError('NOT_ALLOWED', 'Only a pending invoice can be cancelled.');
        const cancelId = randomUUID();
        this.deps.repo.note(record.referenceId, this.at(), 'cancel-requested', { cancelReferenceId: cancelId });
        await client.collection.cancelInvoice(record.referenceId, cancelId, record.externalId ?? undefined);
      } else if (record.kind === 'collection.preapproval') {
        this.deps.repo.note(record.referenceId, this.at(), 'cancel-requested', {});
        await client.collection.cancelPreApproval(record.referenceId);
      } else {
        throw new AppError('NOT_ALLOWED', 'Only invoices and pre-approvals can be cancelled.');
      }
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      this.deps.repo.note(record.referenceId, this.at(), 'cancel-refused', { message: error.message });
      throw new AppError('CANCEL_REFUSED', `MoMo did not cancel it: ${error.message}`);
    }
    if (record.kind === 'collection.preapproval') {
      // An approval already given stays given for what it paid; from now on it is cancelled.
      this.deps.repo.annotate(record.referenceId, 'CANCELLED', this.at(), 'cancelled', {});
      return this.must(record.referenceId);
    }
    this.deps.repo.note(record.referenceId, this.at(), 'cancelled', {});
    return this.refresh(record.referenceId);
  }

  private async adoptFound(profile: Profile, kind: CreateKind, status: TransactionStatus): Promise<TransactionRecord> {
    const connection = await this.tracker.connectionFor(profile);
    // Two lookups of one id at once: the first to come back keeps it (nothing awaits between this and the insert).
    const already = this.deps.repo.get(status.referenceId);
    if (already) return already;
    const body = status.body;
    const party = (body.payer ?? body.payee ?? body.intendedPayer) as { partyIdType?: string; partyId?: string } | undefined;
    const currency = typeof body.currency === 'string' ? body.currency : profile.currency;
    const amount = typeof body.amount === 'string' ? parseAmount(body.amount, currency) : null;
    const partyType = party?.partyIdType?.toUpperCase();
    const state = stateFromMomo(status.status);
    this.deps.repo.insert(
      {
        referenceId: status.referenceId,
        profileId: profile.id,
        kind,
        product: CREATE_OPERATIONS[kind].product,
        origin: 'lookup',
        batchId: null,
        rowIndex: null,
        externalId: typeof body.externalId === 'string' ? body.externalId : null,
        partyType: partyType === 'MSISDN' || partyType === 'EMAIL' || partyType === 'PARTY_CODE' ? partyType : null,
        partyId: typeof party?.partyId === 'string' ? party.partyId.toLowerCase() : null,
        amountMinor: amount?.ok ? amount.minor : null,
        currency,
        state,
        momoStatus: status.status,
        reason: status.reason?.code ?? null,
        financialTransactionId: status.financialTransactionId,
        // What MoMo answered stands in for the request, which this console never sent (and never sends: origin 'lookup').
        body,
        relatedReferenceId: null,
        connection,
        // Still open at MoMo: followed like one of ours (read, never sent).
        ...(state === 'accepted' ? { nextCheckAt: this.tracker.firstCheckAt() } : {}),
        createdAt: this.at(),
      },
      { kind: 'found-at-momo', details: { kind, status: status.status } },
    );
    return this.must(status.referenceId);
  }

  /** The profile to act through, only when it still reaches the MoMo (and API user) the transaction went to. */
  private async reachable(record: TransactionRecord): Promise<Profile> {
    const reach = await this.tracker.reach(record);
    if (reach.problem !== null) throw new AppError('NOT_ALLOWED', `This transaction cannot be read or acted on from here: ${reach.problem}.`);
    return reach.profile;
  }

  private must(referenceId: string): TransactionRecord {
    const record = this.deps.repo.get(referenceId.trim().toLowerCase());
    if (!record) throw new AppError('NOT_FOUND', `No transaction ${referenceId} in this console.`);
    return record;
  }

  private at(): string {
    return this.now().toISOString();
  }
}

const moneyMoves = (profile: Profile) => `confirmName: this moves real money on ${profile.name}; type the profile's name to confirm.`;

/** MTN's refusals of a delivery notification, in words an agent can act on. */
function explainNotificationRefusal(error: MomoError): string {
  const status = error instanceof MomoHttpError ? error.status : null;
  if (status === 409) return 'MoMo refused (409): a delivery notification can only be sent for a successful payment, and only once the payment is final.';
  if (status === 410) return 'Too late (410): MoMo accepts a delivery notification only for a limited time after the payment.';
  if (status === 429) return 'MoMo is limiting notifications (429): wait a minute and send it again.';
  return `MoMo did not take the notification: ${error.message}`;
}
