import type { z } from 'zod';
import { type ChannelName, contract, isChannelName } from '../../src-preload/contract';
import type { AppContext } from '../app/context';
import { allHandlers } from './handlers';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function describeZod(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * The one entry for every API call (IPC and HTTP bridge): validates the request with the contract's zod
 * schema, runs the handler, validates the response. Unknown channels and invalid payloads are 400s.
 */
export async function dispatch(ctx: AppContext, name: string, rawRequest: unknown): Promise<unknown> {
  if (!isChannelName(name)) throw new ApiError(404, `unknown channel '${name}'`);
  const ch = contract[name as ChannelName];
  const parsed = ch.request.safeParse(rawRequest ?? {});
  if (!parsed.success) throw new ApiError(400, `invalid request for ${name}: ${describeZod(parsed.error)}`);
  const handler = allHandlers[name as ChannelName] as ((req: unknown, ctx: AppContext) => unknown) | undefined;
  if (!handler) throw new ApiError(501, `channel '${name}' has no handler in this build`);
  const result = await handler(parsed.data, ctx);
  const out = ch.response.safeParse(result);
  if (!out.success) throw new ApiError(500, `handler for ${name} returned an invalid response: ${describeZod(out.error)}`);
  return out.data;
}
