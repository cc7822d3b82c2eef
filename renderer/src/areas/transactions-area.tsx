import { AreaPage } from '../components/area-page';
import { EmptyState } from '../components/empty-state';

export function TransactionsArea() {
  return (
    <AreaPage title="Transactions" summary="Answer “did this payment go through?”: find a transaction by reference id, external id or phone number.">
      <EmptyState title="No transactions to show">
        <p>Transaction lookup is not part of this build yet. Every payment and collection the console makes will be searchable here.</p>
      </EmptyState>
    </AreaPage>
  );
}
