/** Diversity figures for generated text, reported per style by `biotrain generate`. */

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9+\-_.]*/g) ?? [];
}

/** distinct-n: unique word n-grams / all word n-grams over a set of texts (1 = no n-gram repeats). */
export function distinctN(texts: readonly string[], n: number): number {
  const seen = new Set<string>();
  let total = 0;
  for (const t of texts) {
    const w = tokens(t);
    for (let i = 0; i + n <= w.length; i++) {
      seen.add(w.slice(i, i + n).join(' '));
      total++;
    }
  }
  return total === 0 ? 0 : seen.size / total;
}

/** distinct-2: unique word bigrams / all word bigrams over a set of texts (1 = no repeated bigram). */
export const distinct2 = (texts: readonly string[]): number => distinctN(texts, 2);

function bigramSet(text: string): Set<string> {
  const w = tokens(text);
  const s = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) s.add(`${w[i]} ${w[i + 1]}`);
  for (const x of w) s.add(x);
  return s;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Mean pairwise Jaccard similarity of word unigram+bigram sets within each group (lower = more varied). */
export function meanPairwiseSimilarity(groups: readonly (readonly string[])[]): number {
  let sum = 0;
  let n = 0;
  for (const g of groups) {
    const sets = g.map(bigramSet);
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) {
        sum += jaccard(sets[i]!, sets[j]!);
        n++;
      }
  }
  return n === 0 ? 0 : sum / n;
}
