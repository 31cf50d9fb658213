import type { Command } from 'commander';
import { evaluateIntents, formatIntentEval } from '../../eval/intent-eval';
import { loadKnowledge } from '../../knowledge/load';
import { fail } from '../common';

export function registerEvalIntents(program: Command): void {
  program
    .command('eval-intents')
    .description('parse the 100 golden queries and print per-field accuracy, calibration and the confusion list')
    .option('--json', 'print the evaluation as JSON')
    .option('--min-accuracy <x>', 'exit 1 when analysis type or organism accuracy is below this', '0.95')
    .action((opts: { json?: boolean; minAccuracy: string }) => {
      const result = evaluateIntents(loadKnowledge());
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${formatIntentEval(result)}\n`);
      const min = Number(opts.minAccuracy);
      for (const field of ['analysis_type', 'organism'] as const) {
        if (result.perField[field] < min) fail(`${field} accuracy ${result.perField[field].toFixed(3)} is below ${min}`);
      }
    });
}
