import type { Rng } from './rng';

/** QWERTY neighbours of each letter: the key a finger slips to. */
const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qsz', b: 'vgn', c: 'xdv', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok', j: 'hku', k: 'jli', l: 'kop',
  m: 'nj', n: 'bmh', o: 'ipl', p: 'ol', q: 'wa', r: 'etf', s: 'adw', t: 'ryg', u: 'yij', v: 'cbf', w: 'qes', x: 'zcs',
  y: 'tuh', z: 'xa',
};

/**
 * The slips people make: a neighbouring key, two letters swapped, a letter dropped, a letter doubled, or a
 * case slip (shift held one letter too long, or a capital typed lowercase). The letter put in keeps the
 * case of the one it replaces, so "MAGeCK" never turns into "MAeCK".
 */
export type TypoKind = 'transpose' | 'drop' | 'double' | 'neighbour' | 'case';
const KINDS: readonly TypoKind[] = ['neighbour', 'neighbour', 'transpose', 'transpose', 'drop', 'drop', 'double', 'case'];

const sameCase = (model: string, c: string) => (model === model.toUpperCase() ? c.toUpperCase() : c.toLowerCase());

/** One realistic typo inside a word (never its first letter; words of 5+ letters only). */
export function typoWord(word: string, rng: Rng, kind: TypoKind = rng.pick(KINDS)): string {
  // names with inner capitals (MAGeCK, HUMAnN, deepTools) are left alone: a slip there reads as a case error
  if (word.length < 5 || !/^([a-z]+|[A-Z][a-z]+|[A-Z]+)$/.test(word)) return word;
  const i = 1 + rng.int(word.length - 2);
  const c = word[i]!;
  switch (kind) {
    case 'transpose':
      return word.slice(0, i) + word[i + 1] + c + word.slice(i + 2);
    case 'drop':
      return word.slice(0, i) + word.slice(i + 1);
    case 'double':
      return word.slice(0, i) + c + c + word.slice(i + 1);
    case 'neighbour': {
      const n = KEYBOARD_NEIGHBOURS[c.toLowerCase()];
      return n ? word.slice(0, i) + sameCase(c, rng.pick([...n])) + word.slice(i + 1) : word;
    }
    case 'case': {
      // "MOuse" (shift held) or "mouse" for "Mouse", "multiqc" for "MULTIQC", "Mouse" for "mouse"
      if (/^[A-Z][a-z]+$/.test(word)) return rng.chance(0.5) ? word[0] + word[1]!.toUpperCase() + word.slice(2) : word.toLowerCase();
      if (word === word.toUpperCase()) return word.toLowerCase();
      return word[0]!.toUpperCase() + word.slice(1);
    }
  }
}

/** Applies `count` typos to distinct long words of a sentence. */
export function addTypos(text: string, rng: Rng, count: number): string {
  const parts = text.split(/(\s+)/);
  const candidates = parts.map((p, i) => ({ p, i })).filter(({ p }) => /^[a-z]{5,}$/i.test(p));
  for (const { i } of rng.shuffle(candidates).slice(0, count)) parts[i] = typoWord(parts[i]!, rng);
  return parts.join('');
}
