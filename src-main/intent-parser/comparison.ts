import type { Intent } from '../../src-preload/schemas/intent';

const STOP = new Set([
  'for', 'with', 'in', 'on', 'of', 'the', 'a', 'an', 'and', 'to', 'from', 'using', 'use', 'samples', 'sample', 'data',
  'reads', 'please', 'pls', 'cells', 'tissue', 'conditions', 'condition', 'groups', 'group', 'mice', 'mouse', 'human',
  'rna-seq', 'wes', 'wgs', 'comparing', 'compare', 'between', 'contrast', 'is', 'are', 'my', 'our', 'i', 'we', 'want',
  'wanna', 'looking', 'at', 'design', 'question', 'main', 'under', 'hypothesis', 'concerns', 'split', 'into',
  'evaluating', 'contrasting', 'employing', 'without', 'via', 'through', 'plus', 'comparison', 'that', 'thx', 'thanks', 'which', 'who', 'where', 'when', 'w/', 'do', 'the thing', 'examining', 'differences', 'difference', 'find', 'contrast:', 'vs', 'versus', 'as', 'by',
  // filler around the groups: "do the thing X vs Y", "X vs Y or not"
  'thing', 'thng', 'thig', 'stuff', 'or', 'not',
]);
const CANONICAL: Record<string, string> = {
  tumour: 'tumor', 'wild-type': 'wildtype', 'wild type': 'wildtype', wt: 'wildtype', ko: 'knockout', ctrl: 'control',
  controls: 'control', 'matched normal': 'normal', untreated: 'untreated', treatment: 'treated', mutant: 'mutant',
};

const canon = (g: string) => CANONICAL[g] ?? g;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

function takeGroup(tokens: string[], fromEnd: boolean, blocked: (w: string) => boolean): string {
  const picked: string[] = [];
  const seq = fromEnd ? [...tokens].reverse() : tokens;
  for (const raw of seq) {
    // punctuation between two words separates the group from the words around it
    if (picked.length > 0 && (fromEnd ? /[,;:.!?)]$/.test(raw) : /^[(]/.test(raw))) break;
    const w = raw.replace(/^[("'[]+/, '').replace(/[.,;:!?()"'\]]+$/g, '');
    if (!/[a-z0-9]/.test(w) || /[,;:()]/.test(w) || STOP.has(w) || blocked(w)) break;
    picked.push(w);
    if (picked.length === 2 || (fromEnd ? /^[(]/.test(raw) : /[,;:.!?)]$/.test(raw))) break;
  }
  if (fromEnd) picked.reverse();
  const group = picked.join(' ');
  if (!fromEnd && group.startsWith('matched ')) return 'normal';
  return canon(group);
}

const TUMOUR_ONLY = /\btumou?r[- ]only\b|\b(?:no|without(?: a| any)?|lacking(?: a)?) (?:matched )?normals?\b|\bunmatched tumou?rs?\b/;

/**
 * Condition groups: "X vs Y", "X versus Y", "between X and Y", and tumor/normal pair phrasings.
 * `blocked` names words that belong to other intent fields (organisms, tissues) and end a group.
 */
export function parseComparison(text: string, blocked: (w: string) => boolean): Intent['comparison'] {
  // a tumour-only request ('no matched normal', 'without a normal') compares nothing: its tumours are called alone
  if (TUMOUR_ONLY.test(text)) return null;
  if (/\btumou?r[-/ ]normal\b|\bmatched normal\b|\btumou?r\s*\/\s*normal\b/.test(text) && !/\bvs\.?\b|\bversus\b/.test(text)) {
    return { groups: ['tumor', 'normal'], description: 'tumor vs normal' };
  }
  const vs = /^(.*?)\s+(?:vs\.?|versus|v\.|compared (?:to|with)|relative to|against)\s+(.*)$/.exec(text);
  let a = '';
  let b = '';
  if (vs) {
    a = takeGroup(words(vs[1]!), true, blocked);
    b = takeGroup(words(vs[2]!), false, blocked);
  } else {
    const between = /\bbetween\s+(\S+(?:\s+\S+)?)\s+and\s+(.*)$/.exec(text);
    if (!between) return null;
    a = takeGroup(words(between[1]!), false, blocked);
    b = takeGroup(words(between[2]!), false, blocked);
  }
  if (!a || !b || a === b) return null;
  return { groups: [a, b], description: `${a} vs ${b}` };
}
