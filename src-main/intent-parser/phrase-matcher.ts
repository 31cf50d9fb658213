const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The phrases as one regex trie ('de novo', 'de novo assembly' -> 'de novo(?: assembly)?'): a regex engine tries
 * the alternatives of a flat list one by one at every position, a trie one character at a time. Greedy optional
 * continuations keep the longest phrase that fits (and backtrack to a shorter one when the word boundary fails).
 */
function trieSource(phrases: Iterable<string>): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const p of phrases) {
    let node = root;
    for (const ch of p) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const alts = [...node.next].sort(([a], [b]) => a.localeCompare(b)).map(([ch, child]) => escapeRegex(ch) + emit(child));
    if (alts.length === 0) return '';
    if (node.end) return `(?:${alts.join('|')})?`;
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/**
 * Finds non-overlapping occurrences of known phrases (leftmost, longest first) with word boundaries and an
 * optional plural ending, in one regex pass. Each phrase maps to a value.
 */
export class PhraseMatcher<V> {
  private readonly regex: RegExp;
  private readonly values = new Map<string, V>();

  constructor(entries: Iterable<[string, V]>) {
    for (const [phrase, value] of entries) {
      const key = phrase.toLowerCase().trim();
      if (key && !this.values.has(key)) this.values.set(key, value);
    }
    // a phrase of kana or ideographs ('シングルセル') needs no word boundary: those scripts write words together, and
    // next to Latin letters ('シングルセルRNA-seq')
    // (only matchers holding such phrases pay for the looser boundary)
    const cjk = [...this.values.keys()].some((k) => /[\u3040-\u9fff]/.test(k));
    const [before, after] = cjk ? ['(?:(?<![a-z0-9])|(?=[\u3040-\u9fff]))', '(?:(?![a-z0-9])|(?<=[\u3040-\u9fff]))'] : ['(?<![a-z0-9])', '(?![a-z0-9])'];
    this.regex = this.values.size ? new RegExp(`${before}(${trieSource(this.values.keys())})(?:e?s)?${after}`, 'g') : /$^/g;
  }

  /** All matches in order: the phrase, its value and its position. */
  find(text: string): { phrase: string; value: V; index: number; end: number }[] {
    const out: { phrase: string; value: V; index: number; end: number }[] = [];
    // exec on the one regex rather than matchAll, which copies the (large) trie regex on every call
    const re = this.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const phrase = m[1]!;
      out.push({ phrase, value: this.values.get(phrase)!, index: m.index, end: m.index + m[0].length });
    }
    re.lastIndex = 0;
    return out;
  }

  first(text: string): V | null {
    this.regex.lastIndex = 0;
    const m = this.regex.exec(text);
    this.regex.lastIndex = 0;
    return m ? this.values.get(m[1]!)! : null;
  }
}
