import type { Knowledge } from '../knowledge/schemas';
import { namedPlatform } from '../tool-selector';

/**
 * A rendered request keeps the long-read platform its golden query names ("PacBio HiFi"), since the tool
 * choice depends on it: a sentence is added when the frame's wording dropped it.
 */
export function keepPlatform(text: string, goldenQuery: string, kb: Knowledge): string {
  const golden = namedPlatform(kb, goldenQuery);
  if (golden?.read_kind !== 'long' || namedPlatform(kb, text)?.id === golden.id) return text;
  const t = text.trim();
  return `${t}${/[.?!]$/.test(t) ? '' : '.'} The reads are ${golden.name}.`;
}
