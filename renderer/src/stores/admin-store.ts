// The Admin area's state: profiles, the selected profile's secret status,
// provisioning and connection-test results, and where secrets are kept.
// Secret values pass through here only on their way to main (setSecret); the
// store never holds one.
import { createStore } from 'zustand/vanilla';
import type { ChannelArgs, ChannelResult, Profile, SecretRef } from '../../../preload/contract';
import { callApi, type MomoApi } from '../api/momo-client';

export type ProfileDraft = ChannelArgs<'createProfile'>;

export interface AdminState {
  profiles: Profile[];
  activeProfileId: string | null;
  problem: ChannelResult<'listProfiles'>['problem'];
  keychain: ChannelResult<'getKeychainStatus'> | null;
  selectedId: string | null;
  secrets: ChannelResult<'getSecretStatus'> | null;
  connection: ChannelResult<'testConnection'> | null;
  provisioned: ChannelResult<'provisionProfile'> | null;
  /** What is under way, for progress and disabled buttons. */
  busy: 'loading' | 'saving' | 'provisioning' | 'testing' | null;
  notice: string | null;
  load(): Promise<void>;
  select(id: string): Promise<void>;
  create(draft: ProfileDraft): Promise<boolean>;
  update(id: string, changes: ChannelArgs<'updateProfile'>['changes']): Promise<boolean>;
  remove(id: string): Promise<void>;
  activate(id: string, confirmName?: string): Promise<boolean>;
  setSecret(secret: SecretRef, value: string): Promise<boolean>;
  clearSecret(secret: SecretRef): Promise<void>;
  provision(callbackHost: string): Promise<void>;
  testConnection(): Promise<void>;
}

export function createAdminStore(api: MomoApi, reportError: (error: unknown) => void, onActiveChanged: () => void) {
  return createStore<AdminState>()((set, get) => {
    const attempt = async (busy: NonNullable<AdminState['busy']>, work: () => Promise<void>): Promise<boolean> => {
      set({ busy, notice: null });
      try {
        await work();
        return true;
      } catch (error) {
        reportError(error);
        return false;
      } finally {
        set({ busy: null });
      }
    };
    const refreshList = async () => {
      const list = await callApi(api, 'listProfiles', {});
      set({ profiles: list.profiles, activeProfileId: list.activeProfileId, problem: list.problem });
    };
    const selected = () => {
      const id = get().selectedId;
      if (id === null) throw new Error('no profile selected');
      return id;
    };
    return {
      profiles: [],
      activeProfileId: null,
      problem: null,
      keychain: null,
      selectedId: null,
      secrets: null,
      connection: null,
      provisioned: null,
      busy: null,
      notice: null,
      async load() {
        await attempt('loading', async () => {
          const [keychain] = await Promise.all([callApi(api, 'getKeychainStatus', {}), refreshList()]);
          set({ keychain });
          const id = get().selectedId ?? get().activeProfileId;
          if (id) set({ selectedId: id, secrets: await callApi(api, 'getSecretStatus', { profileId: id }) });
        });
      },
      async select(id) {
        set({ selectedId: id, secrets: null, connection: null, provisioned: null });
        await attempt('loading', async () => set({ secrets: await callApi(api, 'getSecretStatus', { profileId: id }) }));
      },
      async create(draft) {
        return attempt('saving', async () => {
          const profile = await callApi(api, 'createProfile', draft);
          await refreshList();
          set({ selectedId: profile.id, secrets: await callApi(api, 'getSecretStatus', { profileId: profile.id }), connection: null, provisioned: null, notice: `Profile "${profile.name}" created.` });
        });
      },
      async update(id, changes) {
        return attempt('saving', async () => {
          const profile = await callApi(api, 'updateProfile', { id, changes });
          await refreshList();
          set({ notice: `Profile "${profile.name}" saved.` });
          if (id === get().activeProfileId) onActiveChanged();
        });
      },
      async remove(id) {
        await attempt('saving', async () => {
          await callApi(api, 'deleteProfile', { id });
          await refreshList();
          const next = get().activeProfileId;
          set({ selectedId: next, secrets: next ? await callApi(api, 'getSecretStatus', { profileId: next }) : null, connection: null, provisioned: null, notice: 'Profile deleted, with its secrets.' });
          onActiveChanged();
        });
      },
      async activate(id, confirmName) {
        return attempt('saving', async () => {
          const profile = await callApi(api, 'activateProfile', { id, ...(confirmName === undefined ? {} : { confirmName }) });
          await refreshList();
          set({ notice: `Now working in "${profile.name}".` });
          onActiveChanged();
        });
      },
      async setSecret(secret, value) {
        return attempt('saving', async () => {
          set({ secrets: await callApi(api, 'setSecret', { profileId: selected(), secret, value }), connection: null });
        });
      },
      async clearSecret(secret) {
        await attempt('saving', async () => {
          set({ secrets: await callApi(api, 'clearSecret', { profileId: selected(), secret }), connection: null });
        });
      },
      async provision(callbackHost) {
        await attempt('provisioning', async () => {
          const profileId = selected();
          const provisioned = await callApi(api, 'provisionProfile', { profileId, callbackHost });
          set({ provisioned, secrets: await callApi(api, 'getSecretStatus', { profileId }) });
        });
      },
      async testConnection() {
        await attempt('testing', async () => {
          set({ connection: await callApi(api, 'testConnection', { profileId: selected() }) });
        });
      },
    };
  });
}
