import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import type { Platform, RequestFocus } from '../knowledge/selection';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordMatcher = (words: readonly string[]) => new RegExp(`(?<![a-z0-9])(?:${words.map(escapeRe).join('|')})(?![a-z0-9])`, 'i');
const matchers = new WeakMap<object, RegExp>();
function matches(entry: { keywords: string[] }, text: string): boolean {
  let m = matchers.get(entry);
  if (!m) {
    m = wordMatcher(entry.keywords);
    matchers.set(entry, m);
  }
  return m.test(text);
}

/** The sequencing platform of a request: named in its text, else the data type's default, else Illumina. */
export function requestPlatform(intent: Pick<Intent, 'data_type'>, kb: Knowledge, text = ''): Platform {
  const { platforms } = kb.selection;
  const long = intent.data_type?.startsWith('long_read') ?? false;
  const named = platforms.filter((p) => matches(p, text));
  // a long-read analysis named with a long-read platform; an Illumina run mentioned beside it does not make it short-read
  const fitting = named.find((p) => (p.read_kind === 'long') === long) ?? (long ? undefined : named[0]);
  if (fitting) return fitting;
  return platforms.find((p) => intent.data_type != null && p.default_for.includes(intent.data_type)) ?? platforms.find((p) => p.default)!;
}

/** The platform the text names, if any (long-read platforms first). */
export function namedPlatform(kb: Knowledge, text = ''): Platform | null {
  const named = kb.selection.platforms.filter((p) => matches(p, text));
  return named.find((p) => p.read_kind === 'long') ?? named[0] ?? null;
}

/** Whether the request's text names a platform (else the platform is the data type's default). */
export function platformStated(kb: Knowledge, text = ''): boolean {
  return kb.selection.platforms.some((p) => matches(p, text));
}

/**
 * Every focus a request gives its analysis (a targeted panel and MSI in one somatic request), in file order: by its
 * wording, or for an `any_organism` focus by the organism it names (a metagenome's host).
 */
export function requestFocuses(intent: Pick<Intent, 'analysis_type' | 'organism'>, kb: Knowledge, text = ''): RequestFocus[] {
  return kb.selection.focus.filter((f) => f.analysis_type === intent.analysis_type && (matches(f, text) || (f.any_organism && intent.organism !== null)));
}

/** The focus a request's wording gives its analysis (piRNA in small RNA-seq), if any: the first in request_focus.yaml. */
export function requestFocus(intent: Pick<Intent, 'analysis_type' | 'organism'>, kb: Knowledge, text = ''): RequestFocus | null {
  return requestFocuses(intent, kb, text)[0] ?? null;
}
