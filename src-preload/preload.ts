// Sandboxed preload: exposes only window.api. It runs where `require` reaches only `electron` and a few
// built-ins, so it imports types alone from the contract (tests/unit/security/preload-sandbox.test.ts loads
// the built file under those rules). Channel names and payloads are validated in main by dispatch.
import { contextBridge, ipcRenderer } from 'electron';
import type { BiotrainApi } from './contract/api';
// envelope.ts is dependency-free: the bundler inlines it (only packages, like zod, stay external requires)
import { API_IPC_CHANNEL, type ApiEnvelope, EVENT_IPC_CHANNEL } from './contract/envelope';

const api: BiotrainApi = {
  invoke: (channel, request) => {
    if (typeof channel !== 'string') {
      const failure: ApiEnvelope = { ok: false, status: 400, error: 'channel must be a string' };
      return Promise.resolve(failure);
    }
    return ipcRenderer.invoke(API_IPC_CHANNEL, channel, request) as Promise<ApiEnvelope>;
  },
  onEvent: (listener) => {
    // the IpcRendererEvent (with its sender) stays in the preload
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_IPC_CHANNEL, wrapped);
    return () => ipcRenderer.off(EVENT_IPC_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
