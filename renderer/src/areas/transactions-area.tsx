// Transactions: answer "did this payment go through?". Search by whatever the
// customer gave, open one transaction to see why and what happened, act on it
// (refresh, check the party, notify, refund, cancel), or start one payment or
// collection by hand. A reference id the console does not know is looked up
// at MoMo.
import { useCallback, useState } from 'react';
import type { TransactionDetail, TransactionSearch } from '../../../preload/contract';
import { callApi } from '../api/momo-client';
import { AreaPage } from '../components/area-page';
import { useStores } from '../stores/app-stores';
import { NewTransactionForm } from './transactions/new-transaction-form';
import { TransactionPage } from './transactions/transaction-page';
import { TransactionResults, type SearchResults } from './transactions/transaction-results';
import { EMPTY_FILTERS, TransactionSearchForm, toSearch, type SearchFilters } from './transactions/transaction-search';
import { UUID } from './transactions/words';
import './transactions/transactions.css';

const PAGE_SIZE = 50;

type View = { kind: 'search' } | { kind: 'new' } | { kind: 'transaction'; detail: TransactionDetail };
type Lookup = { referenceId: string; state: 'looking' | 'not-found' } | null;

export function TransactionsArea() {
  const { api, errors } = useStores();
  const [view, setView] = useState<View>({ kind: 'search' });
  const [filters, setFilters] = useState<SearchFilters>(EMPTY_FILTERS);
  const [problems, setProblems] = useState<string[]>([]);
  /** The results and the search that gave them ("Show more" asks for its next page). */
  const [results, setResults] = useState<(SearchResults & { search: TransactionSearch }) | null>(null);
  const [lookup, setLookup] = useState<Lookup>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const report = useCallback((error: unknown) => errors.getState().report(error), [errors]);

  const show = useCallback((detail: TransactionDetail) => setView({ kind: 'transaction', detail }), []);
  /** A newer reading of the open transaction; ignored if another one is open by now. */
  const update = useCallback(
    (detail: TransactionDetail) => setView((current) => (current.kind === 'transaction' && current.detail.referenceId === detail.referenceId ? { kind: 'transaction', detail } : current)),
    [],
  );

  const open = (referenceId: string) => {
    setBusy('Opening the transaction');
    callApi(api, 'getTransaction', { referenceId })
      .then(show)
      .catch(report)
      .finally(() => setBusy(null));
  };

  const search = async () => {
    const { search: query, problems: found } = toSearch(filters);
    setProblems(found);
    if (found.length > 0) return;
    setBusy('Searching');
    setLookup(null);
    let rows: SearchResults['rows'] = [];
    try {
      const answer = await callApi(api, 'searchTransactions', { ...query, offset: 0, limit: PAGE_SIZE });
      rows = answer.rows;
      setResults({ ...answer, search: query });
    } catch (error) {
      report(error);
    }
    // A reference id the console has not seen: ask MoMo for it directly.
    const text = query.text;
    if (text && UUID.test(text) && !rows.some((row) => row.referenceId.toLowerCase() === text.toLowerCase())) {
      setLookup({ referenceId: text, state: 'looking' });
      try {
        show(await callApi(api, 'getTransaction', { referenceId: text }));
        setLookup(null);
      } catch (error) {
        setLookup({ referenceId: text, state: 'not-found' });
        report(error);
      }
    }
    setBusy(null);
  };

  const more = () => {
    if (!results || results.nextOffset === null) return;
    setBusy('Loading more');
    callApi(api, 'searchTransactions', { ...results.search, offset: results.nextOffset, limit: PAGE_SIZE })
      .then((answer) =>
        setResults((current) => {
          if (!current) return current;
          const seen = new Set(current.rows.map((row) => row.referenceId));
          return { ...current, rows: [...current.rows, ...answer.rows.filter((row) => !seen.has(row.referenceId))], nextOffset: answer.nextOffset };
        }),
      )
      .catch(report)
      .finally(() => setBusy(null));
  };

  return (
    <AreaPage title="Transactions" summary="Answer “did this payment go through?”: find a transaction by phone number, email, reference id or external id, see why it ended as it did, and act on it.">
      {view.kind === 'transaction' ? (
        <TransactionPage
          key={view.detail.referenceId}
          detail={view.detail}
          onBack={() => setView({ kind: 'search' })}
          onOpenReference={open}
          onUpdate={update}
          onShow={show}
        />
      ) : view.kind === 'new' ? (
        <NewTransactionForm onCreated={show} onClose={() => setView({ kind: 'search' })} />
      ) : (
        <>
          <div className="form-actions transactions-toolbar">
            <button type="button" className="button button--secondary" onClick={() => setView({ kind: 'new' })}>
              New payment or collection…
            </button>
          </div>
          <TransactionSearchForm filters={filters} onChange={setFilters} onSearch={() => void search()} busy={busy !== null} problems={problems} />
          {results && <TransactionResults results={results} onOpen={open} onMore={more} busy={busy !== null} lookup={lookup} />}
          {!results && lookup && <TransactionResults results={{ rows: [], nextOffset: null, interpretedAs: `reference id ${lookup.referenceId}` }} onOpen={open} onMore={more} busy={busy !== null} lookup={lookup} />}
        </>
      )}
      {busy && busy !== 'Searching' && view.kind !== 'new' && <progress className="transactions-busy" aria-label={busy} />}
    </AreaPage>
  );
}
