import type { Intent } from '../../src-preload/schemas/intent';
import { loadKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/schemas';
import { parseIntentWithRules } from './rule-parser';

/** Parses a request into an Intent with the offline rule parser (the default knowledge base if none given). */
export function parseIntent(query: string, kb: Knowledge = loadKnowledge()): Intent {
  return parseIntentWithRules(query, kb);
}
