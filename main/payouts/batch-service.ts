// Payout batches from import to approval: a file becomes a batch stored whole
// at once; the preview sets its totals against the live balance; an approval
// records the hash of the exact rows it approved, so any later change voids it.
import { createHash, randomUUID } from 'node:crypto';
import type { Profile } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import { displayAmount, formatAmount, parseAmount } from '../money/amount';
import { MomoError } from '../momo/momo-errors';
import type { BatchRepository, RowFilter, StoredRow } from '../store/batch-repository';
import { ACKNOWLEDGE_CODES, addBatchWarnings, paymentKey, totalsOf, type FileWarning } from './batch-warnings';
import { mapColumns } from './column-mapping';
import { templateCsv, writeCsv } from './csv-export';
import { DEFAULT_IMPORT_SETTINGS, importPayoutFile, limitMinor, type ImportSettings, type RowIssue } from './payout-import';
import { confirmProduction } from '../profiles/production-confirmation';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface BatchSummary {
  batchId: string;
  fileName: string;
  importedAt: string;
  profileId: string;
  rows: number;
  valid: number;
  invalid: number;
  excluded: number;
  totals: { currency: string; count: number; amount: string }[];
  fileWarnings: FileWarning[];
  /** The warning codes an approval must acknowledge. */
  toAcknowledge: string[];
  approval: { state: 'none' | 'approved' | 'voided'; approvedAt: string | null };
}

export interface BalanceView {
  available: string | null;
  currency: string;
  fits: boolean | null;
  message: string | null;
}

export interface PayoutServiceDeps {
  batches: BatchRepository;
  profile(id: string): Profile;
  /** The live disbursement balance of a profile. */
  balance(profile: Profile): Promise<{ availableBalance: string; currency: string }>;
  /** Whether MoMo knows the payee as an active account holder (paced by the client). */
  accountHolderActive(profile: Profile, type: 'msisdn' | 'email', id: string): Promise<boolean>;
  now(): Date;
}

export interface HolderCheckProgress {
  batchId: string;
  total: number;
  checked: number;
  active: number;
  notActive: number;
  failed: number;
}

/** Account-holder checks in flight at once; the client's pacing sets the rate. */
const HOLDER_CHECK_CONCURRENCY = 4;

export class PayoutBatches {
  constructor(private readonly deps: PayoutServiceDeps) {}

  /** Checks a file without storing anything (what `payouts validate` does). */
  async check(bytes: Uint8Array, profile: Profile, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS) {
    const result = await importPayoutFile(bytes, profile, settings);
    if (!result.ok) return result;
    const seenBefore = this.deps.batches.findByFileHash(profile.id, result.fileHash);
    const since = new Date(this.deps.now().getTime() - WEEK_MS).toISOString();
    const fileWarnings = addBatchWarnings(result.rows, { seenBefore, recentPayments: this.deps.batches.recentApprovedPayments(profile.id, since) });
    return { ...result, fileWarnings };
  }

  /** Imports a file as a new batch, stored before this returns. A file that cannot be used at all stores nothing. */
  async import(fileName: string, bytes: Uint8Array, profileId: string, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS): Promise<BatchSummary> {
    const profile = this.deps.profile(profileId);
    const checked = await this.check(bytes, profile, settings);
    if (!checked.ok) throw new AppError(checked.code, checked.message);
    const id = randomUUID();
    this.deps.batches.insert(
      { id, profileId, fileName, fileHash: checked.fileHash, importedAt: this.deps.now().toISOString(), settings, headers: checked.headers, fileWarnings: checked.fileWarnings },
      checked.rows,
    );
    return this.summary(id);
  }

  summary(batchId: string): BatchSummary {
    const batch = this.batch(batchId);
    const rows = this.deps.batches.rows(batchId);
    const payable = rows.filter((r) => r.errors.length === 0 && !r.excluded);
    const approval = this.deps.batches.approval(batchId);
    const codes = this.warningCodes(batchId, payable);
    return {
      batchId,
      fileName: batch.fileName,
      importedAt: batch.importedAt,
      profileId: batch.profileId,
      rows: rows.length,
      valid: rows.filter((r) => r.errors.length === 0).length,
      invalid: rows.filter((r) => r.errors.length > 0).length,
      excluded: rows.filter((r) => r.excluded).length,
      totals: totalsOf(payable).map((t) => ({ currency: t.currency, count: t.count, amount: formatAmount(t.minor, t.currency) })),
      fileWarnings: batch.fileWarnings,
      toAcknowledge: ACKNOWLEDGE_CODES.filter((code) => codes.has(code)),
      approval: approval === null ? { state: 'none', approvedAt: null } : { state: approval.voidedAt === null && this.approvalHolds(batchId) ? 'approved' : 'voided', approvedAt: approval.approvedAt },
    };
  }

