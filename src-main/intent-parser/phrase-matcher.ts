const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    const alternatives = [...this.values.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegex);
    this.regex = alternatives.length
      ? new RegExp(`(?<![a-z0-9])(${alternatives.join('|')})(?:e?s)?(?![a-z0-9])`, 'g')
      : /$^/g;
  }

  /** All matches in order: the phrase, its value and its position. */
  find(text: string): { phrase: string; value: V; index: number; end: number }[] {
    const out: { phrase: string; value: V; index: number; end: number }[] = [];
    for (const m of text.matchAll(this.regex)) {
      const phrase = m[1]!;
      out.push({ phrase, value: this.values.get(phrase)!, index: m.index!, end: m.index! + m[0].length });
    }
    return out;
  }

  first(text: string): V | null {
    this.regex.lastIndex = 0;
    const m = this.regex.exec(text);
    this.regex.lastIndex = 0;
    return m ? this.values.get(m[1]!)! : null;
  }
}
