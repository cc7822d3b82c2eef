// Plays the preload's part when the renderer runs in plain Chromium against the
// loopback test bridge: installs `window.momo` from the same contract, over a
// WebSocket to the page's own origin. Development and end-to-end tests only.
import { buildMomoApi } from './api-builder';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from './bridge-protocol';
import type { ChannelName, EventName, IpcResult } from './contract';

const token = new URLSearchParams(window.location.hash.slice(1)).get(BRIDGE_TOKEN_PARAM) ?? '';
// Keep the token out of the visible address and of anything that reads it later.
history.replaceState(null, '', window.location.pathname + window.location.search);

const socket = new WebSocket(`ws://${window.location.host}${BRIDGE_PATH}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve());
  socket.addEventListener('error', () => reject(new Error('The test bridge is not reachable.')));
});
const pending = new Map<number, (result: IpcResult<unknown>) => void>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 0;

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as BridgeServerMessage;
  if (data.kind === 'result') {
    pending.get(data.id)?.(data.result as IpcResult<unknown>);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.event as EventName) ?? []) listener(data.payload);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) {
    resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'The connection to the console was lost.' } });
  }
  pending.clear();
});

async function invoke(channel: ChannelName, args: unknown): Promise<IpcResult<unknown>> {
  try {
    await opened;
  } catch (error) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: (error as Error).message } };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, token, channel, args }));
  });
}

(window as unknown as { momo: unknown }).momo = buildMomoApi({
  invoke,
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});
