import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import type { GeneratedKind } from '../../../src-main/generators/targets';
import type { ExampleSeed } from '../../../src-main/generators/example-factory';
import { type ChatRequestBody, OpenAiTestServer } from '../../support/openai-test-server';
import { originalRequestOf, userTextOf } from '../../support/llm-prompts';
import { runCli, tempDir } from '../../support/serve';

const kb = loadKnowledge();
const SEED = 5;
// --scale 0.002 of the plan targets 5,000 / 2,000 / 1,000 / 500 / 500
const COUNTS: Record<GeneratedKind, number> = { query_variation: 10, tool_selection: 4, workflow: 2, education: 1, error_diagnosis: 1 };
const WRONG = 'Call peaks on H3K27ac ChIP-seq of human liver against input controls.';

/** The template rendering of every planned item, by the text the prompt shows the model. */
const byText = new Map<string, ExampleSeed>();
for (const [kind, n] of Object.entries(COUNTS) as [GeneratedKind, number][]) {
  const plan = planTemplateItems(kb, kind, n, SEED);
  for (let i = 0; i < n; i++) byText.set(plan.render(i).input, plan.render(i));
}
const firstVariation = planTemplateItems(kb, 'query_variation', 1, SEED).render(0).input;

const user = userTextOf;
const field = (text: string, label: string, next: string) => new RegExp(`^${label}:[ \\n]([\\s\\S]*?)\\n${next}`, 'm').exec(text)?.[1] ?? '';

/**
 * A scripted model that answers each task with the template's answer, and one paraphrase with the wrong
 * analysis; a prompt it cannot place gets '{}' (an invalid reply), so a test failure names it.
 */
function respond(body: ChatRequestBody): string {
  try {
    return answer(body);
  } catch {
    return '{}';
  }
}

function answer(body: ChatRequestBody): string {
  const u = user(body);
  if (u.startsWith('Style:')) {
    const original = originalRequestOf(u);
    return JSON.stringify({ query: original === firstVariation ? WRONG : `Could you set this up for me? ${original}` });
  }
  if (u.startsWith('Question:')) return JSON.stringify({ explanation: byText.get(field(u, 'Question', 'Reference facts:'))!.output.explanation });
  if (u.startsWith('Failing tool:')) {
    const t = byText.get(field(u, 'User message and log', 'Known pattern:'))!;
    return JSON.stringify({ diagnosis: t.output.diagnosis, fix_steps: t.output.fix_steps });
  }
  const t = byText.get(field(u, 'Request', 'Intent:'))!;
  if (u.includes('Candidate tools')) return JSON.stringify({ tools: t.output.tools });
  return JSON.stringify({ files: t.output.workflow!.files });
}

const dirs: string[] = [];
const servers: OpenAiTestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('biotrain build --engine llm (built CLI, loopback OpenAI-compatible server)', () => {
  it('generates every kind through the endpoint (ids carry the engine), round-trips the paraphrases and exports them', async () => {
    const server = new OpenAiTestServer({ respond, faults: [{ status: 429 }, { status: 429 }] });
    servers.push(server);
    const { baseURL } = await server.start();
    const dir = tempDir('biotrain-llmbuild-');
    dirs.push(dir);
    const out = path.join(dir, 'out');
    const env = { BIOTRAIN_LLM_BASE_URL: baseURL, BIOTRAIN_LLM_MODEL: 'build-model' };
    const r = await runCli(['build', '--engine', 'llm', '--scale', '0.002', '--seed', String(SEED), '--db', path.join(dir, 'store.sqlite'), '--out', out, '--json'], { env });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);

    // one request per planned item, plus the two 429s the client retried
    expect(server.count).toBe(10 + 4 + 2 + 1 + 1 + 2);
    expect(server.requests.every((b) => b.model === 'build-model')).toBe(true);
    const summary = JSON.parse(r.stdout) as { kinds: { kind: string; total: number }[]; excluded: Record<string, number> };
    expect(Object.fromEntries(summary.kinds.map((k) => [k.kind, k.total]))).toEqual({ ...COUNTS, workflow: 2 + 95, query_variation: 10 + 5 });

    const rows = ['train', 'val', 'test'].flatMap((s) =>
      fs
        .readFileSync(path.join(out, 'processed', `${s}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { metadata: { example_id: string; engine: string; source: string } }),
    );
    const generated = rows.filter((row) => row.metadata.engine !== 'expert');
    expect(generated.every((row) => row.metadata.engine === 'llm:build-model' && row.metadata.example_id.endsWith('.llm-build-model'))).toBe(true);
    // the wrong-analysis paraphrase failed its round trip: it waits in review, out of the export
    expect(generated.length).toBe(10 + 4 + 2 + 1 + 1 - 1);
    expect(summary.excluded.awaiting_review).toBe(1);
  }, 240_000);
});
