// The profile a fresh install starts on: the embedded sandbox emulator, so the
// console works with no MTN account. Profile storage and switching arrive with
// the credentials work; until then this is the only profile there is.
import type { z } from 'zod';
import type { activeProfileSchema } from '../../preload/contract';

export const LOCAL_SANDBOX_PROFILE: z.output<typeof activeProfileSchema> = Object.freeze({
  name: 'Local sandbox',
  kind: 'local',
  environment: 'sandbox',
  currency: 'EUR',
});
