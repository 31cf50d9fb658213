import { dispatchEnvelope } from '../../src-main/api/dispatch';
import type { AppContext } from '../../src-main/app/context';

/** A channel call over dispatch (the code both doors run) that throws the envelope's error, with its status. */
export function dispatchCall(ctx: () => AppContext) {
  return async <T>(name: string, req: unknown): Promise<T> => {
    const env = await dispatchEnvelope(ctx(), name, req);
    if (!env.ok) throw Object.assign(new Error(env.error), { status: env.status });
    return env.result as T;
  };
}
