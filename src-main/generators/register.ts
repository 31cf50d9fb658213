import type { AppContext } from '../app/context';
import { defaultGenerateDeps } from './default-deps';
import { type GenerateDeps, runGenerate } from './generate-job';

let deps: GenerateDeps | null = null;
const lazyDeps = () => (deps ??= defaultGenerateDeps());

/** Job kind 'generate': params {kind, count, seed, engine}. */
export function registerGenerateJobs(ctx: AppContext): void {
  ctx.runner.register('generate', async (job) => {
    const result = await runGenerate(ctx.db, job.params, lazyDeps(), job);
    ctx.events.emit('event', { type: 'data-changed', what: 'examples' });
    return result;
  });
}
