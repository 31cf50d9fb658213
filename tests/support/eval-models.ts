import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../src-main/export/layout';
import type { TrainingRecord } from '../../src-main/export/record';
import type { ChatRequestBody, Fault } from './openai-test-server';

/** Scripted "models" for the OpenAI-compatible test server, answering from the records' targets. */

export function readRecords(file: string): TrainingRecord[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TrainingRecord);
}

const shapeOf = (r: TrainingRecord) => (r.messages[2].content.includes('```json') ? 'json' : 'prose');

/**
 * `perKind` records of every kind across an export's splits, each with a distinct user turn: the first of each
 * answer shape (with an intent JSON block, or prose such as a scope statement), then the next ones in order.
 */
export function sampleByKind(exportDir: string, perKind: number): TrainingRecord[] {
  const all: TrainingRecord[] = [];
  const seen = new Set<string>();
  for (const split of ['train', 'val', 'test'] as const)
    for (const r of readRecords(path.join(exportDir, PATHS.processed(split)))) {
      if (seen.has(r.messages[1].content)) continue;
      seen.add(r.messages[1].content);
      all.push(r);
    }
  const picked = new Set<TrainingRecord>();
  const count = (k: string) => [...picked].filter((r) => r.metadata.kind === k).length;
  const shapes = new Set<string>();
  for (const r of all) {
    const key = `${r.metadata.kind}/${shapeOf(r)}`;
    if (!shapes.has(key) && count(r.metadata.kind) < perKind) {
      shapes.add(key);
      picked.add(r);
    }
  }
  for (const r of all) if (!picked.has(r) && count(r.metadata.kind) < perKind) picked.add(r);
  return all.filter((r) => picked.has(r));
}

/** Writes records as an export folder's processed/test.jsonl (all eval-model --export reads). */
export function writeEvalExport(dir: string, records: readonly TrainingRecord[]): string {
  fs.mkdirSync(path.join(dir, 'processed'), { recursive: true });
  fs.writeFileSync(path.join(dir, PATHS.processed('test')), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return dir;
}

const userOf = (body: ChatRequestBody) => body.messages.find((m) => m.role === 'user')?.content ?? '';

function byUser(records: readonly TrainingRecord[]): (body: ChatRequestBody) => TrainingRecord {
  const map = new Map(records.map((r) => [r.messages[1].content, r]));
  return (body) => {
    const r = map.get(userOf(body));
    if (!r) throw new Error(`no record for user turn ${userOf(body).slice(0, 60)}`);
    return r;
  };
}

/** Answers with the exported target: a perfect model. */
export function goodModel(records: readonly TrainingRecord[]): (body: ChatRequestBody) => string {
  const find = byUser(records);
  return (body) => find(body).messages[2].content;
}

const intentBlock = (target: string) => /```json\n[\s\S]*?\n```/.exec(target)?.[0] ?? '';

/**
 * A bad model: malformed intent JSON for variations, made-up tools for tool selection, a workflow that does
 * not parse, invented tools and flags in explanations, a diagnosis without fix steps.
 */
export function badModel(records: readonly TrainingRecord[]): (body: ChatRequestBody) => string {
  const find = byUser(records);
  return (body) => {
    const r = find(body);
    const target = r.messages[2].content;
    switch (r.metadata.kind) {
      case 'query_variation':
        return '```json\n{"intent": \n```';
      case 'tool_selection':
        return `${intentBlock(target)}\n\n## Recommended Tools\n1. **MagicAligner** - aligns everything.\n2. **SuperCaller** - calls all variants.`;
      case 'workflow':
        return `${intentBlock(target)}\n\n## Recommended Tools\n1. **MagicAligner** - aligns.\n\n## Workflow\n\n\`main.nf\`\n\`\`\`nextflow\nworkflow {\n    MAGIC(reads\n}\n\`\`\``;
      case 'education':
        return 'Use **MagicAligner** with `--turbo-mode` for everything.';
      default:
        return '## Diagnosis\nSomething odd happened.';
    }
  };
}

/**
 * Faults for a slow, flaky endpoint, chosen per prompt and attempt: every request waits `latencyMs`; the first
 * attempt of the records at positions 0, 1, 2 (mod 4) gets a 429, a 500, or a delay past `timeoutMs`; the
 * record `failing` answers 500 on every attempt.
 */
export function flakyFaults(records: readonly TrainingRecord[], o: { latencyMs: number; timeoutMs: number; failing: string }): (body: ChatRequestBody) => Fault {
  const find = byUser(records);
  const position = new Map(records.map((r, i) => [r.id, i]));
  const attempts = new Map<string, number>();
  return (body) => {
    const r = find(body);
    const n = (attempts.get(r.id) ?? 0) + 1;
    attempts.set(r.id, n);
    if (r.id === o.failing) return { status: 500, delayMs: o.latencyMs };
    if (n > 1) return { delayMs: o.latencyMs };
    switch (position.get(r.id)! % 4) {
      case 0:
        return { status: 429, delayMs: o.latencyMs };
      case 1:
        return { status: 500, delayMs: o.latencyMs };
      case 2:
        return { delayMs: o.timeoutMs * 3 };
      default:
        return { delayMs: o.latencyMs };
    }
  };
}
