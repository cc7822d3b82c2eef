// Builds the `window.momo` object from the contract over any transport: the
// Electron preload uses ipcRenderer, the loopback test bridge a WebSocket.
// Listeners receive only the parsed payload, never a transport event object.
import {
  channelNames,
  eventListenerName,
  eventNames,
  events,
  type ChannelName,
  type EventName,
  type IpcResult,
  type MomoApi,
} from './contract';

export interface ApiTransport {
  invoke(channel: ChannelName, args: unknown): Promise<IpcResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildMomoApi(transport: ApiTransport): MomoApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    api[name] = (args: unknown) => transport.invoke(name, args ?? {});
  }
  for (const name of eventNames) {
    api[eventListenerName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${eventListenerName(name)} needs a function`);
      return transport.subscribe(name, (payload) => {
        // Main is trusted, but a malformed event is a bug that must not reach a store.
        const parsed = events[name].safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
    };
  }
  return Object.freeze(api) as MomoApi;
}
