import type { ApiEnvelope } from '../../src-preload/contract/envelope';
import type { AppContext } from '../app/context';
import { isServerFault } from './api-error';
import { dispatchEnvelope } from './dispatch';

/** The part of Electron's IpcMainInvokeEvent the handler reads (kept structural: no electron import here). */
export interface IpcCallEvent {
  senderFrame?: { url?: string } | null;
}

/**
 * The handler electron-main registers for API_IPC_CHANNEL: the renderer's window.api.invoke(name, request)
 * arrives as (event, name, request) and gets the bridge's envelope back. Only the app's own pages may call:
 * file:// pages, or the dev server when `devRendererUrl` is set. A 5xx (a fault of Biotrain, not of the
 * request) is logged through `log`, as the bridge logs its own.
 */
export function ipcApiHandler(ctx: AppContext, opts: { devRendererUrl?: string; log?: (line: string) => void } = {}) {
  return async (event: IpcCallEvent, name: unknown, request: unknown): Promise<ApiEnvelope> => {
    const from = event.senderFrame?.url;
    if (from && !from.startsWith('file://') && !(opts.devRendererUrl && from.startsWith(opts.devRendererUrl))) {
      return { ok: false, status: 403, error: `IPC from an unexpected origin (${from})` };
    }
    if (typeof name !== 'string') return { ok: false, status: 400, error: 'channel must be a string' };
    const envelope = await dispatchEnvelope(ctx, name, request);
    if (!envelope.ok && isServerFault(envelope)) opts.log?.(`error on ${name}: ${envelope.error}`);
    return envelope;
  };
}
