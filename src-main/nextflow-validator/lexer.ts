import { SyntaxFailure } from './diagnostics';

export type TokenType = 'ident' | 'number' | 'string' | 'gstring' | 'regex' | 'op' | 'nl' | 'eof';

export interface Interpolation {
  code: string;
  /** where the `$` is */
  line: number;
  column: number;
  /** where `code` starts in the file (after `${` or `$`) */
  codeLine: number;
  codeColumn: number;
}

export interface Token {
  type: TokenType;
  value: string;
  line: number;
  column: number;
  /** for gstrings: the interpolated expressions ${...} and $name */
  interpolations?: Interpolation[];
  /** for strings: true when triple-quoted */
  triple?: boolean;
  /** for strings: the source text between the quotes, escapes and interpolations as written */
  raw?: string;
}

const OPERATORS = [
  '..<', '<=>', '===', '!==', '**=', '<<=', '>>=', '?.', '*.', '?:', '..', '->', '==', '!=', '<=', '>=', '&&', '||', '++',
  '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '==~', '=~', '<<', '>>', '**', '::', '.&', '.@',
  '{', '}', '(', ')', '[', ']', ',', ';', ':', '.', '=', '+', '-', '*', '/', '%', '<', '>', '!', '~', '?', '&', '|', '^', '@',
];
const OPERATORS_LONGEST_FIRST = [...OPERATORS].sort((a, b) => b.length - a.length);
/** Operators by their first character, longest first: one short list to try per operator token. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS_LONGEST_FIRST) OPERATORS_BY_FIRST.set(op[0]!, [...(OPERATORS_BY_FIRST.get(op[0]!) ?? []), op]);
const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);

/** Tokens after which `/` is division; elsewhere it starts a slashy string (regex). */
function slashIsDivision(prev: Token | undefined): boolean {
  if (!prev || prev.type === 'nl') return false;
  if (prev.type === 'ident' || prev.type === 'number' || prev.type === 'string' || prev.type === 'gstring' || prev.type === 'regex') {
    return !['return', 'in', 'case', 'assert', 'throw'].includes(prev.value) || prev.type !== 'ident';
  }
  return prev.value === ')' || prev.value === ']' || prev.value === '}';
}

/**
 * Tokenizes Nextflow/Groovy source with a mode stack for strings: ', ", ''', """, /slashy/ and $/dollar-slashy/$,
 * GString interpolation ${...} (nested braces and strings, across lines) and $name, and the `$` escape rules.
 */
