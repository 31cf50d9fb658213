/**
 * A name inside a sentence: 'Gene fusion detection' -> 'gene fusion detection', while a first word written
 * with capitals past its first letter ('RNA-seq', 'Hi-C', 'SV calling', 'miRNA quantification') stays as is.
 */
export function inSentence(name: string): string {
  const first = name.split(' ')[0]!;
  return first.slice(1) === first.slice(1).toLowerCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}
