import type { z } from 'zod';
import { type ChannelName, contract, isChannelName } from '../../src-preload/contract';
import type { ApiEnvelope } from '../../src-preload/contract/envelope';
import type { AppContext } from '../app/context';
import { INTERACTIVE_BUSY_TIMEOUT_MS, withBusyTimeout } from '../store/connection-pragmas';
import { ApiError, failureOf } from './api-error';
import { allHandlers } from './handlers';
import type { Handler } from './types';

function describeZod(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * The one entry for every API call (IPC and HTTP bridge): validates the request with the contract's zod
 * schema, runs the handler, validates the response. Unknown channels are 404s, invalid payloads 400s; a
 * store held by another writer for more than INTERACTIVE_BUSY_TIMEOUT_MS is a 503 (see failureOf).
 */
export async function dispatch(ctx: AppContext, name: string, rawRequest: unknown): Promise<unknown> {
  if (!isChannelName(name)) throw new ApiError(404, `unknown channel '${name}'`);
  const ch = contract[name];
  const parsed = ch.request.safeParse(rawRequest ?? {});
  if (!parsed.success) throw new ApiError(400, `invalid request for ${name}: ${describeZod(parsed.error)}`);
  const handler = allHandlers[name] as Handler<ChannelName> as (req: unknown, ctx: AppContext) => unknown;
  // the handler's synchronous part (all of a review decision) gives up on a busy store sooner than a job
  const result = await withBusyTimeout(ctx.db, INTERACTIVE_BUSY_TIMEOUT_MS, () => handler(parsed.data, ctx));
  const out = ch.response.safeParse(result);
  if (!out.success) throw new ApiError(500, `handler for ${name} returned an invalid response: ${describeZod(out.error)}`);
  return out.data;
}

/** `dispatch`, answered as the envelope both doors send: `{ok, result}` or `{ok: false, status, error}`. */
export async function dispatchEnvelope(ctx: AppContext, name: string, rawRequest: unknown): Promise<ApiEnvelope> {
  try {
    return { ok: true, result: await dispatch(ctx, name, rawRequest) };
  } catch (err) {
    return failureOf(err);
  }
}
