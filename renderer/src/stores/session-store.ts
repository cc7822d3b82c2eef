// What the console is connected to: the app itself and the active profile.
import { createStore } from 'zustand/vanilla';
import type { ChannelResult } from '../../../preload/contract';
import { callApi, type MomoApi } from '../api/momo-client';

export interface SessionState {
  appInfo: ChannelResult<'getAppInfo'> | null;
  profile: ChannelResult<'getActiveProfile'> | null;
  localSandbox: ChannelResult<'getLocalSandbox'> | null;
  loading: boolean;
  load(): Promise<void>;
}

export function createSessionStore(api: MomoApi, reportError: (error: unknown) => void) {
  return createStore<SessionState>()((set) => ({
    appInfo: null,
    profile: null,
    localSandbox: null,
    loading: false,
    async load() {
      set({ loading: true });
      try {
        const [appInfo, profile, localSandbox] = await Promise.all([
          callApi(api, 'getAppInfo', {}),
          callApi(api, 'getActiveProfile', {}),
          callApi(api, 'getLocalSandbox', {}),
        ]);
        set({ appInfo, profile, localSandbox });
      } catch (error) {
        reportError(error);
      } finally {
        set({ loading: false });
      }
    },
  }));
}
