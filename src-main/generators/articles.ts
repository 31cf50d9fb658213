/** "a" or "an" for the word that follows, as it is read ("an RNA-seq", "an SV", "a ChIP-seq", "a WGS"). */
export function article(word: string): 'a' | 'an' {
  if (/^[A-Z]{2,}/.test(word)) return 'AEFHILMNORSX'.includes(word[0]!) ? 'an' : 'a';
  if (/^\d/.test(word)) return /^(8|11|18)/.test(word) ? 'an' : 'a';
  return /^[aeiou]/i.test(word) && !/^(uni|use|usu|eu|one|once)/i.test(word) ? 'an' : 'a';
}
