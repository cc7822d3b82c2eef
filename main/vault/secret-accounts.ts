// How a profile's secrets are named in the keychain: one account per secret,
// prefixed with the profile id so a profile's secrets can be found and removed.
import type { SecretRef } from '../../preload/contract';

export function secretAccount(profileId: string, ref: SecretRef): string {
  switch (ref.kind) {
    case 'api-user':
      return `${profileId}:api-user`;
    case 'api-key':
      return `${profileId}:api-key`;
    case 'subscription-key':
      return `${profileId}:subscription-key:${ref.product}:${ref.slot}`;
  }
}

export function describeSecret(ref: SecretRef): string {
  switch (ref.kind) {
    case 'api-user':
      return 'the API user id';
    case 'api-key':
      return 'the API key';
    case 'subscription-key':
      return `the ${ref.slot} ${ref.product} subscription key`;
  }
}