  /**
   * The warnings to acknowledge, as they stand now: those found at import, and
   * the cross-batch ones asked again, because another batch may have been
   * imported or approved since this one was.
   */
  private warningCodes(batchId: string, payable: StoredRow[]): Set<string> {
    const batch = this.batch(batchId);
    const codes = new Set<string>(payable.flatMap((r) => r.warnings.map((w) => w.code)).filter((code) => code !== 'PAID_RECENTLY'));
    if (this.deps.batches.findByFileHash(batch.profileId, batch.fileHash, batchId)) codes.add('FILE_SEEN_BEFORE');
    const since = new Date(this.deps.now().getTime() - WEEK_MS).toISOString();
    // A retry batch repeats the rows that failed in the batch it retries: those are not "paid recently".
    const recent = this.deps.batches.recentApprovedPayments(batch.profileId, since, [batchId, ...(batch.retryOf ? [batch.retryOf] : [])]);
    if (payable.some((r) => recent.has(paymentKey(r)))) codes.add('PAID_RECENTLY');
    return codes;
  }

  rows(batchId: string, filter: RowFilter, offset: number, limit: number): { total: number; rows: StoredRow[] } {
    this.batch(batchId);
    return { total: this.deps.batches.count(batchId, filter), rows: this.deps.batches.rows(batchId, filter, offset, limit) };
  }

  /** The live disbursement balance against the batch's total. */
  async balance(batchId: string): Promise<BalanceView> {
    const batch = this.batch(batchId);
    const profile = this.deps.profile(batch.profileId);
    const total = this.summary(batchId).totals.find((t) => t.currency === profile.currency);
    try {
      const { availableBalance, currency } = await this.deps.balance(profile);
      const available = parseAmount(availableBalance, currency);
      const availableMinor = available.ok ? available.minor : 0n;
      const totalMinor = total ? parseMinor(total.amount, currency) : 0n;
      return { available: `${displayAmount(availableBalance, currency)} ${currency}`, currency, fits: currency === profile.currency ? totalMinor <= availableMinor : null, message: null };
    } catch (error) {
      if (!(error instanceof MomoError) && !(error instanceof AppError)) throw error;
      return { available: null, currency: profile.currency, fits: null, message: `The balance could not be read: ${error.message}` };
    }
  }

  /**
   * Approves exactly the rows that are valid and not excluded now. The
   * operator types the total (and a production profile's name) and
   * acknowledges every warning that needs it.
   */
  approve(batchId: string, input: { typedTotal: string; confirmName?: string | undefined; acknowledged: string[] }): BatchSummary {
    const summary = this.summary(batchId);
    const profile = this.deps.profile(summary.profileId);
    const total = summary.totals[0];
    if (!total || summary.totals.length !== 1) throw new AppError('NOTHING_TO_APPROVE', 'The batch has no valid rows to pay.');
    const missing = summary.toAcknowledge.filter((code) => !input.acknowledged.includes(code));
    if (missing.length > 0) throw new AppError('ACKNOWLEDGEMENT_REQUIRED', `Acknowledge these warnings first: ${missing.join(', ')}.`);
    const typed = parseAmount(input.typedTotal.replace(/[\s,]/g, '').replace(new RegExp(`${total.currency}$`, 'i'), ''), total.currency);
    if (!typed.ok || typed.minor !== parseMinor(total.amount, total.currency)) {
      throw new AppError('TOTAL_MISMATCH', `Type the batch total exactly (${displayAmount(total.amount, total.currency)} ${total.currency}) to approve it.`);
    }
    confirmProduction(profile, input.confirmName, `This batch pays real money from "${profile.name}". Type the profile name to approve it.`);
    if (profile.limits.maxBatchTotal && parseMinor(total.amount, total.currency) > limitMinor(profile.limits.maxBatchTotal, total.currency)) {
      throw new AppError('BATCH_OVER_LIMIT', `The total is above this profile's batch limit of ${displayAmount(profile.limits.maxBatchTotal, total.currency)} ${total.currency}.`);
    }
    // The profile's limit per payment may have been lowered since the import checked the rows.
    if (profile.limits.maxRowAmount) {
      const max = limitMinor(profile.limits.maxRowAmount, total.currency);
      const over = this.deps.batches.rows(batchId, 'valid').filter((r) => !r.excluded && (r.amountMinor ?? 0n) > max);
      if (over.length > 0) throw new AppError('ROW_OVER_LIMIT', `${over.length} payment(s) are above this profile's limit per payment (line ${over[0]?.line} first); exclude them or import a corrected file.`);
    }
    this.deps.batches.approve(batchId, {
      approvedAt: this.deps.now().toISOString(),
      contentHash: this.contentHash(batchId),
      rowCount: total.count,
      totals: summary.totals,
      acknowledged: [...input.acknowledged].sort(),
    });
    return this.summary(batchId);
  }

