// Every row of the batch in a virtualized table: only the rows on screen are
// in the page, fetched from main a page at a time, so 100,000 rows scroll as
// smoothly as ten. A failing cell is marked and the reason is on its row.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BatchRowView } from '../../../../preload/contract';
import { usePayouts, useStores } from '../../stores/app-stores';
import type { RowFilter } from '../../stores/payouts-store';

const FILTERS: { id: RowFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'valid', label: 'Valid' },
  { id: 'invalid', label: 'Invalid' },
  { id: 'warning', label: 'Warnings' },
];
const ROW_HEIGHT = 34;

export function RowTable() {
  const summary = usePayouts((s) => s.summary);
  const filter = usePayouts((s) => s.filter);
  const total = usePayouts((s) => s.total);
  const rows = usePayouts((s) => s.rows);
  const payouts = useStores().payouts.getState;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20, initialRect: { width: 1000, height: 520 } });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) void payouts().ensureRows(first, last);
  }, [first, last, total, filter, payouts]);
  if (!summary) return null;
  return (
    <section className="card" aria-label="Rows">
      <div className="filter-tabs" role="tablist" aria-label="Show rows">
        {FILTERS.map((f) => (
          <button key={f.id} type="button" role="tab" aria-selected={filter === f.id} className={`filter-tab${filter === f.id ? ' filter-tab--on' : ''}`} onClick={() => void payouts().setFilter(f.id)}>
            {f.label}
          </button>
        ))}
        <span className="muted">{total.toLocaleString('en-US')} rows</span>
      </div>
      <div className="row-table__head" aria-hidden="true">
        <span>Line</span>
        <span>Payee</span>
        <span>Amount</span>
        <span>External id</span>
        <span>Name</span>
        <span>Problem</span>
      </div>
      <div ref={scroller} className="row-table" role="table" aria-label="Payout rows" aria-rowcount={total}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <Row key={item.key} row={rows.get(item.index)} top={item.start} index={item.index} />
          ))}
        </div>
      </div>
    </section>
  );
}

function Row({ row, top, index }: { row: BatchRowView | undefined; top: number; index: number }) {
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  if (!row) {
    return (
      <div className="row-table__row row-table__row--loading" role="row" aria-rowindex={index + 1} style={style}>
        <span className="muted">Loading…</span>
      </div>
    );
  }
  const failing = new Set(row.errors.map((e) => e.field));
  const bad = (field: string) => (failing.has(field) ? ' cell--bad' : '');
  const holderNote = row.holder === 'not-active' ? 'not an active MoMo account holder' : row.holder === 'check-failed' ? 'account check failed' : null;
  const problem = row.errors[0] ?? row.warnings[0] ?? (holderNote ? { column: 'payee', message: holderNote } : undefined);
  const state = row.errors.length > 0 ? 'invalid' : row.warnings.length > 0 || holderNote ? 'warning' : 'valid';
  return (
    <div className={`row-table__row row-table__row--${state}`} role="row" aria-rowindex={index + 1} style={style} data-line={row.line}>
      <span role="cell">{row.line}</span>
      <span role="cell" className={`mono${bad('party') || bad('partyType')}`}>
        {row.partyId ?? row.partyInput}
      </span>
      <span role="cell" className={`mono${bad('amount') || bad('currency')}`}>
        {row.amount === null ? row.amountInput : `${row.amount} ${row.currency}`}
      </span>
      <span role="cell" className={`mono${bad('externalId')}`}>
        {row.externalId ?? '—'}
      </span>
      <span role="cell">
        {row.payment ? <span className={`kind-chip payment--${row.payment.status.toLowerCase()}`} title={`${row.payment.referenceId}${row.payment.reason ? `: ${row.payment.reason}` : ''}`}>{row.payment.status}</span> : null} {row.name}
      </span>
      <span role="cell" className={row.errors.length > 0 ? 'text-bad' : 'muted'} title={[...row.errors, ...row.warnings].map((i) => `${i.column}: ${i.message}`).join('\n')}>
        {row.payment?.status === 'UNKNOWN' ? <CheckNow rowIndex={row.index} reason={row.payment.reason} /> : problem ? `${problem.column}: ${problem.message}` : ''}
      </span>
    </div>
  );
}

/** An UNKNOWN payment is not a failure: ask MoMo again. */
function CheckNow({ rowIndex, reason }: { rowIndex: number; reason: string | null }) {
  const payouts = useStores().payouts.getState;
  return (
    <>
      <button type="button" className="button button--link" onClick={() => void payouts().checkNow(rowIndex)}>
        Check now
      </button>{' '}
      {reason}
    </>
  );
}
