// Drop a payout file here, or pick one; a template to start from.
import { useState, type DragEvent } from 'react';
import { usePayouts, useStores } from '../../stores/app-stores';
import { saveFile } from './save-file';

export function ImportPanel() {
  const payouts = useStores().payouts.getState;
  const busy = usePayouts((s) => s.busy);
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (file) await payouts().importFile({ name: file.name, bytes: await file.arrayBuffer() });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };
  return (
    <section className="card" aria-label="Import a payout file">
      <h2>Import a payout file</h2>
      <div
        className={`drop-zone${over ? ' drop-zone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>Drop a CSV or Excel "Unicode text" file here, or</p>
        <label className="button">
          Choose a file
          <input type="file" accept=".csv,.txt,text/csv,text/plain" className="visually-hidden" aria-label="Payout file" onChange={(event) => void take(event.target.files?.[0])} disabled={busy !== null} />
        </label>
        <p className="muted">Up to 100,000 rows and 20 MB. Columns: phone (or e-mail), amount, external id; currency, messages and name are optional.</p>
      </div>
      {busy === 'reading' || busy === 'checking' ? (
        <div role="status">
          <progress aria-label="Importing" /> {busy === 'reading' ? 'Reading the file…' : 'Checking every row…'}
        </div>
      ) : null}
      <button
        type="button"
        className="button button--link"
        onClick={() =>
          void payouts()
            .template()
            .then((file) => file && saveFile(file))
        }
      >
        Download a template
      </button>
    </section>
  );
}