  /**
   * The optional pre-flight: asks MoMo whether each payee of a valid row is an
   * active account holder, paced, reporting progress as it goes. Party codes
   * cannot be checked this way and are marked so. The answers are shown per
   * row; they do not change what an approval covers.
   */
  async checkAccountHolders(batchId: string, onProgress: (progress: HolderCheckProgress) => void = () => {}): Promise<HolderCheckProgress> {
    const batch = this.batch(batchId);
    const profile = this.deps.profile(batch.profileId);
    const rows = this.deps.batches.rows(batchId, 'valid').filter((r) => !r.excluded);
    const progress: HolderCheckProgress = { batchId, total: rows.length, checked: 0, active: 0, notActive: 0, failed: 0 };
    onProgress({ ...progress });
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        if (!row) break;
        let holder: 'active' | 'not-active' | 'check-failed' | 'not-checkable';
        if (row.partyType === 'PARTY_CODE' || row.partyId === null) holder = 'not-checkable';
        else {
          try {
            holder = (await this.deps.accountHolderActive(profile, row.partyType === 'EMAIL' ? 'email' : 'msisdn', row.partyId)) ? 'active' : 'not-active';
          } catch (error) {
            if (!(error instanceof MomoError) && !(error instanceof AppError)) throw error;
            holder = 'check-failed';
          }
        }
        this.deps.batches.setHolder(batchId, row.index, holder);
        progress.checked += 1;
        if (holder === 'active') progress.active += 1;
        else if (holder === 'not-active') progress.notActive += 1;
        else if (holder === 'check-failed') progress.failed += 1;
        onProgress({ ...progress });
      }
    };
    await Promise.all(Array.from({ length: HOLDER_CHECK_CONCURRENCY }, worker));
    this.deps.batches.recordEvent(batchId, this.deps.now().toISOString(), 'account-holders-checked', { ...progress });
    return progress;
  }

  /** Whether the standing approval still matches the rows, byte for byte. */
  approvalHolds(batchId: string): boolean {
    const approval = this.deps.batches.approval(batchId);
    return approval !== null && approval.voidedAt === null && approval.contentHash === this.contentHash(batchId);
  }

  exclude(batchId: string, rowIndexes: number[], excluded: boolean): BatchSummary {
    this.batch(batchId);
    this.deps.batches.setExcluded(batchId, rowIndexes, excluded, this.deps.now().toISOString());
    return this.summary(batchId);
  }

  /** The invalid rows as they were read, with a reason column: fix them in a spreadsheet and import again. */
  exportInvalid(batchId: string): string {
    this.batch(batchId);
    const rows = this.deps.batches.rows(batchId, 'invalid');
    const width = Math.max(0, ...rows.map((r) => r.raw.length));
    const header = this.headerOf(batchId, width);
    const columns = mapColumns(this.batch(batchId).headers).fields;
    const asText = [columns.party, columns.externalId].filter((i): i is number => i !== undefined);
    return writeCsv(
      [...header, 'line', 'problems'],
      rows.map((r) => [...r.raw, ...Array<string>(width - r.raw.length).fill(''), String(r.line), r.errors.map(describe).join('; ')]),
      { textColumns: asText },
    );
  }

  template(profileId: string): string {
    return templateCsv(this.deps.profile(profileId).currency);
  }

  private headerOf(batchId: string, width: number): string[] {
    const header = this.batch(batchId).headers;
    return Array.from({ length: width }, (_, i) => header[i] ?? `column ${i + 1}`);
  }

  private contentHash(batchId: string): string {
    const hash = createHash('sha256');
    for (const r of this.deps.batches.rows(batchId, 'valid')) {
      if (r.excluded) continue;
      hash.update(JSON.stringify([r.index, r.partyType, r.partyId, String(r.amountMinor), r.currency, r.externalId, r.payerMessage, r.payeeNote]));
      hash.update('\n');
    }
    return hash.digest('hex');
  }

  private batch(batchId: string) {
    const batch = this.deps.batches.get(batchId);
    if (!batch) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${batchId}.`);
    return batch;
  }
}

function describe(issue: RowIssue): string {
  return `${issue.column}: ${issue.message} [${issue.code}]`;
}

function parseMinor(amount: string, currency: string): bigint {
  const parsed = parseAmount(amount, currency);
  return parsed.ok ? parsed.minor : 0n;
}
