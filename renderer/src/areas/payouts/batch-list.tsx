// Earlier batches of the active profile, to open again (results, resume, retry).
import { useEffect } from 'react';
import { usePayouts, useStores } from '../../stores/app-stores';

export function BatchList() {
  const batches = usePayouts((s) => s.batches);
  const current = usePayouts((s) => s.summary?.batchId);
  const payouts = useStores().payouts.getState;
  useEffect(() => {
    void payouts().loadBatches();
  }, [payouts, current]);
  if (batches.length === 0) return null;
  return (
    <section className="card" aria-label="Batches">
      <h2>Batches</h2>
      <ul className="profile-list">
        {batches.map((batch) => (
          <li key={batch.batchId} className={`profile-card${batch.batchId === current ? ' profile-card--selected' : ''}`}>
            <button type="button" className="profile-card__select" onClick={() => void payouts().openBatch(batch.batchId)}>
              <span className="profile-card__name">{batch.fileName.replace(/^.*[\\/]/, '')}</span>
              <span className="muted">{new Date(batch.importedAt).toLocaleString('en-GB')}</span>
            </button>
            <span className="kind-chip">{batch.state}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
