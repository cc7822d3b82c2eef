// Approving a batch: the count and total in front of the operator, who types
// the total (and a production profile's name) and acknowledges each warning.
// What main records is the hash of exactly these rows.
import { useState } from 'react';
import { usePayouts, useSession, useStores } from '../../stores/app-stores';

const WARNING_TEXT: Record<string, string> = {
  DUPLICATE_PARTY_AMOUNT: 'Some payees appear more than once with the same amount.',
  FILE_SEEN_BEFORE: 'A file with exactly this content was imported before.',
  PAID_RECENTLY: 'Some payees got the same amount in a batch approved in the last 7 days.',
  AMOUNT_OUTLIER: 'Some amounts are more than ten times the median of this file.',
};

export function ApprovalPanel() {
  const summary = usePayouts((s) => s.summary);
  const busy = usePayouts((s) => s.busy);
  const profile = useSession((s) => s.profile);
  const payouts = useStores().payouts.getState;
  const [open, setOpen] = useState(false);
  const [typedTotal, setTypedTotal] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  if (!summary || summary.valid === 0) return null;
  const total = summary.totals[0];
  if (summary.approval.state === 'approved') {
    return (
      <section className="card" aria-label="Approval">
        <p role="status">
          <span className="status-dot status-dot--ok" aria-hidden="true" /> Approved on {summary.approval.approvedAt}: {total?.count.toLocaleString('en-US')} payments, {total?.amount} {total?.currency}.
        </p>
      </section>
    );
  }
  const production = profile?.kind === 'production';
  return (
    <section className="card" aria-label="Approval">
      {summary.approval.state === 'voided' && <p className="keychain-banner keychain-banner--warn">The earlier approval no longer matches the rows and was voided. Approve again.</p>}
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Approve this batch…
        </button>
      ) : (
        <form
          className="confirm-production"
          role="dialog"
          aria-label="Approve the batch"
          onSubmit={(event) => {
            event.preventDefault();
            void payouts()
              .approve({ typedTotal, acknowledged, ...(production ? { confirmName } : {}) })
              .then((ok) => ok && setOpen(false));
          }}
        >
          <p>
            Pay <strong>{total?.count.toLocaleString('en-US')}</strong> people a total of{' '}
            <strong>
              {total?.amount} {total?.currency}
            </strong>
            {production ? ` from the production profile "${profile?.name}"` : ''}. Invalid rows ({summary.invalid.toLocaleString('en-US')}) are not paid.
          </p>
          {summary.toAcknowledge.map((code) => (
            <label key={code} className="field field--inline">
              <input type="checkbox" checked={acknowledged.includes(code)} onChange={(event) => setAcknowledged((list) => (event.target.checked ? [...list, code] : list.filter((c) => c !== code)))} />
              <span>{WARNING_TEXT[code] ?? code} I have checked this.</span>
            </label>
          ))}
          <label>
            Type the total to approve
            <input value={typedTotal} onChange={(event) => setTypedTotal(event.target.value)} placeholder={total?.amount} autoComplete="off" inputMode="decimal" />
          </label>
          {production && (
            <label>
              Type the profile name
              <input value={confirmName} onChange={(event) => setConfirmName(event.target.value)} autoComplete="off" />
            </label>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={busy !== null || typedTotal.trim() === '' || summary.toAcknowledge.some((c) => !acknowledged.includes(c))}>
              Approve payment of {total?.amount} {total?.currency}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
