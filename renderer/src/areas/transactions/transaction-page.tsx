// One transaction, as an agent needs it on the phone with a customer: did it
// go through, why not in plain words, what happened when, what was sent, and
// the actions MoMo allows on it (main says which, in `actions`).
import { useEffect, useState } from 'react';
import type { ChannelResult, TransactionDetail } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useStores } from '../../stores/app-stores';
import { DeliveryNotificationForm } from './delivery-notification-form';
import { RefundForm } from './refund-form';
import { kindInWords, partyInWords, PARTY_TYPE_WORDS, StatusWord, Time } from './words';

const ANSWERS: Record<TransactionDetail['status'], string> = {
  SUCCESSFUL: 'Yes — MoMo says this went through.',
  FAILED: 'No — MoMo says this failed.',
  PENDING: 'Not yet — MoMo has not finished it.',
  UNKNOWN: 'Not known yet — do not pay again until MoMo gives a final answer. The console keeps asking; “Refresh status” asks now.',
};

const ORIGINS: Record<TransactionDetail['origin'], string> = {
  console: 'Started in this console',
  batch: 'A payout batch row',
  lookup: 'Found at MoMo by its reference id',
};

type PartyCheck = ChannelResult<'checkTransactionParty'>;

export function TransactionPage({
  detail,
  onBack,
  onOpenReference,
  onUpdate,
  onShow,
}: {
  detail: TransactionDetail;
  onBack: () => void;
  /** Opens another transaction by its reference id (a related one). */
  onOpenReference: (referenceId: string) => void;
  /** A newer reading of this same transaction. */
  onUpdate: (detail: TransactionDetail) => void;
  /** Shows another transaction already read (the refund just made). */
  onShow: (detail: TransactionDetail) => void;
}) {
  const { api, errors } = useStores();
  const [busy, setBusy] = useState<string | null>(null);
  const [party, setParty] = useState<PartyCheck | null>(null);
  const [refunding, setRefunding] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [statusEvent, setStatusEvent] = useState<string | null>(null);
  const { referenceId } = detail;

  // MoMo (through main) says this transaction's status moved: read it again.
  useEffect(() => {
    const wanted = referenceId.toLowerCase();
    return api.onTransactionStatus((event) => {
      if (event.referenceId.toLowerCase() !== wanted) return;
      setStatusEvent(event.at);
      callApi(api, 'getTransaction', { referenceId })
        .then(onUpdate)
        .catch((error: unknown) => errors.getState().report(error));
    });
  }, [api, errors, referenceId, onUpdate]);

  const act = (label: string, work: () => Promise<void>) => {
    setBusy(label);
    work()
      .catch((error: unknown) => errors.getState().report(error))
      .finally(() => setBusy(null));
  };
  const reasonShown = detail.reasonText !== null || detail.reason !== null;
  const { actions } = detail;
  const anyAction = actions.refresh || actions.checkParty || actions.deliveryNotification || actions.refund || actions.cancel;

  return (
    <section className="transaction-page" aria-label={`Transaction ${referenceId}`}>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onBack}>
          Back to results
        </button>
      </div>

      <article className={`card transaction-summary transaction-summary--${detail.status.toLowerCase()}`}>
        <h2>
          {kindInWords(detail.kind)}
          {detail.amount !== null ? ` of ${detail.amount} ${detail.currency ?? ''}`.trimEnd() : ''}
          {detail.partyId !== null ? ` — ${partyInWords(detail.partyType, detail.partyId)}` : ''}
        </h2>
        <p className="transaction-answer">
          <StatusWord status={detail.status} /> {ANSWERS[detail.status]}
        </p>
        {reasonShown && (
          <div className="transaction-reason" aria-label="Reason">
            <p className="transaction-reason__text">{detail.reasonText ?? detail.reason}</p>
            {detail.reasonText !== null && detail.reason !== null && detail.reason !== detail.reasonText && (
              <p>
                Reason: <code className="error-code">{detail.reason}</code>
              </p>
            )}
          </div>
        )}
        {statusEvent && (
          <p className="muted" role="status">
            MoMo reported a status change at <Time at={statusEvent} />; shown above as read since.
          </p>
        )}
        <dl className="facts transaction-facts">
          <dt>Reference id</dt>
          <dd className="mono">{referenceId}</dd>
          <dt>Kind</dt>
          <dd>{kindInWords(detail.kind)}</dd>
          <dt>Party</dt>
          <dd className="mono">
            {detail.partyId ?? '—'}
            {detail.partyType && <span className="muted"> ({PARTY_TYPE_WORDS[detail.partyType].toLowerCase()})</span>}
          </dd>
          <dt>Amount</dt>
          <dd className="mono">{detail.amount ?? '—'}</dd>
          <dt>Currency</dt>
          <dd>{detail.currency ?? '—'}</dd>
          <dt>Status</dt>
          <dd>
            <StatusWord status={detail.status} />
          </dd>
          {detail.momoStatus && (
            <>
              <dt>MoMo's status</dt>
              <dd>
                <code>{detail.momoStatus}</code>
              </dd>
            </>
          )}
          <dt>Financial transaction id</dt>
          <dd className="mono">{detail.financialTransactionId ?? '—'}</dd>
          <dt>External id</dt>
          <dd className="mono">{detail.externalId ?? '—'}</dd>
          <dt>Profile</dt>
          <dd>
            {detail.profileName ?? `${detail.profileId}, a profile that no longer exists`}
            {detail.profileKind && <span className={detail.profileKind === 'production' ? 'text-bad' : 'muted'}> ({detail.profileKind})</span>}
          </dd>
          <dt>Origin</dt>
          <dd>{ORIGINS[detail.origin]}</dd>
          {detail.batchId && (
            <>
              <dt>Batch id</dt>
              <dd className="mono">{detail.batchId}</dd>
            </>
          )}
          <dt>Created</dt>
          <dd>
            <Time at={detail.createdAt} />
          </dd>
          <dt>Updated</dt>
          <dd>
            <Time at={detail.updatedAt} />
          </dd>
        </dl>
      </article>

      {anyAction && (
        <section className="card transaction-actions" aria-label="Actions">
          <h2>Actions</h2>
          <div className="form-actions">
            {actions.refresh && (
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => act('Refreshing the status', async () => onUpdate(await callApi(api, 'refreshTransaction', { referenceId })))}
              >
                Refresh status
              </button>
            )}
            {actions.checkParty && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy !== null}
                onClick={() =>
                  act('Checking the party', async () => {
                    setParty(null);
                    setParty(await callApi(api, 'checkTransactionParty', { referenceId }));
                  })
                }
              >
                Check the party
              </button>
            )}
            {actions.refund && !refunding && (
              <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => setRefunding(true)}>
                Refund…
              </button>
            )}
            {actions.cancel && !confirmCancel && (
              <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => setConfirmCancel(true)}>
                Cancel transaction…
              </button>
            )}
            {busy && <progress aria-label={busy} />}
          </div>
          {party && (
            <div className="transaction-party" role="status" aria-label="Party check">
              <p>{party.message}</p>
              <dl className="facts">
                <dt>Party</dt>
                <dd className="mono">{partyInWords(party.partyType, party.partyId)}</dd>
                <dt>Name</dt>
                <dd>{party.name ?? 'MoMo did not give a name'}</dd>
                <dt>Active account holder</dt>
                <dd>{party.active === null ? 'MoMo could not say' : party.active ? 'Yes' : 'No'}</dd>
              </dl>
            </div>
          )}
          {confirmCancel && (
            <div className="confirm-production" role="dialog" aria-label="Cancel the transaction">
              <p>
                Cancel this {kindInWords(detail.kind).toLowerCase()}? The customer can no longer pay or approve it. This cannot be undone.
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy !== null}
                  onClick={() =>
                    act('Cancelling', async () => {
                      onUpdate(await callApi(api, 'cancelTransaction', { referenceId }));
                      setConfirmCancel(false);
                    })
                  }
                >
                  Yes, cancel it
                </button>
                <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => setConfirmCancel(false)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
          {refunding && (
            <RefundForm
              detail={detail}
              onClose={() => setRefunding(false)}
              onRefunded={(refund) => {
                setRefunding(false);
                onShow(refund);
              }}
            />
          )}
          {actions.deliveryNotification && <DeliveryNotificationForm key={referenceId} detail={detail} onSent={onUpdate} />}
        </section>
      )}

      <section className="card" aria-label="History">
        <h2>What happened</h2>
        <ol className="transaction-timeline" aria-label="Timeline">
          {detail.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className={`transaction-timeline__entry transaction-timeline__entry--${entry.kind}`}>
              <Time at={entry.at} /> <span>{entry.text}</span>
              {hasDetails(entry.details) && (
                <details>
                  <summary>Details</summary>
                  <pre>{asJson(entry.details)}</pre>
                </details>
              )}
            </li>
          ))}
        </ol>
        {detail.timeline.length === 0 && <p className="muted">Nothing recorded yet.</p>}
        <details className="transaction-request">
          <summary>Request as sent</summary>
          <pre>{detail.request === undefined || detail.request === null ? 'No request recorded: this transaction was not sent from this console.' : asJson(detail.request)}</pre>
        </details>
      </section>

      {detail.related.length > 0 && (
        <section className="card" aria-label="Related transactions">
          <h2>Related transactions</h2>
          <ul className="transaction-related">
            {detail.related.map((related) => (
              <li key={related.referenceId}>
                <span className="muted">{related.relation}:</span> {kindInWords(related.kind)}, <StatusWord status={related.status} />{' '}
                <button type="button" className="button button--link mono" onClick={() => onOpenReference(related.referenceId)}>
                  {related.referenceId}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function hasDetails(details: unknown): boolean {
  if (details === undefined || details === null) return false;
  if (typeof details === 'object') return Object.keys(details).length > 0;
  return true;
}

function asJson(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
