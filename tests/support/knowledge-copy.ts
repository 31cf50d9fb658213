import fs from 'node:fs';
import path from 'node:path';
import { defaultKnowledgeDir, type KnowledgeError, loadKnowledge } from '../../src-main/knowledge/load';
import { tempDir } from './serve';

/** The load problems of a copy of the knowledge base with one file edited ([] if it loads). */
export function problemsWithEdited(file: string, edit: (text: string) => string): string[] {
  const dir = tempDir('biotrain-kb-');
  const real = defaultKnowledgeDir();
  for (const f of fs.readdirSync(real)) fs.copyFileSync(path.join(real, f), path.join(dir, f));
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  try {
    loadKnowledge(dir);
    return [];
  } catch (err) {
    return (err as KnowledgeError).problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
