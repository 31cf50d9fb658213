import type { Command } from 'commander';
import { registerServe } from './commands/serve';

/** Every CLI command; each lives in commands/<name>.ts and is added here. */
export function registerCommands(program: Command): void {
  registerServe(program);
}
