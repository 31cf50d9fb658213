/**
 * Reads a chat answer (a model's or a target's) into the parts the checkers score: the intent JSON block,
 * the tool list, the workflow files, the diagnosis and fix steps, and the plain text. Both sides go through
 * the same reader, so the target and the model are held to one notion of what an answer contains.
 */

export interface JsonBlock {
  raw: string;
  /** the parsed value, or undefined when `error` is set */
  value?: unknown;
  error?: string;
}

export interface ParsedAnswer {
  text: string;
  /** `## Heading` -> the section body (headings lower-cased) */
  sections: Map<string, string>;
  /** the first JSON object in the answer: a ```json fence, or the whole answer when it is bare JSON */
  json: JsonBlock | null;
  /** tool names in list order, as written (resolved to ids by tool-mentions) */
  toolNames: string[];
  /** relative path -> file text; empty when the answer has no Nextflow code */
  workflow: Record<string, string>;
  diagnosis: string | null;
  fixSteps: string[];
}

interface Fence {
  lang: string;
  body: string;
  /** the non-blank line just before the opening fence */
  before: string;
}

const FENCE = /^```([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
const NEXTFLOW_LANGS = new Set(['nextflow', 'nf', 'groovy']);

function fences(text: string): Fence[] {
  const out: Fence[] = [];
  for (const m of text.matchAll(FENCE)) {
    const head = text.slice(0, m.index).trimEnd();
    const before = head.slice(head.lastIndexOf('\n') + 1).trim();
    out.push({ lang: m[1]!.toLowerCase(), body: m[2]!, before });
  }
  return out;
}

function sectionsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = text.split(/^##[ \t]+(.+)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!.trim().toLowerCase();
    if (!out.has(key)) out.set(key, parts[i + 1]!.trim());
  }
  return out;
}

function jsonBlock(text: string, all: Fence[]): JsonBlock | null {
  const fenced = all.find((f) => f.lang === 'json');
  const trimmed = text.trim();
  const raw = fenced ? fenced.body.trim() : trimmed.startsWith('{') ? trimmed : null;
  if (raw === null) return null;
  try {
    return { raw, value: JSON.parse(raw) };
  } catch (e) {
    return { raw, error: (e as Error).message };
  }
}

/** `1. **STAR** - why` or `- STAR: why` -> 'STAR'. */
function listName(line: string): string | null {
  const m = /^\s*(?:\d+[.)]|[-*])\s+(.*)$/.exec(line);
  if (!m) return null;
  const item = m[1]!.trim();
  const bold = /^\*\*(.+?)\*\*/.exec(item) ?? /^`(.+?)`/.exec(item);
  if (bold) return bold[1]!.trim();
  const plain = /^([^\s:–-][^:–]*?)(?:\s+[-–]\s+|:\s|$)/.exec(item);
  return plain ? plain[1]!.trim() : null;
}

function numbered(body: string): string[] {
  return body
    .split('\n')
    .map((l) => /^\s*(?:\d+[.)]|[-*])\s+(.+)$/.exec(l)?.[1]?.trim())
    .filter((s): s is string => !!s);
}

function toolSection(sections: Map<string, string>): string | null {
  for (const [k, v] of sections) if (/\btools?\b/.test(k) && !/intent/.test(k)) return v;
  return null;
}

/** A file path labelling a fence: a `path` line before it, or a `// path` first line inside it. */
function fencePath(f: Fence): { path: string | null; body: string } {
  const label = /^(?:\*\*)?`([^`\s]+\.(?:nf|config))`(?:\*\*)?:?$/.exec(f.before) ?? /^(?:#+\s*)?([\w./-]+\.(?:nf|config)):?$/.exec(f.before);
  if (label) return { path: label[1]!, body: f.body };
  const first = /^\/\/\s*([\w./-]+\.(?:nf|config))\s*\n/.exec(f.body);
  if (first) return { path: first[1]!, body: f.body.slice(first[0].length) };
  return { path: null, body: f.body };
}

function workflowFiles(all: Fence[]): Record<string, string> {
  const files: Record<string, string> = {};
  let unnamed = 0;
  for (const f of all) {
    // the scripts a project ships (templates/, bin/) in their own language, labelled with their path
    const shipped = /^(?:\*\*)?`((?:[\w.-]+\/)*(?:templates|bin)\/[\w.-]+)`(?:\*\*)?:?$/.exec(f.before);
    if (shipped) {
      if (files[shipped[1]!] === undefined) files[shipped[1]!] = f.body.endsWith('\n') ? f.body : `${f.body}\n`;
      continue;
    }
    if (!NEXTFLOW_LANGS.has(f.lang) && !(f.lang === '' && /\b(process|workflow)\s+\w*\s*\{/.test(f.body))) continue;
    const { path, body } = fencePath(f);
    const name = path ?? (unnamed++ === 0 && files['main.nf'] === undefined ? 'main.nf' : `unnamed_${unnamed}.nf`);
    if (files[name] === undefined) files[name] = body.endsWith('\n') ? body : `${body}\n`;
  }
  return files;
}

export function parseAnswer(text: string): ParsedAnswer {
  const all = fences(text);
  const sections = sectionsOf(text);
  const tools = toolSection(sections);
  const toolNames = tools
    ? tools
        .split('\n')
        .map(listName)
        .filter((n): n is string => !!n)
    : [];
  const fix = sections.get('fix') ?? sections.get('fix steps') ?? sections.get('fixes') ?? null;
  return {
    text,
    sections,
    json: jsonBlock(text, all),
    toolNames,
    workflow: workflowFiles(all),
    diagnosis: sections.get('diagnosis') ?? null,
    fixSteps: fix ? numbered(fix) : [],
  };
}