export function tokenize(src: string, startLine = 1, startColumn = 1): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = startLine;
  let col = startColumn;
  const n = src.length;
  const advance = (k = 1) => {
    for (let j = 0; j < k; j++) {
      if (src[i] === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  const fail = (rule: string, msg: string, l = line, c = col): never => {
    throw new SyntaxFailure(rule, msg, l, c);
  };
  if (src.startsWith('#!')) while (i < n && src[i] !== '\n') advance();

  /** Reads ${ ... } starting at '{' (after '$'), returning the code; handles nested braces and strings. */
  const readInterpolation = (): string => {
    const startLine = line;
    const startCol = col;
    advance(); // {
    let depth = 1;
    const start = i;
    while (i < n) {
      const ch = src[i]!;
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth === 0) {
          const code = src.slice(start, i);
          advance();
          return code;
        }
      } else if (ch === "'" || ch === '"') {
        const q = ch;
        advance();
        while (i < n && src[i] !== q) {
          if (src[i] === '\\') advance();
          if (src[i] === '\n' && q === "'") break;
          advance();
        }
        if (i >= n) break;
      }
      advance();
    }
    return fail('unterminated-string', 'unterminated ${ interpolation', startLine, startCol);
  };

  const readString = (quote: string, triple: boolean, startLine: number, startCol: number): Token => {
    const interpolations: Interpolation[] = [];
    const gstring = quote === '"';
    const closing = triple ? quote.repeat(3) : quote;
    advance(triple ? 3 : 1);
    // the text is built from slices of src between escapes and interpolations (not char by char)
    const rawStart = i;
    let rawEnd = i;
    let value = '';
    let segment = i;
    for (;;) {
      // nf-lang lexes an unclosed """ to the end of the file and its parser then fails at the end: report it there
      if (i >= n) {
        if (triple && gstring) fail('unterminated-string', `unterminated """ string: the one opened at line ${startLine} is not closed`);
        fail('unterminated-string', `unterminated string starting here`, startLine, startCol);
      }
      const ch = src[i]!;
      if (ch === quote && (!triple || src.startsWith(closing, i))) {
        value += src.slice(segment, i);
        rawEnd = i;
        advance(triple ? 3 : 1);
        break;
      }
      if (!triple && ch === '\n') fail('unterminated-string', 'unterminated string: a newline inside a single-line string', startLine, startCol);
      if (ch === '\\') {
        const next = src[i + 1];
        if (next === undefined) fail('unterminated-string', 'unterminated string', startLine, startCol);
        if (next !== '\n' && !/[btnfrs"'\\$u0-7/]/.test(next!)) fail('invalid-escape', `invalid escape sequence \\${next} in a string`);
        advance(2);
        continue;
      }
      if (gstring && ch === '$') {
        const next = src[i + 1] ?? '';
        const l = line;
        const c = col;
        if (next === '{') {
          value += `${src.slice(segment, i)}\${}`;
          advance();
          interpolations.push({ code: readInterpolation(), line: l, column: c, codeLine: l, codeColumn: c + 2 });
          segment = i;
          continue;
        }
        if (/[A-Za-z_]/.test(next)) {
          value += `${src.slice(segment, i)}\${}`;
          advance();
          const from = i;
          while (i < n && (isIdPart(src.charCodeAt(i)) || (src[i] === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')))) {
            if (src[i] === '$') break;
            advance();
          }
          interpolations.push({ code: src.slice(from, i), line: l, column: c, codeLine: l, codeColumn: c + 1 });
          segment = i;
          continue;
        }
        fail('unescaped-dollar', "unescaped '$' in a double-quoted string: write \\$ for a literal dollar (e.g. shell variables and $(...) in scripts)", l, c);
      }
      if (ch === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
    const raw = src.slice(rawStart, rawEnd);
    return { type: gstring && interpolations.length ? 'gstring' : 'string', value, line: startLine, column: startCol, interpolations, triple, raw };
  };

  while (i < n) {
    const ch = src[i]!;
    const startLine = line;
    const startCol = col;
    if (ch === '\n') {
      tokens.push({ type: 'nl', value: '\n', line, column: col });
      advance();
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
      col++;
      i++;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '\n') {
      advance(2);
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      col += stop - i;
      i = stop;
      continue;
    }
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated-comment', 'unterminated /* comment');
      advance(end + 2 - i);
      continue;
    }
    if (ch === '"' || ch === "'") {
      const triple = src.startsWith(ch.repeat(3), i);
      tokens.push(readString(ch, triple, startLine, startCol));
      continue;
    }
    if (ch === '$' && src[i + 1] === '/') {
      const end = src.indexOf('/$', i + 2);
      if (end < 0) fail('unterminated-string', 'unterminated $/ dollar-slashy string');
      tokens.push({ type: 'string', value: src.slice(i + 2, end), line: startLine, column: startCol });
      advance(end + 2 - i);
      continue;
    }
    if (ch === '/' && !slashIsDivision(tokens[tokens.length - 1]) && src[i + 1] !== '=' ) {
      advance();
      let value = '';
      while (i < n && src[i] !== '/') {
        if (src[i] === '\n') fail('unterminated-string', 'unterminated slashy string', startLine, startCol);
        if (src[i] === '\\' && src[i + 1] === '/') {
          value += '/';
          advance(2);
          continue;
        }
        value += src[i];
        advance();
      }
      if (i >= n) fail('unterminated-string', 'unterminated slashy string', startLine, startCol);
      advance();
      tokens.push({ type: 'regex', value, line: startLine, column: startCol });
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? '') && tokens[tokens.length - 1]?.type !== 'ident')) {
      const m = /^(0[xX][0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?)[lLgGiIdDfF]?/.exec(src.slice(i, i + 64));
      const text = m ? m[0] : ch;
      tokens.push({ type: 'number', value: text, line: startLine, column: startCol });
      advance(text.length);
      continue;
    }
    if (isIdStart(src.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isIdPart(src.charCodeAt(j))) j++;
      tokens.push({ type: 'ident', value: src.slice(i, j), line: startLine, column: startCol });
      col += j - i; // no newline inside a name
      i = j;
      continue;
    }
    const op = OPERATORS_BY_FIRST.get(ch)?.find((o) => src.startsWith(o, i));
    if (!op) fail('syntax', `unexpected character '${ch}'`);
    tokens.push({ type: 'op', value: op!, line: startLine, column: startCol });
    col += op!.length;
    i += op!.length;
  }
  tokens.push({ type: 'eof', value: '', line, column: col });
  return tokens;
}
