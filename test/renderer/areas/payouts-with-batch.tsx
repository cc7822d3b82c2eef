// The Payouts area over a fake window.momo, with a file already dropped in.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PayoutsArea } from '../../../renderer/src/areas/payouts-area';
import { createAppStores, StoresProvider } from '../../../renderer/src/stores/app-stores';
import { createFakeMomoApi } from '../fake-momo-api';

export async function renderPayoutsWithBatch() {
  const fake = createFakeMomoApi();
  const stores = createAppStores(fake.api, 'payouts');
  render(
    <StoresProvider stores={stores}>
      <PayoutsArea />
    </StoresProvider>,
  );
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText('Payout file'), new File(['msisdn,amount,id\n'], 'december.csv', { type: 'text/csv' }));
  await screen.findByRole('region', { name: 'Batch summary' });
  return { stores, user, ...fake };
}
