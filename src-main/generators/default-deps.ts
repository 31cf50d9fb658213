import { parseIntent } from '../intent-parser';
import { loadKnowledge } from '../knowledge/load';
import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { diffIntents } from '../review/intent-diff';
import type { GenerateDeps } from './generate-job';

/** The real domain engine: knowledge base, rule parser, intent diff, Nextflow validator. */
export function defaultGenerateDeps(): GenerateDeps {
  const kb = loadKnowledge();
  return {
    kb,
    parse: (q) => parseIntent(q, kb),
    diff: (expected, actual) => diffIntents(expected, actual),
    lint: (files) => checkWorkflow(files),
    toolIds: new Set(kb.tools.map((t) => t.id)),
  };
}
