import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../../src-main/knowledge/schemas';
import { selectTools } from '../../src-main/tool-selector/index';
import { generateWorkflow } from '../../src-main/workflow-generator/index';

/** The generated project's files for an intent and its request text, with the tools the selector picks for that text. */
export function projectFor(kb: Knowledge, intent: Intent, text = ''): Record<string, string> {
  return generateWorkflow(intent, selectTools(intent, kb, text), kb, { text }).files;
}

/** A generated module's script block (from `script:` up to `stub:`). */
export const scriptOf = (module: string): string => module.slice(module.indexOf('    script:'), module.indexOf('    stub:'));
