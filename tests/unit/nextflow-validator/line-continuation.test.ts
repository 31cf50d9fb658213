import { describe, expect, it } from 'vitest';
import { lintSource } from '../../../src-main/nextflow-validator/index';

/** A workflow whose expression `def y = x` is followed by a line starting with `lead`. */
const withLeadingLine = (lead: string) => `workflow {\n    def x = 1\n    def y = x\n        ${lead}\n    println y\n}\n`;
const errors = (src: string) =>
  lintSource(src, 'main.nf')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}: ${d.message}`);

describe('expressions continued on the next line (Groovy: left nls op nls right)', () => {
  it.each(['<< 2', '>> 1', '== 2', '!= 2', '<=> 2', '=~ /a/', '==~ /a/', '< 2', '> 2', '<= 2', '>= 2', '& 1', '^ 1', '| 1', '&& true', '|| false', '* 3', '% 2', '.. 3', '..< 3', '?: 0', '? 1 : 2'])(
    'a line starting with %s continues the expression above',
    (lead) => {
      expect(errors(withLeadingLine(lead))).toEqual([]);
    },
  );

  it('a string built with << across lines, as in a process script', () => {
    const src = [
      'process P {',
      '    input:',
      '    val flag',
      '    script:',
      '    (flag ? """',
      '    echo first',
      '    """ : "")',
      '    <<',
      '    """',
      '    echo second',
      '    """',
      '}',
      '',
    ].join('\n');
    expect(errors(src)).toEqual([]);
  });

  it('a line starting with ** is an error: Groovy does not continue a power expression', () => {
    expect(errors(withLeadingLine('** 2'))).toEqual(["4: unexpected '**'"]);
  });

  it('a line starting with + or - is a new statement, so nothing dangles', () => {
    expect(errors(withLeadingLine('- 2'))).toEqual([]);
    expect(errors(withLeadingLine('+ 2'))).toEqual([]);
  });

  it('an operator at the end of a file is still an error', () => {
    expect(errors('workflow {\n    def y = 1\n        <<\n}\n')).toEqual(["4: unexpected '}'"]);
  });
});
