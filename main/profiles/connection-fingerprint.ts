// Where a payment goes: MoMo's address, the target environment, the currency,
// the profile's kind and (a hash of) its API user. A profile edited to point
// anywhere else reaches another MoMo, or another merchant's account: what was
// sent through it before is never sent again, read or acted on there.
import { createHash } from 'node:crypto';
import type { Profile } from '../../preload/contract';
import type { ProfileClients } from './profile-clients';

export async function connectionFingerprint(profile: Profile, clients: Pick<ProfileClients, 'apiUser'>): Promise<string> {
  // The local sandbox makes a new address and API user at every start; it is one MoMo all the same.
  if (profile.kind === 'local') return JSON.stringify(['local-sandbox', profile.targetEnvironment, profile.currency, profile.kind]);
  const apiUser = await clients.apiUser(profile);
  return JSON.stringify([profile.baseUrl, profile.targetEnvironment, profile.currency, profile.kind, createHash('sha256').update(apiUser).digest('hex').slice(0, 16)]);
}
