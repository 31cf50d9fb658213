import type { Command } from 'commander';
import { registerBuild } from './commands/build';
import { registerClusters } from './commands/clusters';
import { registerBundle } from './commands/bundle';
import { registerEvalIntents } from './commands/eval-intents';
import { registerEvalModel } from './commands/eval-model';
import { registerExport } from './commands/export';
import { registerGenerate } from './commands/generate';
import { registerImportFeedback } from './commands/import-feedback';
import { registerLintNf } from './commands/lint-nf';
import { registerParse } from './commands/parse';
import { registerServe } from './commands/serve';

/** Every CLI command; each lives in commands/<name>.ts and is added here. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerBuild(program);
  registerClusters(program);
  registerGenerate(program);
  registerParse(program);
  registerEvalIntents(program);
  registerEvalModel(program);
  registerLintNf(program);
  registerImportFeedback(program);
  registerExport(program);
  registerBundle(program);
}
