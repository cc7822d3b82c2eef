// Transactions: answer "did this payment go through?". Search by whatever the
// customer gave, open one transaction to see why and what happened, act on it
// (refresh, check the party, notify, refund, cancel), or start one payment or
// collection by hand. A reference id the console does not know is looked up
// at MoMo.
import { useCallback, useRef, useState } from 'react';
import type { TransactionDetail, TransactionSearch } from '../../../preload/contract';
import { callApi } from '../api/momo-client';
import { AreaPage } from '../components/area-page';
import { useStores } from '../stores/app-stores';
import { NewTransactionForm } from './transactions/new-transaction-form';
import { TransactionPage } from './transactions/transaction-page';
import { TransactionResults, type SearchResults } from './transactions/transaction-results';
import { EMPTY_FILTERS, TransactionSearchForm, toSearch, type SearchFilters } from './transactions/transaction-search';
import { kindInWords, statusInWords, UUID } from './transactions/words';
import './transactions/transactions.css';

const PAGE_SIZE = 50;

type View = { kind: 'search' } | { kind: 'new' } | { kind: 'transaction'; detail: TransactionDetail };
type Lookup = { referenceId: string; state: 'looking' | 'not-found' } | null;

export function TransactionsArea() {
  const { api, errors } = useStores();
  const [view, setViewState] = useState<View>({ kind: 'search' });
  const [filters, setFilters] = useState<SearchFilters>(EMPTY_FILTERS);
  const [problems, setProblems] = useState<string[]>([]);
  /** The results and the search that gave them ("Show more" asks for its next page). */
  const [results, setResults] = useState<(SearchResults & { search: TransactionSearch }) | null>(null);
  const [lookup, setLookup] = useState<Lookup>(null);
  const [searching, setSearching] = useState<'Searching' | 'Loading more' | null>(null);
  /** The token of the transaction being opened, while it is. */
  const [opening, setOpening] = useState<number | null>(null);
  /** A transaction the agent made (a refund, a new payment) whose answer came after they had moved to another page. */
  const [landed, setLanded] = useState<TransactionDetail | null>(null);
  const busy = opening !== null ? 'Opening the transaction' : searching;
  const report = useCallback((error: unknown) => errors.getState().report(error), [errors]);

  // Latest request wins. Every change of page, and every request that would
  // change it, takes a new page token; an answer whose token is no longer the
  // latest (the agent clicked something else, or moved on) is not shown.
  const pageToken = useRef(0);
  /** The page shown, for answers to compare against without waiting for a render. */
  const viewRef = useRef<View>(view);
  /** Each search takes a new token; results of an older search are dropped. */
  const searchToken = useRef(0);

  const go = useCallback((next: View) => {
    pageToken.current += 1;
    viewRef.current = next;
    setViewState(next);
    setOpening(null);
  }, []);
  const show = useCallback((detail: TransactionDetail) => go({ kind: 'transaction', detail }), [go]);
  /**
   * A transaction the agent just made (a refund, a new payment): shown if the
   * agent is still on the page it was made from, otherwise offered in a notice
   * rather than pulling them off the page they are on now.
   */
  const arrive = useCallback(
    (detail: TransactionDetail, stillThere: (current: View) => boolean) => {
      if (stillThere(viewRef.current)) {
        setLanded(null);
        show(detail);
      } else setLanded(detail);
    },
    [show],
  );
  /**
   * A newer reading of the open transaction; ignored if another one is open by
   * now, or if it is older than the reading shown (a slow read started before a
   * refresh that already answered).
   */
  const update = useCallback((detail: TransactionDetail) => {
    const current = viewRef.current;
    if (current.kind !== 'transaction' || current.detail.referenceId !== detail.referenceId) return;
    if (detail.updatedAt < current.detail.updatedAt) return;
    const next: View = { kind: 'transaction', detail };
    viewRef.current = next;
    setViewState(next);
  }, []);

  const open = (referenceId: string) => {
    pageToken.current += 1;
    const token = pageToken.current;
    setOpening(token);
    callApi(api, 'getTransaction', { referenceId })
      .then((detail) => {
        if (pageToken.current !== token) return;
        setLanded((current) => (current?.referenceId === detail.referenceId ? null : current));
        show(detail);
      })
      .catch(report)
      .finally(() => setOpening((current) => (current === token ? null : current)));
  };

  const search = async () => {
    const { search: query, problems: found } = toSearch(filters);
    setProblems(found);
    if (found.length > 0) return;
    searchToken.current += 1;
    const mine = searchToken.current;
    const latest = () => searchToken.current === mine;
    /** The page the agent was on when the search started: a lookup's answer takes them to it only if they are still there. */
    const page = pageToken.current;
    setSearching('Searching');
    setLookup(null);
    let rows: SearchResults['rows'] = [];
    try {
      const answer = await callApi(api, 'searchTransactions', { ...query, offset: 0, limit: PAGE_SIZE });
      if (!latest()) return;
      rows = answer.rows;
      setResults({ ...answer, search: query });
    } catch (error) {
      if (!latest()) return;
      report(error);
    }
    // A reference id the console has not seen: ask MoMo for it directly.
    const text = query.text;
    if (text && UUID.test(text) && !rows.some((row) => row.referenceId.toLowerCase() === text.toLowerCase())) {
      setLookup({ referenceId: text, state: 'looking' });
      try {
        const detail = await callApi(api, 'getTransaction', { referenceId: text });
        if (!latest()) return;
        setLookup(null);
        if (pageToken.current === page) show(detail);
        else
          // The agent has moved on (opened another transaction, started a new payment): list it, do not take them to it.
          setResults((current) =>
            current === null
              ? { rows: [detail], nextOffset: null, interpretedAs: `reference id ${text}`, search: query }
              : { ...current, rows: [detail, ...current.rows.filter((row) => row.referenceId !== detail.referenceId)] },
          );
      } catch (error) {
        if (!latest()) return;
        setLookup({ referenceId: text, state: 'not-found' });
        report(error);
      }
    }
    setSearching(null);
  };

  const more = () => {
    if (!results || results.nextOffset === null) return;
    const mine = searchToken.current;
    setSearching('Loading more');
    callApi(api, 'searchTransactions', { ...results.search, offset: results.nextOffset, limit: PAGE_SIZE })
      .then((answer) => {
        if (searchToken.current !== mine) return;
        setResults((current) => {
          if (!current) return current;
          const seen = new Set(current.rows.map((row) => row.referenceId));
          return { ...current, rows: [...current.rows, ...answer.rows.filter((row) => !seen.has(row.referenceId))], nextOffset: answer.nextOffset };
        });
      })
      .catch(report)
      .finally(() => {
        if (searchToken.current === mine) setSearching(null);
      });
  };

  /** From a new payment whose sending failed: search for it before sending it again. */
  const searchFor = (text: string) => {
    setFilters({ ...EMPTY_FILTERS, text });
    go({ kind: 'search' });
  };

  return (
    <AreaPage title="Transactions" summary="Answer “did this payment go through?”: find a transaction by phone number, email, reference id or external id, see why it ended as it did, and act on it.">
      {landed && (
        <div className="notice transaction-landed" role="status" aria-label="Answered after you left its page">
          <p>
            The {kindInWords(landed.kind).toLowerCase()} you sent
            {landed.amount !== null ? ` (${`${landed.amount} ${landed.currency ?? ''}`.trim()})` : ''} was answered after you left its page: {statusInWords(landed.status)}.
          </p>
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => open(landed.referenceId)}>
              Open it
            </button>
            <button type="button" className="button button--link" onClick={() => setLanded(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {view.kind === 'transaction' ? (
        <TransactionPage
          key={view.detail.referenceId}
          detail={view.detail}
          onBack={() => go({ kind: 'search' })}
          onOpenReference={open}
          onUpdate={update}
          onShow={(refund) => {
            const from = view.detail.referenceId;
            arrive(refund, (current) => current.kind === 'transaction' && current.detail.referenceId === from);
          }}
        />
      ) : view.kind === 'new' ? (
        <NewTransactionForm onCreated={(created) => arrive(created, (current) => current.kind === 'new')} onClose={() => go({ kind: 'search' })} onSearchFor={searchFor} />
      ) : (
        <>
          <div className="form-actions transactions-toolbar">
            <button type="button" className="button button--secondary" onClick={() => go({ kind: 'new' })}>
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
