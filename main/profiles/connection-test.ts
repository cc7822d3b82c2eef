// "Test connection": for every product the profile has a key for, get a token
// and read the balance; report each product on its own, in plain words.
import { productSchema } from '../../preload/contract';
import { displayAmount } from '../money/amount';
import { MomoError } from '../momo/momo-errors';
import type { ProfileClients } from './profile-clients';
import type { ProfileService } from './profile-service';

export interface ProductCheck {
  product: 'collection' | 'disbursement' | 'remittance';
  outcome: 'ok' | 'failed' | 'skipped';
  balance: string | null;
  message: string | null;
}

export async function testConnection(deps: { profiles: ProfileService; clients: ProfileClients }, profileId: string): Promise<{ profileId: string; results: ProductCheck[] }> {
  const profile = deps.profiles.get(profileId);
  const client = await deps.clients.clientFor(profile);
  const credentials = await deps.clients.credentials(profile);
  const results = await Promise.all(
    productSchema.options.map(async (product): Promise<ProductCheck> => {
      if (!credentials.subscriptionKeys[product]) return { product, outcome: 'skipped', balance: null, message: 'No subscription key for this product.' };
      if (!credentials.apiUser || !credentials.apiKey) return { product, outcome: 'failed', balance: null, message: 'The API user and API key are not set for this profile.' };
      try {
        const { availableBalance, currency } = await client.product(product).getBalance();
        return { product, outcome: 'ok', balance: `${displayAmount(availableBalance, currency)} ${currency} available`, message: null };
      } catch (error) {
        if (!(error instanceof MomoError)) throw error;
        return { product, outcome: 'failed', balance: null, message: error.message };
      }
    }),
  );
  return { profileId, results };
}
