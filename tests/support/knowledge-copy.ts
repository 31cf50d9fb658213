import fs from 'node:fs';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge } from '../../src-main/knowledge/load';
import { tempDir } from './serve';

/**
 * A copy of the real knowledge base with one file's text edited, removed when the test ends. The edit must
 * change the text: an edit whose anchor has moved away would otherwise test the unchanged knowledge base.
 */
export function knowledgeCopyWith(file: string, edit: (text: string) => string): string {
  const dir = tempDir('biotrain-kb-');
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const real = defaultKnowledgeDir();
  for (const f of fs.readdirSync(real)) fs.copyFileSync(path.join(real, f), path.join(dir, f));
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  fs.writeFileSync(target, after);
  return dir;
}

/** The load problems of the knowledge base in `dir`, which must fail to load with a KnowledgeError. */
export function loadProblemsOf(dir: string): string[] {
  try {
    loadKnowledge(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return (err as KnowledgeError).problems;
  }
  throw new Error(`expected the knowledge base in ${dir} to fail to load`);
}

/** The load problems of a copy of the knowledge base with one file edited ([] if it loads). */
export function problemsWithEdited(file: string, edit: (text: string) => string): string[] {
  const dir = knowledgeCopyWith(file, edit);
  try {
    loadKnowledge(dir);
    return [];
  } catch (err) {
    return (err as KnowledgeError).problems;
  }
}

/** An edit of tools.yaml: replaces the first `from` after `- id: TOOL` (unchanged text when either is missing). */
export const inEntry = (tool: string, from: string, to: string) => (t: string) => {
  const at = t.indexOf(`- id: ${tool}\n`);
  const i = t.indexOf(from, at);
  return i < 0 || at < 0 ? t : t.slice(0, i) + to + t.slice(i + from.length);
};
