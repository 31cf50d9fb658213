import type { AppContext } from '../app/context';
import { llmClientFromContext } from '../llm/from-settings';
import { defaultGenerateDeps } from './default-deps';
import { registerJob } from '../jobs/typed-jobs';
import { type GenerateDeps, runGenerate } from './generate-job';
import { runLlmGenerate } from './llm-engine';

let deps: GenerateDeps | null = null;
const lazyDeps = () => (deps ??= defaultGenerateDeps());

/** Job kind 'generate': params {kind, count, seed, engine}; engine 'llm' uses the client the LLM settings describe. */
export function registerGenerateJobs(ctx: AppContext): void {
  registerJob(ctx.runner, 'generate', async (job) => {
    const result =
      job.params.engine === 'llm'
      ? await runLlmGenerate(ctx.db, job.params, lazyDeps(), job, llmClientFromContext(ctx))
      : await runGenerate(ctx.db, job.params, lazyDeps(), job);
    ctx.events.emit('event', { type: 'data-changed', what: 'examples' });
    return result;
  });
}
