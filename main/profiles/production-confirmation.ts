// Money moved through a production profile is confirmed by typing the
// profile's name: the one check behind switching to it, approving a batch and
// sending a payment or refund, each with its own words.
import type { Profile } from '../../preload/contract';
import { AppError } from '../ipc/app-error';

export function confirmProduction(profile: Pick<Profile, 'kind' | 'name'>, typedName: string | undefined, message: string, details?: unknown): void {
  if (profile.kind === 'production' && typedName?.trim() !== profile.name) throw new AppError('CONFIRMATION_REQUIRED', message, details);
}
