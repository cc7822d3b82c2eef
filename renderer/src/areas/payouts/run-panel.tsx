// Paying an approved batch: start it, watch counts and amounts per status
// move, pause, resume or cancel it, download the results, retry what failed.
import { useState } from 'react';
import { usePayouts, useStores } from '../../stores/app-stores';
import { saveFile } from './save-file';

const STATUSES = ['QUEUED', 'SENDING', 'PENDING', 'SUCCESSFUL', 'FAILED', 'UNKNOWN'] as const;
const LABELS: Record<(typeof STATUSES)[number], string> = {
  QUEUED: 'Waiting',
  SENDING: 'Sending',
  PENDING: 'Pending at MoMo',
  SUCCESSFUL: 'Paid',
  FAILED: 'Failed',
  UNKNOWN: 'Unknown — check status',
};

export function RunPanel() {
  const summary = usePayouts((s) => s.summary);
  const run = usePayouts((s) => s.run);
  const busy = usePayouts((s) => s.busy);
  const payouts = useStores().payouts.getState;
  const [operation, setOperation] = useState<'transfer' | 'deposit-v1' | 'deposit-v2'>('transfer');
  if (!summary || summary.approval.state !== 'approved') return null;
  const started = run !== null && run.state !== undefined && run.state !== 'not-started';
  const done = run ? (run.counts.SUCCESSFUL ?? 0) + (run.counts.FAILED ?? 0) + (run.counts.UNKNOWN ?? 0) : 0;
  const currency = summary.totals[0]?.currency ?? '';
  return (
    <section className="card" aria-label="Payment run">
      <h2>Pay this batch</h2>
      {!started ? (
        <div className="form-actions">
          <label className="field field--inline">
            <span>Pay by</span>
            <select value={operation} onChange={(event) => setOperation(event.target.value as typeof operation)}>
              <option value="transfer">Transfer</option>
              <option value="deposit-v1">Deposit (v1)</option>
              <option value="deposit-v2">Deposit (v2)</option>
            </select>
          </label>
          <button type="button" className="button button--danger" disabled={busy !== null} onClick={() => void payouts().startRun(operation)}>
            Start paying {summary.totals[0]?.count.toLocaleString('en-US')} people
          </button>
        </div>
      ) : (
        <>
          <p role="status" aria-label="Run progress">
            <progress max={run.total} value={done} aria-label="Payments final" /> {done.toLocaleString('en-US')} of {run.total.toLocaleString('en-US')} final — {run.state}
            {run.pauseReason ? `: ${run.pauseReason}` : ''}
          </p>
          <dl className="facts run-counts">
            {STATUSES.filter((status) => (run.counts[status] ?? 0) > 0 || status === 'SUCCESSFUL' || status === 'FAILED').map((status) => (
              <div key={status} className={`run-count run-count--${status.toLowerCase()}`}>
                <dt>{LABELS[status]}</dt>
                <dd>
                  {(run.counts[status] ?? 0).toLocaleString('en-US')} · {run.amounts?.[status] ?? '0'} {currency}
                </dd>
              </div>
            ))}
          </dl>
          <div className="form-actions">
            {run.state === 'running' && (
              <button type="button" className="button button--secondary" onClick={() => void payouts().controlRun('pause')}>
                Pause
              </button>
            )}
            {run.state === 'paused' && (
              <button type="button" className="button" onClick={() => void payouts().controlRun('resume')}>
                Resume
              </button>
            )}
            {(run.state === 'running' || run.state === 'paused') && (
              <button type="button" className="button button--link" onClick={() => void payouts().controlRun('cancel')}>
                Cancel (send nothing more)
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={() => void payouts().report(false).then((file) => file && saveFile(file))}>
              Download results
            </button>
            {(run.counts.FAILED ?? 0) > 0 && (
              <>
                <button type="button" className="button button--secondary" onClick={() => void payouts().report(true).then((file) => file && saveFile(file))}>
                  Download failed rows
                </button>
                <button type="button" className="button" disabled={run.state === 'running'} onClick={() => void payouts().retryFailed()}>
                  Retry failed rows…
                </button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
