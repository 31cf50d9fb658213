// The one reply shape of every API call, over Electron IPC and over the HTTP bridge. Plain data only
// (structured-clone safe), so nothing is lost crossing a process boundary: the renderer client unwraps it
// once. Kept free of zod so the sandboxed preload can import its types.

/** A failed call: `status` uses HTTP meaning (400 invalid request, 404 unknown, 409 conflict, 500 ours). */
export interface ApiFailure {
  ok: false;
  status: number;
  error: string;
}

export interface ApiSuccess<T> {
  ok: true;
  result: T;
}

export type ApiEnvelope<T = unknown> = ApiSuccess<T> | ApiFailure;

/** The single IPC channel every contract call goes through: invoke(API_IPC_CHANNEL, channelName, request). */
export const API_IPC_CHANNEL = 'api';
/** The IPC channel main pushes AppEvents on. */
export const EVENT_IPC_CHANNEL = 'event';
