// Headless runs (the command line on a server, a scheduled payout) take
// credentials from the environment where no keychain runs; a variable that is
// set overrides the keychain for that run (DESIGN §8).
import type { MomoCredentials, MomoProduct } from '../momo/momo-connection';

const KEY_VARIABLES: Record<MomoProduct, string> = {
  collection: 'MOMO_COLLECTION_SUBSCRIPTION_KEY',
  disbursement: 'MOMO_DISBURSEMENT_SUBSCRIPTION_KEY',
  remittance: 'MOMO_REMITTANCE_SUBSCRIPTION_KEY',
};


export function withEnvironmentCredentials(base: MomoCredentials, env: NodeJS.ProcessEnv): MomoCredentials {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const subscriptionKeys = { ...base.subscriptionKeys };
  for (const [product, name] of Object.entries(KEY_VARIABLES) as [MomoProduct, string][]) {
    const key = value(name);
    if (key) subscriptionKeys[product] = key;
  }
  return { apiUser: value('MOMO_API_USER') ?? base.apiUser, apiKey: value('MOMO_API_KEY') ?? base.apiKey, subscriptionKeys };
}
