import type { Command } from 'commander';
import { FIT_GENERATED, FOLDS, fitConfidence } from '../../eval/confidence-fit';
import { evaluateIntents, evaluateLabelled, formatIntentEval, formatLabelledEval } from '../../eval/intent-eval';
import { loadLabelledRequests } from '../../eval/labelled-requests';
import { CONFIDENCE_L2 } from '../../intent-parser/confidence';
import { loadKnowledge } from '../../knowledge/load';
import { fail } from '../common';

interface Opts {
  json?: boolean;
  minAccuracy: string;
  file?: string;
  split?: string;
  fitConfidence?: boolean;
}

export function registerEvalIntents(program: Command): void {
  program
    .command('eval-intents')
    .description(
      'parse the 100 golden queries (or the labelled requests of --file) and print per-field accuracy, request-kind accuracy, the confusion list and calibration with a reliability diagram',
    )
    .option('--file <jsonl>', 'score this labelled JSONL instead: one {id, query, expected: {request_kind, analysis_type, organism, ...}, split?} per line')
    .option('--split <name>', 'with --file: score only the tune or heldout portion')
    .option('--fit-confidence', "with --file: print the rule parser's confidence models refitted on the file's tune requests and generated variations (JSON; the cross-validation on stderr)")
    .option('--json', 'print the evaluation as JSON')
    .option('--min-accuracy <x>', 'exit 1 when analysis type or organism accuracy (with --file: analysis type or request kind) is below this', '0.95')
    .action((opts: Opts) => {
      const kb = loadKnowledge();
      const min = Number(opts.minAccuracy);
      if (!opts.file) {
        const result = evaluateIntents(kb);
        if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(`${formatIntentEval(result)}\n`);
        for (const field of ['analysis_type', 'organism'] as const) {
          if (result.perField[field] < min) fail(`${field} accuracy ${result.perField[field].toFixed(3)} is below ${min}`);
        }
        return;
      }
      if (opts.split && opts.split !== 'tune' && opts.split !== 'heldout') fail(`--split must be tune or heldout, not ${opts.split}`);
      let loaded: ReturnType<typeof loadLabelledRequests>;
      try {
        loaded = loadLabelledRequests(opts.file);
      } catch (e) {
        fail(`cannot read ${opts.file}: ${(e as Error).message}`);
      }
      for (const e of loaded.errors) process.stderr.write(`${opts.file}:${e.line}: ${e.reason}\n`);
      if (opts.fitConfidence) {
        // held-out requests never shape the parser: only the tune portion is fitted on
        const tune = loaded.requests.filter((r) => r.split === 'tune');
        if (tune.length === 0) fail(`${opts.file}: no tune requests to fit the confidence models on`);
        const fit = fitConfidence(tune, kb);
        // the cross-validation behind the choice of regularisation, on stderr: stdout is the model alone
        process.stderr.write(`fitted on ${tune.length} tune requests and ${FIT_GENERATED.count} generated variations (seed ${FIT_GENERATED.seed}), each source weighing the same\n`);
        for (const c of fit.cv)
          process.stderr.write(
            `l2 ${c.l2}${c.l2 === fit.l2 ? ' (chosen)' : ''}: ${FOLDS}-fold out-of-fold ECE labelled ${c.bySource.labelled.ece.toFixed(3)}, generated ${c.bySource.generated.ece.toFixed(3)}\n`,
          );
        if (fit.l2 !== CONFIDENCE_L2) process.stderr.write(`the cross-validation now chooses l2 ${fit.l2}: set CONFIDENCE_L2 to it with the model\n`);
        process.stdout.write(`${JSON.stringify(fit.model)}\n`);
        return;
      }
      const requests = opts.split ? loaded.requests.filter((r) => r.split === opts.split) : loaded.requests;
      if (requests.length === 0) fail(`${opts.file}: no labelled requests${opts.split ? ` in split ${opts.split}` : ''}`);
      const result = evaluateLabelled(requests, kb);
      if (opts.json) process.stdout.write(`${JSON.stringify({ file: opts.file, errors: loaded.errors, ...result }, null, 2)}\n`);
      else process.stdout.write(`${formatLabelledEval(result, opts.file)}\n`);
      const checks: [string, { n: number; accuracy: number }][] = [
        ['analysis_type', result.overall.analysisType],
        ['request_kind', result.overall.requestKind],
      ];
      for (const [field, s] of checks) if (s.n > 0 && s.accuracy < min) fail(`${field} accuracy ${s.accuracy.toFixed(3)} is below ${min}`);
      if (loaded.errors.length) fail(`${loaded.errors.length} line(s) of ${opts.file} are not labelled requests`);
    });
}
