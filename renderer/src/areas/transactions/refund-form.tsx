// Refunding a successful collection through the disbursement API. The amount
// starts as the original and may be lowered; the agent types it again to
// approve, and when the collection was made on a production profile types
// that profile's name too. The refund is paid from the disbursement account of
// the profile the collection was made with, not the active one: main confirms
// it against that profile, and so does this form.
import { useState } from 'react';
import type { TransactionDetail } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useSession, useStores } from '../../stores/app-stores';
import { compareDecimals, isPositiveDecimal, sameAmount } from '../../money/decimal';
import { MESSAGE_LIMIT } from './delivery-notification-form';

export function RefundForm({ detail, onRefunded, onClose }: { detail: TransactionDetail; onRefunded: (refund: TransactionDetail) => void; onClose: () => void }) {
  const { api, errors } = useStores();
  const active = useSession((s) => s.profile);
  /** The profile the collection was made with (null: it no longer exists, and nothing can be refunded from it). */
  const profileName = detail.profileName;
  const gone = profileName === null || detail.profileKind === null;
  const production = detail.profileKind === 'production';
  const notActive = active !== null && active.id !== detail.profileId;
  const [amount, setAmount] = useState(detail.amount ?? '');
  const [typedAmount, setTypedAmount] = useState('');
  const [version, setVersion] = useState<'v1' | 'v2'>('v1');
  const [payerMessage, setPayerMessage] = useState('');
  const [payeeNote, setPayeeNote] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const [busy, setBusy] = useState(false);
  const currency = detail.currency ?? '';
  const cleanAmount = amount.trim();
  const amountProblem = !isPositiveDecimal(cleanAmount)
    ? 'Enter an amount such as 5000 or 250.50.'
    : detail.amount !== null && compareDecimals(cleanAmount, detail.amount) > 0
      ? `More than the original ${detail.amount} ${currency}.`
      : null;
  const typedMatches = amountProblem === null && sameAmount(typedAmount, cleanAmount);
  const nameMatches = !production || confirmName.trim() === profileName;
  const tooLong = payerMessage.length > MESSAGE_LIMIT || payeeNote.length > MESSAGE_LIMIT;
  const ready = !gone && typedMatches && nameMatches && !tooLong && !busy;
  return (
    <form
      className="confirm-production transaction-refund"
      role="dialog"
      aria-label="Refund"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        setBusy(true);
        callApi(api, 'refundTransaction', {
          referenceId: detail.referenceId,
          amount: cleanAmount,
          typedAmount: typedAmount.trim(),
          version,
          payerMessage,
          payeeNote,
          ...(production ? { confirmName: confirmName.trim() } : {}),
        })
          .then(onRefunded)
          .catch((error: unknown) => errors.getState().report(error))
          .finally(() => setBusy(false));
      }}
    >
      <h3>Refund this payment</h3>
      {gone ? (
        <p className="text-bad">The profile this collection was made with ({detail.profileId}) no longer exists, so there is no disbursement account to refund it from.</p>
      ) : (
        <p className={production ? 'keychain-banner keychain-banner--warn' : undefined}>
          Sends money back to <strong>{detail.partyId ?? 'the payer'}</strong> from the disbursement account of {production ? 'the production profile' : 'the profile'}{' '}
          <strong>“{profileName}”</strong>, the one this collection was made with{production ? ': real money moves' : ''}.
          {notActive && ` That is not the active profile (“${active.name}”).`} The original amount was{' '}
          <strong>
            {detail.amount ?? '—'} {currency}
          </strong>
          .
        </p>
      )}
      <label>
        Amount to refund ({currency})
        <input value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" autoComplete="off" aria-invalid={amountProblem !== null || undefined} />
      </label>
      {amountProblem && <p className="text-bad">{amountProblem}</p>}
      <label>
        Type the amount again to approve
        <input value={typedAmount} onChange={(event) => setTypedAmount(event.target.value)} inputMode="decimal" autoComplete="off" placeholder={cleanAmount} />
      </label>
      {typedAmount.trim() !== '' && !typedMatches && amountProblem === null && <p className="text-bad">The amounts differ.</p>}
      <label>
        Refund API version
        <select value={version} onChange={(event) => setVersion(event.target.value as 'v1' | 'v2')}>
          <option value="v1">v1</option>
          <option value="v2">v2</option>
        </select>
      </label>
      <label>
        Payer message
        <input value={payerMessage} onChange={(event) => setPayerMessage(event.target.value)} autoComplete="off" aria-invalid={payerMessage.length > MESSAGE_LIMIT || undefined} />
      </label>
      <span className={payerMessage.length > MESSAGE_LIMIT ? 'text-bad' : 'muted'}>
        {payerMessage.length}/{MESSAGE_LIMIT}
      </span>
      <label>
        Payee note
        <input value={payeeNote} onChange={(event) => setPayeeNote(event.target.value)} autoComplete="off" aria-invalid={payeeNote.length > MESSAGE_LIMIT || undefined} />
      </label>
      <span className={payeeNote.length > MESSAGE_LIMIT ? 'text-bad' : 'muted'}>
        {payeeNote.length}/{MESSAGE_LIMIT}
      </span>
      {production && (
        <label>
          Type the profile name to confirm
          <input value={confirmName} onChange={(event) => setConfirmName(event.target.value)} autoComplete="off" placeholder={profileName ?? ''} />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={!ready}>
          Refund {amountProblem === null ? `${cleanAmount} ${currency}` : ''}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Close
        </button>
        {busy && <progress aria-label="Refunding" />}
      </div>
    </form>
  );
}
