import type { Command } from 'commander';
import { registerEvalIntents } from './commands/eval-intents';
import { registerGenerate } from './commands/generate';
import { registerLintNf } from './commands/lint-nf';
import { registerParse } from './commands/parse';
import { registerServe } from './commands/serve';

/** Every CLI command; each lives in commands/<name>.ts and is added here. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerGenerate(program);
  registerParse(program);
  registerEvalIntents(program);
  registerLintNf(program);
}
