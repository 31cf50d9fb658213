import { describe, expect, it } from 'vitest';
import { languageQuality } from '../../../src-main/pipeline/language-quality';

describe('languageQuality', () => {
  it.each([
    'atac mm10 t cels',
    'need degs for rn7 kidney... diabetic vs healrhy thx',
    'What does this error mean?\n\n```\n==========\n|| Total : 48213399 ||\n```',
    'RNA-seq differential expression for mouse liver',
  ])('accepts real requests, terse or with typos: %s', (text) => {
    expect(languageQuality(text).ok).toBe(true);
  });

  it.each([
    ['ab', 'shorter than 3 characters'],
    ['12345 678 !!! ###', 'only 0% letters'],
    ['aaaaaaaaaaaa', 'a character repeated 6 or more times'],
    ['xkcdfgh qwrtzpl mnbvcxz rna', 'mostly unpronounceable tokens'],
    ['seq seq seq seq seq seq seq seq', 'the same few words repeated'],
  ])('rejects gibberish: %s', (text, reason) => {
    expect(languageQuality(text)).toEqual({ ok: false, reason });
  });
});
