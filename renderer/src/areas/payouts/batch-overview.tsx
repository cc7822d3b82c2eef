// What the batch holds: rows valid and invalid, the total against the live
// balance, the warnings, and the export of rows to fix.
import { usePayouts, useStores } from '../../stores/app-stores';
import { saveFile } from './save-file';

export function BatchOverview() {
  const summary = usePayouts((s) => s.summary);
  const balance = usePayouts((s) => s.balance);
  const busy = usePayouts((s) => s.busy);
  const holderCheck = usePayouts((s) => s.holderCheck);
  const payouts = useStores().payouts.getState;
  if (!summary) return null;
  return (
    <section className="card" aria-label="Batch summary">
      <h2>{summary.fileName}</h2>
      <div className="card-grid">
        <div>
          <p className="muted">Rows</p>
          <p className="card__figure">{summary.rows.toLocaleString('en-US')}</p>
        </div>
        <div>
          <p className="muted">Valid</p>
          <p className="card__figure">{summary.valid.toLocaleString('en-US')}</p>
        </div>
        <div>
          <p className="muted">Invalid</p>
          <p className={`card__figure${summary.invalid > 0 ? ' text-bad' : ''}`}>{summary.invalid.toLocaleString('en-US')}</p>
        </div>
        {summary.totals.map((total) => (
          <div key={total.currency} aria-label={`Total ${total.currency}`}>
            <p className="muted">Total to pay ({total.count.toLocaleString('en-US')} payments)</p>
            <p className="card__figure">
              {total.amount} {total.currency}
            </p>
          </div>
        ))}
      </div>
      <p role="status" aria-label="Balance check">
        {balance === null
          ? 'Reading the disbursement balance…'
          : balance.available === null
            ? balance.message
            : balance.fits
              ? `The disbursement balance (${balance.available}) covers this batch.`
              : `The disbursement balance (${balance.available}) does not cover this batch.`}
      </p>
      {summary.fileWarnings.map((warning) => (
        <p key={warning.code} className="keychain-banner keychain-banner--warn">
          {warning.message}
        </p>
      ))}
      <div className="holder-check" aria-label="Account holder check">
        <button type="button" className="button button--secondary" disabled={busy !== null || summary.valid === 0} onClick={() => void payouts().checkHolders()}>
          Check that every payee has an active MoMo account
        </button>
        <span className="muted"> Optional; paced at about 10 a second ({Math.ceil(summary.valid / 10 / 60).toLocaleString('en-US')} min for this batch).</span>
        {holderCheck && (
          <p role="status">
            <progress max={holderCheck.total} value={holderCheck.checked} aria-label="Payees checked" /> {holderCheck.checked.toLocaleString('en-US')} of {holderCheck.total.toLocaleString('en-US')} checked:{' '}
            {holderCheck.active.toLocaleString('en-US')} active, {holderCheck.notActive.toLocaleString('en-US')} not active, {holderCheck.failed.toLocaleString('en-US')} could not be checked.
          </p>
        )}
      </div>
      {summary.invalid > 0 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void payouts()
              .exportInvalid()
              .then((file) => file && saveFile(file))
          }
        >
          Download the {summary.invalid.toLocaleString('en-US')} invalid rows to fix
        </button>
      )}
    </section>
  );
}
