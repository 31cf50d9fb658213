/**
 * Gibberish detection from character and token statistics (plan 3.1 "Language Quality"). Deliberately
 * tolerant of the typos and terse shorthand real users type ("atac mm10 t cels"); it rejects keyboard
 * mashing, repeated characters, symbol soup and text without words.
 */
export interface LanguageVerdict {
  ok: boolean;
  reason?: string;
}

const VOWELS = /[aeiouy]/;

export function languageQuality(text: string): LanguageVerdict {
  // logs and code in fences are judged by the validator rules, not as prose
  const t = text.replace(/```[\s\S]*?(```|$)/g, ' ').trim();
  if (t.length < 3) return { ok: false, reason: 'shorter than 3 characters' };
  const letters = t.match(/\p{L}/gu)?.length ?? 0;
  const visible = t.replace(/\s/g, '').length;
  if (letters / visible < 0.45) return { ok: false, reason: `only ${Math.round((100 * letters) / visible)}% letters` };
  if (/(.)\1{5,}/u.test(t)) return { ok: false, reason: 'a character repeated 6 or more times' };
  const tokens = t.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.length === 0) return { ok: false, reason: 'no words' };
  const longNoVowel = tokens.filter((w) => w.length >= 6 && !VOWELS.test(w)).length;
  if (longNoVowel / tokens.length > 0.3) return { ok: false, reason: 'mostly unpronounceable tokens' };
  const overlong = tokens.filter((w) => w.length > 30).length;
  if (overlong > 0 && overlong / tokens.length > 0.2) return { ok: false, reason: 'tokens longer than 30 letters' };
  if (tokens.length >= 6) {
    const distinct = new Set(tokens).size;
    if (distinct / tokens.length < 0.25) return { ok: false, reason: 'the same few words repeated' };
  }
  return { ok: true };
}
