/** Rows of the distance table, reused across calls (grown on demand): a correction compares a token with many words. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment (restricted Damerau-Levenshtein) distance, with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Tokens up to this long are not corrected into a strict target by a changed letter. */
const STRICT_LENGTH = 6;

/** Same length and not a swap of two neighbours: one letter changed ('delay' -> 'delly', 'words' -> 'worms'). */
function isSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return [...a].sort().join('') !== [...b].sort().join('');
}

/**
 * Corrects misspelled domain words: each unknown token of 5+ letters maps to the closest vocabulary word. A
 * 4-letter token is corrected only to one of `shortTargets` (5-letter names such as 'mouse') that it misses by
 * one letter ('moue', 'hman'): short words collide too easily for anything looser. A token of up to six letters is
 * not turned into a strict target (a word of a tool's or an organism's name) by a changed letter: everyday words
 * and words of other languages sit one letter from those names ('delay', 'delle' -> 'delly', 'stades' -> 'spades',
 * 'words' -> 'worms', 'marine' -> 'murine'), while typos of short names drop or swap a letter ('mosue', 'genom').
 */
export class FuzzyCorrector {
  private readonly byLength = new Map<string, string[]>();
  private static key(length: number, first: string): string {
    return `${length}${first}`;
  }
  /** 4-letter spellings one letter short of a short target (first letter kept) -> the target; null if ambiguous */
  private readonly shortTypos = new Map<string, string | null>();

  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly protectedWords: ReadonlySet<string>,
    shortTargets: readonly string[] = [],
    private readonly strictTargets: ReadonlySet<string> = new Set(),
  ) {
    for (const w of shortTargets.filter((t) => t.length === 5))
      for (let i = 1; i < 5; i++) {
        const typo = w.slice(0, i) + w.slice(i + 1);
        this.shortTypos.set(typo, this.shortTypos.has(typo) && this.shortTypos.get(typo) !== w ? null : w);
      }
    for (const w of vocabulary) {
      if (w.length < 5) continue;
      // keyed by length and first letter: a correction keeps the first letter, so only those words are compared
      const key = FuzzyCorrector.key(w.length, w[0]!);
      const list = this.byLength.get(key) ?? [];
      list.push(w);
      this.byLength.set(key, list);
    }
    for (const list of this.byLength.values()) list.sort();
  }

  /** Returns the corrected token, or null when the token is known or nothing is close enough. */
  correct(token: string): string | null {
    if (token.length === 4) return this.correctShort(token);
    if (token.length < 5 || this.vocabulary.has(token) || this.protectedWords.has(token)) return null;
    if (token.endsWith('s') && (this.vocabulary.has(token.slice(0, -1)) || this.protectedWords.has(token.slice(0, -1)))) return null;
    if (!/^[a-z][a-z-]*$/.test(token)) return null;
    const max = token.length >= 9 ? 2 : 1;
    let best: string | null = null;
    let bestD = max + 1;
    for (let len = token.length - max; len <= token.length + max; len++) {
      for (const w of this.byLength.get(FuzzyCorrector.key(len, token[0]!)) ?? []) {
        const d = editDistance(token, w, max);
        if (d < bestD && !(token.length <= STRICT_LENGTH && this.strictTargets.has(w) && isSubstitution(token, w))) {
          bestD = d;
          best = w;
        }
      }
    }
    return bestD <= max ? best : null;
  }

  private correctShort(token: string): string | null {
    return this.protectedWords.has(token) ? null : (this.shortTypos.get(token) ?? null);
  }
}
