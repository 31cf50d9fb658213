import type { ReactNode } from 'react';

/** Inline markdown: **bold**, *emphasis*, `code`; everything else stays text (never HTML). */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*]+\*)/g;
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const t = m[0];
    if (t.startsWith('**')) out.push(<b key={i++}>{t.slice(2, -2)}</b>);
    else if (t.startsWith('`')) out.push(<code key={i++}>{t.slice(1, -1)}</code>);
    else out.push(<em key={i++}>{t.slice(1, -1)}</em>);
    last = m.index + t.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * A small markdown renderer for the review guidelines: headings, paragraphs, bullet and numbered lists,
 * pipe tables, inline bold/emphasis/code. Built from React elements, so text in it can never become markup.
 */
export function Markdown({ source }: { source: string }) {
  const blocks: ReactNode[] = [];
  const lines = source.split('\n');
  let k = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      const level = Math.min(h[1]!.length + 1, 4);
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
      blocks.push(<Tag key={k++}>{inline(h[2]!)}</Tag>);
      i++;
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) rows.push(lines[i++]!);
      const [head, , ...body] = rows;
      blocks.push(
        <table key={k++}>
          <thead>
            <tr>{cells(head ?? '').map((c) => <th key={c}>{inline(c)}</th>)}</tr>
          </thead>
          <tbody>
            {body.map((r) => (
              <tr key={r}>{cells(r).map((c, j) => <td key={`${j}-${c}`}>{inline(c)}</td>)}</tr>
            ))}
          </tbody>
        </table>,
      );
      continue;
    }
    const bullet = /^\s*([-*]|\d+\.)\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        const l = lines[i]!;
        if (bullet.test(l)) items.push(l.replace(bullet, ''));
        else items[items.length - 1] = `${items.at(-1) ?? ''} ${l.trim()}`;
        i++;
      }
      const List = ordered ? 'ol' : 'ul';
      blocks.push(<List key={k++}>{items.map((t) => <li key={t}>{inline(t)}</li>)}</List>);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#|\||\s*([-*]|\d+\.)\s)/.test(lines[i]!)) para.push(lines[i++]!.trim());
    if (para.length === 0) para.push(lines[i++]!.trim()); // e.g. '#tag': not a heading, still text
    blocks.push(<p key={k++}>{inline(para.join(' '))}</p>);
  }
  return <div className="markdown">{blocks}</div>;
}
