import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../knowledge/resources-dir';
import type { ChatMessage } from './client';

/** Every prompt file and the placeholders it must use, no more and no fewer. */
export const PROMPT_PLACEHOLDERS = {
  query_variation: ['style', 'style_guide', 'query', 'intent', 'variant', 'seed'],
  tool_selection: ['query', 'intent', 'candidates'],
  workflow: ['query', 'intent', 'tools'],
  education: ['question', 'reference'],
  error_diagnosis: ['tool', 'log', 'reference'],
  intent_parse: ['analysis_types', 'data_types', 'organisms', 'tools', 'constraints', 'query'],
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_PLACEHOLDERS;
export type PromptValues<N extends PromptName> = Record<(typeof PROMPT_PLACEHOLDERS)[N][number], string | number>;

export interface PromptTemplate<N extends PromptName = PromptName> {
  name: N;
  file: string;
  system: string;
  user: string;
}

export class PromptError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'PromptError';
  }
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function defaultPromptDir(): string {
  return path.join(resourcesDir(), 'prompts');
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Splits a prompt file into its `## system` and `## user` sections (text before `## system` is a note for
 * editors) and checks its placeholders against PROMPT_PLACEHOLDERS; every problem names the file.
 */
export function parsePromptFile<N extends PromptName>(name: N, file: string, text: string): PromptTemplate<N> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heading = (title: string) => lines.findIndex((l) => l.trim().toLowerCase() === `## ${title}`);
  const sys = heading('system');
  const usr = heading('user');
  if (sys < 0) throw new PromptError(file, "missing the '## system' section");
  if (usr < 0) throw new PromptError(file, "missing the '## user' section");
  if (usr < sys) throw new PromptError(file, "the '## system' section must come before '## user'");
  const system = lines.slice(sys + 1, usr).join('\n').trim();
  const user = lines.slice(usr + 1).join('\n').trim();
  if (!system) throw new PromptError(file, "the '## system' section is empty");
  if (!user) throw new PromptError(file, "the '## user' section is empty");

  const expected: readonly string[] = PROMPT_PLACEHOLDERS[name];
  const used = new Set([...placeholdersOf(system), ...placeholdersOf(user)]);
  const unknown = [...used].filter((p) => !expected.includes(p));
  const missing = expected.filter((p) => !used.has(p));
  const problems: string[] = [];
  if (unknown.length) problems.push(`unknown placeholder(s) ${unknown.map((p) => `{{${p}}}`).join(', ')}`);
  if (missing.length) problems.push(`missing placeholder(s) ${missing.map((p) => `{{${p}}}`).join(', ')}`);
  if (problems.length) throw new PromptError(file, `${problems.join('; ')} (expected exactly: ${expected.join(', ')})`);
  return { name, file, system, user };
}

const loaded = new Map<string, PromptTemplate>();

/** Reads resources/prompts/<name>.md (cached per file); throws a PromptError naming the file. */
export function loadPrompt<N extends PromptName>(name: N, dir: string = defaultPromptDir()): PromptTemplate<N> {
  const file = path.join(dir, `${name}.md`);
  const hit = loaded.get(file);
  if (hit) return hit as PromptTemplate<N>;
  if (!fs.existsSync(file)) throw new PromptError(file, `prompt file missing (expected for '${name}')`);
  const prompt = parsePromptFile(name, file, fs.readFileSync(file, 'utf8'));
  loaded.set(file, prompt);
  return prompt;
}

/** Loads and checks every prompt, so a broken file is reported before any LLM call. */
export function loadAllPrompts(dir: string = defaultPromptDir()): PromptTemplate[] {
  return (Object.keys(PROMPT_PLACEHOLDERS) as PromptName[]).map((n) => loadPrompt(n, dir));
}

function fill(file: string, text: string, values: Record<string, string | number>): string {
  // one pass over the template: a value containing {{x}} is inserted literally, not expanded
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new PromptError(file, `no value given for {{${key}}}`);
    return String(v);
  });
}

/** The chat messages of a prompt with its placeholders filled. */
export function renderPrompt<N extends PromptName>(prompt: PromptTemplate<N>, values: PromptValues<N>): ChatMessage[] {
  const v = values as Record<string, string | number>;
  return [
    { role: 'system', content: fill(prompt.file, prompt.system, v) },
    { role: 'user', content: fill(prompt.file, prompt.user, v) },
  ];
}
