import type { RequestWording } from '../knowledge/request-wording';

const cache = new WeakMap<RequestWording, [RegExp, Map<string, string>]>();

/**
 * A request written by someone who contracts ("I'm", "we're", "don't"): every full form of
 * request_wording.yaml contractions becomes its contraction, the first letter's case kept ("It is" ->
 * "It's"). Longer forms are matched first ("I have been" before "I have not").
 */
export function contract(text: string, wording: RequestWording): string {
  let hit = cache.get(wording);
  if (!hit) {
    const forms = new Map(Object.entries(wording.contractions).map(([full, short]) => [full.toLowerCase(), short]));
    const alternation = [...forms.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '\\s+')).join('|');
    hit = [new RegExp(`\\b(${alternation})\\b(?!['’])`, 'gi'), forms];
    cache.set(wording, hit);
  }
  const [pattern, forms] = hit;
  return text.replace(pattern, (m) => {
    const short = forms.get(m.toLowerCase().replace(/\s+/g, ' ')) ?? m;
    // "I" stays upper case; another form keeps the case of its first letter
    const first = m.charAt(0);
    return short.startsWith('I') ? short : (first === first.toUpperCase() ? short.charAt(0).toUpperCase() : short.charAt(0)) + short.slice(1);
  });
}
