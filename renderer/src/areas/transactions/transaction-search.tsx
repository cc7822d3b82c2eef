// The search form: one box for whatever the customer gave (phone number,
// email, reference id or external id; main tells which) and the filters an
// agent narrows with. Amounts and dates are checked before anything is sent.
import { useId } from 'react';
import type { TransactionSearch } from '../../../../preload/contract';
import { compareDecimals, isDecimal } from '../../money/decimal';
import { SEARCHABLE_KINDS, STATUSES, statusInWords, type DisplayStatus } from './words';

export interface SearchFilters {
  text: string;
  status: '' | DisplayStatus;
  kind: string;
  from: string;
  to: string;
  minAmount: string;
  maxAmount: string;
}

export const EMPTY_FILTERS: SearchFilters = { text: '', status: '', kind: '', from: '', to: '', minAmount: '', maxAmount: '' };

/** The search to send, or the problems that keep it from being sent. */
export function toSearch(filters: SearchFilters): { search: TransactionSearch; problems: string[] } {
  const problems: string[] = [];
  const search: TransactionSearch = {};
  const text = filters.text.trim();
  if (text) search.text = text;
  if (filters.status) search.status = filters.status;
  if (filters.kind) search.kind = filters.kind;
  if (filters.from) search.from = filters.from;
  if (filters.to) search.to = filters.to;
  if (filters.from && filters.to && filters.from > filters.to) problems.push('“From” is after “To”.');
  const min = filters.minAmount.trim();
  const max = filters.maxAmount.trim();
  if (min) {
    if (isDecimal(min)) search.minAmount = min;
    else problems.push(`Min amount “${min}” is not an amount such as 5000 or 250.50.`);
  }
  if (max) {
    if (isDecimal(max)) search.maxAmount = max;
    else problems.push(`Max amount “${max}” is not an amount such as 5000 or 250.50.`);
  }
  if (search.minAmount && search.maxAmount && compareDecimals(search.minAmount, search.maxAmount) > 0) problems.push('Min amount is more than max amount.');
  return { search, problems };
}

export function TransactionSearchForm({
  filters,
  onChange,
  onSearch,
  busy,
  problems,
}: {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  onSearch: () => void;
  busy: boolean;
  problems: string[];
}) {
  const problemsId = useId();
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <form
      className="card transaction-search"
      aria-label="Search transactions"
      aria-describedby={problems.length > 0 ? problemsId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <div className="transaction-search__main">
        <label className="field transaction-search__text">
          <span>Phone, email, reference or external id</span>
          <input type="text" value={filters.text} onChange={(event) => set('text', event.target.value)} placeholder="256772123456, name@example.com, a reference id…" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Search
        </button>
      </div>
      <div className="transaction-search__filters">
        <label className="field">
          <span>Status</span>
          <select value={filters.status} onChange={(event) => set('status', event.target.value as SearchFilters['status'])}>
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusInWords(status)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Kind</span>
          <select value={filters.kind} onChange={(event) => set('kind', event.target.value)}>
            <option value="">Any kind</option>
            {SEARCHABLE_KINDS.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>From</span>
          <input type="date" value={filters.from} onChange={(event) => set('from', event.target.value)} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={filters.to} onChange={(event) => set('to', event.target.value)} />
        </label>
        <label className="field">
          <span>Min amount</span>
          <input value={filters.minAmount} onChange={(event) => set('minAmount', event.target.value)} inputMode="decimal" autoComplete="off" placeholder="0" aria-invalid={problems.some((p) => p.startsWith('Min')) || undefined} />
        </label>
        <label className="field">
          <span>Max amount</span>
          <input value={filters.maxAmount} onChange={(event) => set('maxAmount', event.target.value)} inputMode="decimal" autoComplete="off" aria-invalid={problems.some((p) => p.startsWith('Max')) || undefined} />
        </label>
      </div>
      {problems.length > 0 && (
        <ul id={problemsId} className="transaction-problems text-bad">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {busy && <progress aria-label="Searching" />}
    </form>
  );
}
