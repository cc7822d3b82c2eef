// The preload is the one file that touches ipcRenderer; Electron cannot run
// here, so `electron` is replaced by a recorder and the real preload module runs.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, eventListenerName, eventNames, ipcChannel, ipcEventChannel } from '../../preload/contract';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (_channel: string, _args: unknown) => ({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) => invoke(channel, args),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

type ExposedApi = Record<string, (...args: unknown[]) => unknown>;

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    exposed.clear();
    listeners.clear();
    invoke.mockClear();
    await import('../../preload/index');
  });

  it('exposes only window.momo', () => {
    expect([...exposed.keys()]).toEqual(['momo']);
  });

  it('exposes exactly one function per contract channel and event, and nothing else', () => {
    const api = exposed.get('momo') as ExposedApi;
    const expected = [...channelNames, ...eventNames.map(eventListenerName)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const key of expected) expect(typeof api[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the namespaced channel with the argument', async () => {
    const api = exposed.get('momo') as ExposedApi;
    await expect(api.openExternal?.({ url: 'https://momodeveloper.mtn.com/' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith(ipcChannel('openExternal'), { url: 'https://momodeveloper.mtn.com/' });
  });

  it('hands listeners the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const api = exposed.get('momo') as ExposedApi;
    const received: unknown[][] = [];
    const unsubscribe = api.onBatchProgress?.((...args: unknown[]) => received.push(args)) as () => void;
    const channel = ipcEventChannel('batchProgress');
    const fakeEvent = { sender: { send: () => {} }, senderId: 0 };
    const payload = { batchId: 'b1', total: 3, counts: { SUCCESSFUL: 1 } };
    for (const listener of listeners.get(channel) ?? []) listener(fakeEvent, payload);
    expect(received).toEqual([[payload]]);

    // A malformed event never reaches the renderer.
    for (const listener of listeners.get(channel) ?? []) listener(fakeEvent, { batchId: 'b1', total: -1 });
    expect(received).toHaveLength(1);

    unsubscribe();
    expect(listeners.get(channel)?.size).toBe(0);
  });
});
