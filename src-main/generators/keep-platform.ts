import type { Knowledge } from '../knowledge/schemas';
import { namedPlatform, platformsNamed } from '../tool-selector';

/**
 * A rendered request keeps the long-read platform its golden query names ("PacBio HiFi"), since the tool
 * choice depends on it: a sentence is added when the frame's wording dropped it. A wording that names another
 * platform ("HiFi variant calling" for a nanopore study) gives null, since adding the golden's would contradict it.
 */
export function keepPlatform(text: string, goldenQuery: string, kb: Knowledge): string | null {
  const golden = namedPlatform(kb, goldenQuery);
  if (golden?.read_kind !== 'long') return text;
  const named = platformsNamed(kb, text);
  if (named.some((p) => p.id !== golden.id)) return null;
  if (named.length > 0) return text;
  const t = text.trim();
  return `${t}${/[.?!]$/.test(t) ? '' : '.'} The reads are ${golden.name}.`;
}

/** Renders a request until its wording keeps the golden query's platform (a wording that names another is drawn again). */
export function renderKeepingPlatform<Q extends { text: string }>(render: () => Q, goldenQuery: string, kb: Knowledge): { query: Q; text: string } {
  for (let attempt = 1; ; attempt++) {
    const query = render();
    const text = keepPlatform(query.text, goldenQuery, kb);
    if (text !== null) return { query, text };
    if (attempt === 50) throw new Error(`no wording of "${goldenQuery}" in 50 draws keeps its platform: its analysis phrases all name another`);
  }
}
