import type { ApiFailure } from '../../src-preload/contract/envelope';

/** An error a handler throws on purpose; `status` has HTTP meaning and survives every transport. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * The failure envelope for anything a handler threw: an ApiError keeps its status and message; anything
 * else is a 500 whose message is kept (the caller logs it, see `isServerFault`).
 */
export function failureOf(err: unknown): ApiFailure {
  if (err instanceof ApiError) return { ok: false, status: err.status, error: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, status: 500, error: message || 'internal error' };
}

export const isServerFault = (f: ApiFailure): boolean => f.status >= 500;
