import { AreaPage } from '../components/area-page';
import { EmptyState } from '../components/empty-state';

const PRODUCTS = ['Collection', 'Disbursement', 'Remittance'];

export function BalancesArea() {
  return (
    <AreaPage title="Balances" summary="The money in each MoMo product account of the active profile.">
      <div className="card-grid">
        {PRODUCTS.map((product) => (
          <article key={product} className="card" aria-label={`${product} balance`}>
            <h2>{product}</h2>
            <p className="card__figure">—</p>
            <p className="muted">No reading yet</p>
          </article>
        ))}
      </div>
      <EmptyState title="No balance history">
        <p>Balance readings are not part of this build yet. Each reading will be stored and charted here.</p>
      </EmptyState>
    </AreaPage>
  );
}
