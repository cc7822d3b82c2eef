// A typed fake of window.momo for component tests: every channel answers from
// a table the test controls, and every call is recorded.
import type { ChannelName, ChannelResult, IpcResult, MomoApi } from '../../preload/contract';

type Answers = { [C in ChannelName]: IpcResult<ChannelResult<C>> };

export const defaultAnswers: Answers = {
  getAppInfo: {
    ok: true,
    value: { name: 'MoMo Console', version: '9.9.9', frontDoor: 'electron', runtime: { node: '24.0.0', electron: '45.0.0', chrome: '140' }, platform: 'linux', dataDir: '/home/finance/.config/MoMo Console' },
  },
  getActiveProfile: { ok: true, value: { name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } },
  getLocalSandbox: { ok: true, value: { state: 'running', url: 'http://127.0.0.1:41234', environment: 'sandbox', message: null } },
  openExternal: { ok: true, value: { opened: true } },
};

export function createFakeMomoApi(overrides: Partial<Answers> = {}) {
  const answers = { ...defaultAnswers, ...overrides };
  const calls: { channel: ChannelName; args: unknown }[] = [];
  const answer =
    <C extends ChannelName>(channel: C) =>
    async (args: unknown) => {
      calls.push({ channel, args });
      return answers[channel];
    };
  const api = {
    getAppInfo: answer('getAppInfo'),
    getActiveProfile: answer('getActiveProfile'),
    getLocalSandbox: answer('getLocalSandbox'),
    openExternal: answer('openExternal'),
    onBatchProgress: () => () => {},
    onTransactionStatus: () => () => {},
  } satisfies MomoApi;
  return { api, calls };
}
