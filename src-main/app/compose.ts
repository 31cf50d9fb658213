// The composition root: the one place where a context meets the job kinds. The three entry points
// (electron-main, the CLI including `serve`, and reviewer mode) open their context here.
import { registerAllJobs } from '../jobs/register-all';
import { type AppContext, createAppContext } from './context';

export function openAppContext(opts: Parameters<typeof createAppContext>[0]): AppContext {
  const ctx = createAppContext(opts);
  registerAllJobs(ctx);
  return ctx;
}
