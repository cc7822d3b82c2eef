import { AreaPage } from '../components/area-page';
import { usePayouts } from '../stores/app-stores';
import { ApprovalPanel } from './payouts/approval-dialog';
import { BatchList } from './payouts/batch-list';
import { BatchOverview } from './payouts/batch-overview';
import { ImportPanel } from './payouts/import-panel';
import { RowTable } from './payouts/row-table';
import { RunPanel } from './payouts/run-panel';

const STEPS = ['Import CSV', 'Review rows', 'Approve', 'Run', 'Report'];

export function PayoutsArea() {
  const summary = usePayouts((s) => s.summary);
  const run = usePayouts((s) => s.run);
  const step = summary === null ? 0 : summary.approval.state !== 'approved' ? 1 : run?.state === 'finished' ? 4 : run && run.state !== 'not-started' ? 3 : 2;
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
      <RunPanel />
      <RowTable />
      <BatchList />
    </AreaPage>
  );
}
