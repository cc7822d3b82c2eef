// A typed fake of window.momo for component tests: every channel answers from
// a table the test controls (a fixed answer, or a function of the arguments),
// and every call is recorded.
import { channelNames, type ChannelArgs, type ChannelName, type ChannelResult, type IpcResult, type MomoApi, type SecretStatus } from '../../preload/contract';

type Answer<C extends ChannelName> = IpcResult<ChannelResult<C>> | ((args: ChannelArgs<C>) => IpcResult<ChannelResult<C>>);
type Answers = { [C in ChannelName]: Answer<C> };

const unset = { set: false, last4: null };
export const emptySecrets = (profileId: string): SecretStatus => ({
  profileId,
  apiUser: { set: false },
  apiKey: { set: false },
  subscriptionKeys: { collection: { primary: unset, secondary: unset }, disbursement: { primary: unset, secondary: unset }, remittance: { primary: unset, secondary: unset } },
  backend: 'memory',
});
const localProfile = { id: 'local-sandbox', name: 'Local sandbox', kind: 'local' as const, baseUrl: 'http://127.0.0.1', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };

export const defaultAnswers: Answers = {
  getAppInfo: {
    ok: true,
    value: { name: 'MoMo Console', version: '9.9.9', frontDoor: 'electron', runtime: { node: '24.0.0', electron: '45.0.0', chrome: '140' }, platform: 'linux', dataDir: '/home/finance/.config/MoMo Console' },
  },
  getActiveProfile: { ok: true, value: { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } },
  getLocalSandbox: { ok: true, value: { state: 'running', url: 'http://127.0.0.1:41234', environment: 'sandbox', message: null } },
  openExternal: { ok: true, value: { opened: true } },
  listProfiles: { ok: true, value: { activeProfileId: 'local-sandbox', profiles: [localProfile], problem: null } },
  createProfile: (args) => ({ ok: true, value: { ...args, id: args.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), limits: args.limits ?? {} } }),
  updateProfile: { ok: false, error: { code: 'INTERNAL', message: 'not faked' } },
  deleteProfile: { ok: true, value: { deleted: true } },
  activateProfile: { ok: true, value: { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } },
  setSecret: (args) => ({ ok: true, value: emptySecrets(args.profileId) }),
  clearSecret: (args) => ({ ok: true, value: emptySecrets(args.profileId) }),
  getSecretStatus: (args) => ({ ok: true, value: { ...emptySecrets(args.profileId), backend: args.profileId === 'local-sandbox' ? 'local-sandbox' : 'memory' } }),
  getKeychainStatus: { ok: true, value: { backend: 'os-keychain', label: 'the system keychain (Secret Service)', persistent: true, problem: null, advice: null } },
  provisionProfile: (args) => ({ ok: true, value: { profileId: args.profileId, providerCallbackHost: args.callbackHost, targetEnvironment: 'sandbox', reused: false } }),
  testConnection: (args) => ({ ok: true, value: { profileId: args.profileId, results: [] } }),
};

export function createFakeMomoApi(overrides: Partial<Answers> = {}) {
  const answers = { ...defaultAnswers, ...overrides };
  const calls: { channel: ChannelName; args: unknown }[] = [];
  const answer =
    <C extends ChannelName>(channel: C) =>
    async (args: ChannelArgs<C>) => {
      calls.push({ channel, args });
      const given = answers[channel] as Answer<C>;
      return typeof given === 'function' ? given(args) : given;
    };
  const api = {
    ...(Object.fromEntries(channelNames.map((name) => [name, answer(name)])) as { [C in ChannelName]: (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>> }),
    onBatchProgress: () => () => {},
    onTransactionStatus: () => () => {},
  } satisfies MomoApi;
  return { api, calls };
}
