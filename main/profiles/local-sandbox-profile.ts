// The profile a fresh install starts on: the embedded sandbox emulator, so the
// console works with no MTN account. Its URL and credentials come from the
// emulator running in-process; the base URL here is only a placeholder.
import type { Profile } from '../../preload/contract';

export const LOCAL_SANDBOX_ID = 'local-sandbox';

export const LOCAL_SANDBOX_PROFILE: Profile = Object.freeze({
  id: LOCAL_SANDBOX_ID,
  name: 'Local sandbox',
  kind: 'local',
  baseUrl: 'http://127.0.0.1',
  targetEnvironment: 'sandbox',
  currency: 'EUR',
  limits: {},
});
