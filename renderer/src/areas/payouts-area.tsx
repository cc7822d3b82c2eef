import { AreaPage } from '../components/area-page';
import { usePayouts } from '../stores/app-stores';
import { ApprovalPanel } from './payouts/approval-dialog';
import { BatchOverview } from './payouts/batch-overview';
import { ImportPanel } from './payouts/import-panel';
import { RowTable } from './payouts/row-table';

const STEPS = ['Import CSV', 'Review rows', 'Approve', 'Run', 'Report'];

export function PayoutsArea() {
  const summary = usePayouts((s) => s.summary);
  const step = summary === null ? 0 : summary.approval.state === 'approved' ? 3 : 1;
  return (
    <AreaPage title="Payouts" summary="Pay many people from one CSV file: import, check every row, approve, watch it run, download the results.">
      <ol className="step-list" aria-label="Payout steps">
        {STEPS.map((name, index) => (
          <li key={name} className={`step-list__item${index === step ? ' step-list__item--current' : ''}`} aria-current={index === step ? 'step' : undefined}>
            <span className="step-list__number">{index + 1}</span>
            {name}
          </li>
        ))}
      </ol>
      <ImportPanel />
      <BatchOverview />
      <ApprovalPanel />
      <RowTable />
    </AreaPage>
  );
}
