// Settings → MoMo callbacks: the port the console listens on for MoMo's
// callbacks (MoMo reaches it through a tunnel in real use). A callback only
// makes the console read that payment's status sooner; without one it still
// reads statuses on its own schedule.
import { useEffect, useState } from 'react';
import type { ChannelResult } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useStores } from '../../stores/app-stores';

type Receiver = ChannelResult<'getCallbackReceiver'>;

export function CallbackReceiverCard() {
  const { api, errors } = useStores();
  const [receiver, setReceiver] = useState<Receiver | null>(null);
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    callApi(api, 'getCallbackReceiver', {})
      .then((status) => {
        setReceiver(status);
        setPort(status.port === null ? '' : String(status.port));
      })
      .catch((error: unknown) => errors.getState().report(error));
  }, [api, errors]);
  const apply = (next: number | null) => {
    setBusy(true);
    callApi(api, 'setCallbackReceiver', { port: next })
      .then((status) => setReceiver(status))
      .catch((error: unknown) => errors.getState().report(error))
      .finally(() => setBusy(false));
  };
  const fixed = receiver !== null && receiver.source === 'process';
  return (
    <article className="card" aria-label="MoMo callbacks">
      <h2>MoMo callbacks</h2>
      <p>
        MoMo can tell the console when a payment's status changes. The console then reads that status at once instead of at its next scheduled check. Callbacks are never trusted on their own: the status always comes from
        MoMo's API.
      </p>
      {receiver === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p role="status">
            <span className={`status-dot ${receiver.running ? 'status-dot--ok' : ''}`} aria-hidden="true" />
            {receiver.running ? (
              <>
                Listening: MoMo (or your tunnel) must deliver to <code>{receiver.callbackUrl}</code>
              </>
            ) : (
              'Off: statuses are read on the console’s own schedule.'
            )}
          </p>
          {receiver.problem && <p className="error-code">{receiver.problem}</p>}
          {fixed ? (
            <p className="muted">This console was started with a callback port of its own (MOMO_CALLBACK_PORT); it cannot be changed here.</p>
          ) : (
            <form
              className="secret-form"
              onSubmit={(event) => {
                event.preventDefault();
                apply(Number(port));
              }}
            >
              <label className="field">
                <span>Port on this computer (1024–65535)</span>
                <input value={port} onChange={(event) => setPort(event.target.value.replace(/\D/g, ''))} inputMode="numeric" placeholder="8787" autoComplete="off" />
              </label>
              <button type="submit" className="button" disabled={busy || port === ''}>
                {receiver.running ? 'Move to this port' : 'Turn on'}
              </button>
              {receiver.running && (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => apply(null)}>
                  Turn off
                </button>
              )}
            </form>
          )}
        </>
      )}
    </article>
  );
}
