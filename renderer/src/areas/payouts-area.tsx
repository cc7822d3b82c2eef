import { AreaPage } from '../components/area-page';
import { EmptyState } from '../components/empty-state';

const STEPS = ['Import CSV', 'Review rows', 'Approve', 'Run', 'Report'];

export function PayoutsArea() {
  return (
    <AreaPage title="Payouts" summary="Pay many people from one CSV file: import, check every row, approve, watch it run, download the results.">
      <ol className="step-list" aria-label="Payout steps">
        {STEPS.map((step, index) => (
          <li key={step} className="step-list__item">
            <span className="step-list__number">{index + 1}</span>
            {step}
          </li>
        ))}
      </ol>
      <EmptyState title="No payout batches yet">
        <p>CSV import is not part of this build yet. Batches you import will be listed here with their progress and results.</p>
      </EmptyState>
    </AreaPage>
  );
}
