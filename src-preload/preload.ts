// Sandboxed preload: exposes only window.api (invoke a contract channel, subscribe to events).
import { contextBridge, ipcRenderer } from 'electron';
import { type BiotrainApi, isChannelName } from './contract';

const api: BiotrainApi = {
  invoke: (channel, request) => {
    if (!isChannelName(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  onEvent: (listener) => {
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on('event', wrapped);
    return () => ipcRenderer.off('event', wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
