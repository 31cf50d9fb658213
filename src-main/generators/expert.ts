import type { Example } from '../../src-preload/schemas/example';
import type { Knowledge } from '../knowledge/schemas';
import type { Db } from '../store/db';
import { selectTools } from '../tool-selector';
import { generateWorkflow } from '../workflow-generator';
import { makeExample } from './example-factory';

/**
 * The expert-curated benchmark (plan 1.3): the 100 golden queries with their expected intents, tools and a
 * generated workflow; source 'expert', so the pipeline keeps them in test only. Each has its own group
 * (not the golden query's paraphrase group), so the paraphrases used for training are not dragged into test.
 */
export function expertExamples(kb: Knowledge): Example[] {
  return kb.goldenQueries.map((g) => {
    const intent = g.expected_intent;
    const tools = intent.analysis_type === 'unknown' ? [] : selectTools(intent, kb, g.query);
    const workflow = tools.length > 0 ? generateWorkflow(intent, tools, kb, { text: g.query }) : undefined;
    return makeExample({
      id: `expert-${g.id}`,
      kind: workflow ? 'workflow' : 'query_variation',
      source: 'expert',
      groupId: `expert:${g.id}`,
      baseId: g.id,
      engine: 'expert',
      category: g.category,
      analysisType: intent.analysis_type,
      difficulty: g.difficulty,
      input: g.query,
      output: workflow ? { intent, tools, workflow } : { intent },
      groundTruth: intent,
      templateId: 'golden',
    });
  });
}

/** Golden queries into their table (idempotent). */
export function storeGoldenQueries(db: Db, kb: Knowledge): void {
  const stmt = db.prepare(
    'INSERT OR REPLACE INTO golden_queries (id, query, category, difficulty, expected_intent, expected_tools) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const g of kb.goldenQueries) stmt.run(g.id, g.query, g.category, g.difficulty, JSON.stringify(g.expected_intent), JSON.stringify(g.expected_tools));
  }).immediate();
}
