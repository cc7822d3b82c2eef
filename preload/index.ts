// The Electron preload: exposes exactly the contract's functions on
// `window.momo`. It is the only place in the project that touches ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildMomoApi } from './api-builder';
import { ipcChannel, ipcEventChannel, type IpcResult } from './contract';

const api = buildMomoApi({
  invoke: (channel, args) => ipcRenderer.invoke(ipcChannel(channel), args) as Promise<IpcResult<unknown>>,
  subscribe: (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcEventChannel(event), wrapped);
    return () => {
      ipcRenderer.removeListener(ipcEventChannel(event), wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('momo', api);
