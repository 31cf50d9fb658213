import { parseIntent } from '../intent-parser';
import { loadKnowledge } from '../knowledge/load';
import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { asStated } from '../task-contract/stated-analysis';
import { diffIntents } from '../review/intent-diff';
import type { GenerateDeps } from './generate-job';

/** The real domain engine: knowledge base, rule parser, intent diff, Nextflow validator. */
export function defaultGenerateDeps(): GenerateDeps {
  const kb = loadKnowledge();
  return {
    kb,
    // the round trip reads a request as the task contract does: one that states no analysis has none
    parse: (q) => asStated(parseIntent(q, kb), q, kb),
    diff: (expected, actual) => diffIntents(expected, actual),
    lint: (files) => checkWorkflow(files),
    toolIds: new Set(kb.tools.map((t) => t.id)),
  };
}
