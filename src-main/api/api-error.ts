import type { ApiFailure } from '../../src-preload/contract/envelope';
import { ClientError } from '../util/client-error';

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
 * The failure envelope for anything a handler threw: an ApiError or a service's ClientError (the caller's
 * mistake: unknown id, conflicting state) keeps its status and message; a store held by another writer past
 * the busy timeout is a 503 (retry); anything else is a 500 whose message is kept (the caller logs it, see
 * `isServerFault`).
 */
export function failureOf(err: unknown): ApiFailure {
  if (err instanceof ApiError || err instanceof ClientError) return { ok: false, status: err.status, error: err.message };
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY') return { ok: false, status: 503, error: `the store is busy with another writer; retry (${message})` };
  return { ok: false, status: 500, error: message || 'internal error' };
}

export const isServerFault = (f: ApiFailure): boolean => f.status >= 500;
