// What a search found: one row per transaction, newest first as main sends
// them, each opened by its reference id. "Show more" appends the next page.
import type { TransactionView } from '../../../../preload/contract';
import { kindInWords, partyInWords, StatusWord, Time } from './words';

export interface SearchResults {
  rows: TransactionView[];
  nextOffset: number | null;
  interpretedAs: string;
}

export function TransactionResults({
  results,
  onOpen,
  onMore,
  busy,
  lookup,
}: {
  results: SearchResults;
  onOpen: (referenceId: string) => void;
  onMore: () => void;
  busy: boolean;
  /** A reference id searched for that the console did not have: looked up at MoMo. */
  lookup: { referenceId: string; state: 'looking' | 'not-found' } | null;
}) {
  return (
    <section className="card transaction-results" aria-label="Search results">
      <p role="status" className="transaction-results__summary">
        Searched for {results.interpretedAs}: {results.rows.length === 0 ? 'no transactions found.' : `${results.rows.length.toLocaleString('en-US')}${results.nextOffset !== null ? ' so far' : ''} ${results.rows.length === 1 ? 'transaction' : 'transactions'}.`}
      </p>
      {lookup && (
        <p className="notice transaction-lookup" role="status" aria-label="Lookup at MoMo">
          {lookup.state === 'looking' ? (
            <>
              The console has no transaction with reference id <code>{lookup.referenceId}</code>; asking MoMo… <progress aria-label="Looking up at MoMo" />
            </>
          ) : (
            <>
              MoMo does not know reference id <code>{lookup.referenceId}</code> either (or could not be asked — see the error above).
            </>
          )}
        </p>
      )}
      {results.rows.length === 0 ? (
        <p className="muted">No transactions match this search. Check the number or id, widen the dates, or clear the filters.</p>
      ) : (
        <div className="transaction-table__scroller">
          <table className="transaction-table" aria-label="Transactions">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Party</th>
                <th scope="col" className="transaction-table__amount">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">External id</th>
                <th scope="col">Reference id</th>
              </tr>
            </thead>
            <tbody>
              {results.rows.map((row) => (
                <tr key={row.referenceId} className={`transaction-row transaction-row--${row.status.toLowerCase()}`}>
                  <td>
                    <Time at={row.createdAt} />
                  </td>
                  <td>{kindInWords(row.kind)}</td>
                  <td className="mono">{partyInWords(row.partyType, row.partyId)}</td>
                  <td className="mono transaction-table__amount">{row.amount === null ? '—' : `${row.amount} ${row.currency ?? ''}`.trim()}</td>
                  <td>
                    <StatusWord status={row.status} />
                    {row.momoStatus && <span className="muted"> ({row.momoStatus})</span>}
                    {row.status === 'UNKNOWN' && <span className="transaction-row__hint">Not known yet: do not pay again</span>}
                  </td>
                  <td>{row.reason ? <code>{row.reason}</code> : ''}</td>
                  <td className="mono">{row.externalId ?? '—'}</td>
                  <td>
                    <button type="button" className="button button--link mono" onClick={() => onOpen(row.referenceId)} title="Open this transaction">
                      {row.referenceId}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {results.nextOffset !== null && (
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onMore} disabled={busy}>
            Show more
          </button>
        </div>
      )}
    </section>
  );
}
