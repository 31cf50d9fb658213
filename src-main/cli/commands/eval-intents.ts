import type { Command } from 'commander';
import path from 'node:path';
import { FIRST_PARSE_SETS, FIRST_PARSE_SHARE, FIT_GENERATED, FOLDS, GENERATED_SHARE, SEEN_SETS, firstParseRows, fitConfidence, seenRequests } from '../../eval/confidence-fit';
import { formatReliabilityDiagram } from '../../eval/calibration';
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
        // every set the parser has been changed for (SEEN_SETS, beside the file named); never the unseen set
        const dir = path.dirname(opts.file);
        if (!SEEN_SETS.includes(path.basename(opts.file) as (typeof SEEN_SETS)[number])) fail(`${opts.file} is not one of the seen sets the confidence is fitted on (${SEEN_SETS.join(', ')})`);
        const tune = seenRequests(dir);
        const firstParse = firstParseRows(dir);
        const fit = fitConfidence(tune, kb, undefined, firstParse);
        // the cross-validation behind the choice of regularisation, on stderr: stdout is the model alone
        process.stderr.write(
          `fitted on ${tune.length} labelled requests of ${SEEN_SETS.join(', ')} and ${FIT_GENERATED.count} generated variations (seed ${FIT_GENERATED.seed}) weighing ${GENERATED_SHARE} of them, with ${firstParse.length} first parses of ${FIRST_PARSE_SETS.join(', ')} weighing ${FIRST_PARSE_SHARE} of them\n`,
        );
        for (const c of fit.cv)
          process.stderr.write(
            `l2 ${c.l2}${c.l2 === fit.l2 ? ' (chosen)' : ''}: ${FOLDS}-fold out-of-fold ECE labelled ${c.bySource.labelled.ece.toFixed(3)} (${c.bySource.labelled.wrong} wrong, ${(100 * c.bySource.labelled.wrongBelowHalf).toFixed(0)}% below 0.5), generated ${c.bySource.generated.ece.toFixed(3)}${c.bySource.first_parse.n > 0 ? `, first parses of ${FIRST_PARSE_SETS.join(', ')} ${c.bySource.first_parse.ece.toFixed(3)} (${c.bySource.first_parse.wrong} wrong, ${(100 * c.bySource.first_parse.wrongBelowHalf).toFixed(0)}% below 0.5)` : ''}\n`,
          );
        const chosen = fit.cv.find((c) => c.l2 === fit.l2)!;
        process.stderr.write(`out-of-fold reliability on the labelled requests (l2 ${fit.l2}):\n${formatReliabilityDiagram(chosen.bySource.labelled).join('\n')}\n`);
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
