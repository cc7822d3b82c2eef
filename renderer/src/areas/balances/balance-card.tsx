// Balances → one product's card: the available amount as MoMo last reported
// it, when it was read, the warning threshold (with a visible warning when the
// balance is at or under it), why there is no reading when there is none, and
// a small form to set or clear the threshold. Amounts stay decimal strings.
import { useId, useState } from 'react';
import type { ChannelResult } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useStores } from '../../stores/app-stores';
import './balances.css';
import { isDecimal } from '../../money/decimal';

export type Balances = ChannelResult<'getBalances'>;
export type BalanceReading = Balances['readings'][number];
export type Product = BalanceReading['product'];

export const PRODUCT_NAMES: Record<Product, string> = { collection: 'Collection', disbursement: 'Disbursement', remittance: 'Remittance' };

/** "150000.00" → "150,000.00": thousands grouped on the string itself, never through a float. */
export function groupAmount(value: string): string {
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** An ISO time as the console shows it: "1 Dec 2026, 12:00". */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d{1,6})?$/;

/** The amount as the contract wants it ("1000.00"), or null when it is not a decimal of zero or more. Grouping commas ("1,000.00") are accepted; "0" is a threshold too. */
export function parseThreshold(input: string): string | null {
  const typed = input.trim();
  const plain = GROUPED.test(typed) ? typed.replace(/,/g, '') : typed;
  return isDecimal(plain) ? plain : null;
}

export function BalanceCard({ reading, onChanged }: { reading: BalanceReading; onChanged: (balances: Balances) => void }) {
  const { api, errors } = useStores();
  const id = useId();
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = PRODUCT_NAMES[reading.product];
  const fieldName = `Warning threshold (${reading.currency})`;

  const send = (next: string | null) => {
    setBusy(true);
    callApi(api, 'setBalanceThreshold', { product: reading.product, amount: next })
      .then((balances) => {
        setAmount('');
        onChanged(balances);
      })
      .catch((error: unknown) => errors.getState().report(error))
      .finally(() => setBusy(false));
  };

  return (
    <article className="card balance-card" aria-label={`${name} balance`}>
      <h2>{name}</h2>
      {reading.available !== null ? (
        <p className={`card__figure${reading.low ? ' text-bad' : ''}`}>
          {groupAmount(reading.available)} <span className="balance-card__currency">{reading.currency}</span>
        </p>
      ) : (
        <p className="card__figure muted">—</p>
      )}
      {reading.at !== null && <p className="muted balance-card__when">as of {formatWhen(reading.at)}</p>}
      {reading.available === null && <p className="error-code balance-card__problem">{reading.problem ?? 'No reading yet.'}</p>}
      {reading.low && reading.threshold !== null && (
        <p className="balance-low">
          <span className="status-dot status-dot--bad" aria-hidden="true" />
          At or below the warning threshold of {groupAmount(reading.threshold)} {reading.currency}
        </p>
      )}
      <p className="balance-card__threshold">
        {reading.threshold !== null ? (
          <>
            Warning threshold: {groupAmount(reading.threshold)} {reading.currency}
          </>
        ) : (
          <span className="muted">No warning threshold set.</span>
        )}
      </p>
      <form
        className="balance-threshold-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseThreshold(amount);
          if (parsed === null) {
            setInvalid(`${fieldName}: "${amount.trim()}" is not an amount. Type one such as 1000, 250.50 or 0.`);
            return;
          }
          setInvalid(null);
          send(parsed);
        }}
      >
        <label className="field" htmlFor={`${id}-threshold`}>
          <span>{fieldName}</span>
        </label>
        <div className="balance-threshold-form__row">
          <input
            id={`${id}-threshold`}
            value={amount}
            onChange={(event) => {
              setAmount(event.target.value);
              setInvalid(null);
            }}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            placeholder={reading.threshold ?? '1000.00'}
            aria-invalid={invalid !== null}
            {...(invalid !== null ? { 'aria-describedby': `${id}-threshold-error` } : {})}
          />
          <button type="submit" className="button" disabled={busy || amount.trim() === ''}>
            Set threshold
          </button>
          {reading.threshold !== null && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => send(null)}>
              Clear threshold
            </button>
          )}
        </div>
        {invalid !== null && (
          <p id={`${id}-threshold-error`} className="balance-field-error">
            {invalid}
          </p>
        )}
      </form>
    </article>
  );
}
