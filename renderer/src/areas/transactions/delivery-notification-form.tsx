// A delivery notification: a short text MoMo sends the payer of a successful
// collection. At most 160 characters, counted as the agent types.
import { useId, useState } from 'react';
import type { TransactionDetail } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useStores } from '../../stores/app-stores';

export const MESSAGE_LIMIT = 160;

export function DeliveryNotificationForm({ detail, onSent }: { detail: TransactionDetail; onSent: (detail: TransactionDetail) => void }) {
  const { api, errors } = useStores();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const counterId = useId();
  const over = message.length > MESSAGE_LIMIT;
  const empty = message.trim() === '';
  return (
    <form
      className="transaction-action transaction-notification"
      aria-label="Delivery notification"
      onSubmit={(event) => {
        event.preventDefault();
        if (over || empty || busy) return;
        setBusy(true);
        setSent(false);
        callApi(api, 'sendDeliveryNotification', { referenceId: detail.referenceId, message: message.trim() })
          .then((updated) => {
            setMessage('');
            setSent(true);
            onSent(updated);
          })
          .catch((error: unknown) => errors.getState().report(error))
          .finally(() => setBusy(false));
      }}
    >
      <label className="field">
        <span>Delivery notification message</span>
        <textarea value={message} onChange={(event) => setMessage(event.target.value)} rows={3} aria-describedby={counterId} aria-invalid={over || undefined} />
      </label>
      {/* Not a live region: the count is read with the field (aria-describedby); only going over the limit is announced. */}
      <p id={counterId} className={over ? 'text-bad transaction-counter' : 'muted transaction-counter'}>
        {message.length}/{MESSAGE_LIMIT}
        <span aria-live="polite">{over ? ` — ${message.length - MESSAGE_LIMIT} too many` : ''}</span>
      </p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || over || empty}>
          Send delivery notification
        </button>
        {busy && <progress aria-label="Sending the delivery notification" />}
        {sent && !busy && <span role="status">Delivery notification sent.</span>}
      </div>
    </form>
  );
}
