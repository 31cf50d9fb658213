import type { Rng } from './rng';

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qsz', b: 'vgn', c: 'xdv', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok', j: 'hku', k: 'jli', l: 'kop',
  m: 'nj', n: 'bmh', o: 'ipl', p: 'ol', q: 'wa', r: 'etf', s: 'adw', t: 'ryg', u: 'yij', v: 'cbf', w: 'qes', x: 'zcs',
  y: 'tuh', z: 'xa',
};

export type TypoKind = 'transpose' | 'drop' | 'double' | 'neighbour';

/** One realistic typo inside a word (never the first letter, words of 5+ letters only). */
export function typoWord(word: string, rng: Rng, kind: TypoKind = rng.pick(['transpose', 'drop', 'double', 'neighbour'] as const)): string {
  if (word.length < 5 || !/^[a-z]+$/i.test(word)) return word;
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
      return n ? word.slice(0, i) + rng.pick([...n]) + word.slice(i + 1) : word;
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
