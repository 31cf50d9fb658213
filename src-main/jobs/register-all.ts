import type { AppContext } from '../app/context';

/** Registers every job kind on a new context. Each part adds one line here. */
export function registerAllJobs(_ctx: AppContext): void {}
