import type { AppContext } from '../app/context';
import { registerBuildJobs } from '../build/register';
import { registerGenerateJobs } from '../generators/register';
import { registerInteractionJobs } from '../interactions/register';
import { registerModelEvalJobs } from '../model-eval/register';

/** Registers every job kind on a new context. Each part adds one line here. */
export function registerAllJobs(ctx: AppContext): void {
  registerGenerateJobs(ctx);
  registerBuildJobs(ctx);
  registerInteractionJobs(ctx);
  registerModelEvalJobs(ctx);
}
