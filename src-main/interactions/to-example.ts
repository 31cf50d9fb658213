import type { Example, ExampleOutput } from '../../src-preload/schemas/example';
import type { Interaction } from '../../src-preload/schemas/interaction';
import { categoryOf } from '../generators/categories';
import { exampleContentHash } from '../generators/example-factory';
import type { Knowledge } from '../knowledge/schemas';
import { diffIntents } from '../review/intent-diff';
import type { Db } from '../store/db';
import { ExamplesRepo, exampleInsertRow } from '../store/examples-repo';
import { hasModifications } from './quality-score';

export const interactionExampleId = (interactionId: string) => `ix-${interactionId}`;

/** True when the user corrected the answer (feedback 'modify', or modifications given with 'accept'). */
export const isModified = (i: Pick<Interaction, 'feedback' | 'modifications'>) => i.feedback === 'modify' || hasModifications(i.modifications);

const difficultyCache = new WeakMap<Knowledge, Map<string, number>>();

/** Median difficulty of the golden queries of an analysis type; 2 when it has none. */
function difficultyOf(kb: Knowledge, analysisType: string): number {
  let map = difficultyCache.get(kb);
  if (!map) {
    const by = new Map<string, number[]>();
    for (const g of kb.goldenQueries) {
      const t = g.expected_intent.analysis_type;
      by.set(t, [...(by.get(t) ?? []), g.difficulty]);
    }
    map = new Map([...by].map(([t, ds]) => [t, ds.sort((a, b) => a - b)[Math.floor((ds.length - 1) / 2)]!]));
    difficultyCache.set(kb, map);
  }
  return map.get(analysisType) ?? 2;
}

/**
 * The training example an interaction yields (plan 2.3), or null: only accepted and modified interactions
 * with something to learn from count. The target is the user's modification where present, else what was
 * logged; accepted-unmodified examples are auto-validated, modified ones need review. Pure.
 */
export function interactionToExample(i: Interaction, kb: Knowledge): Example | null {
  if (i.feedback !== 'accept' && i.feedback !== 'modify') return null;
  const mods = i.modifications ?? {};
  const intent = mods.intent ?? i.intent ?? undefined;
  const tools = mods.tools ?? i.tools ?? undefined;
  const workflow = mods.workflow ?? i.workflow ?? undefined;
  if (!intent && !tools && !workflow) return null;
  const output: ExampleOutput = {};
  if (intent) output.intent = intent;
  if (tools) output.tools = tools;
  if (workflow) output.workflow = workflow;
  const analysisType = intent?.analysis_type ?? 'unknown';
  const intentChanged = mods.intent !== undefined && i.intent !== null;
  return {
    id: interactionExampleId(i.id),
    kind: 'interaction',
    source: i.origin === 'import' ? 'import' : 'interaction',
    group_id: `ix-session-${i.session_id}`,
    base_id: null,
    style: null,
    engine: 'interaction',
    category: categoryOf(kb, analysisType),
    analysis_type: analysisType,
    difficulty: difficultyOf(kb, analysisType),
    input: i.query,
    output,
    // only a corrected intent carries the round-trip fields: the correction, what was parsed, and their diff
    ground_truth_intent: intentChanged ? intent! : null,
    parsed_intent: intentChanged ? i.intent : null,
    intent_diff: intentChanged ? diffIntents(intent!, i.intent!) : null,
    status: isModified(i) ? 'needs_review' : 'auto_validated',
    split: null,
    quality_score: i.quality_score,
    content_hash: exampleContentHash('interaction', i.query, output),
    created_at: i.timestamp,
  };
}

export interface ExampleSyncResult {
  created: number;
  updated: number;
  /** examples whose interaction no longer qualifies (e.g. feedback changed to reject): set to 'rejected' */
  retired: number;
}

const updateStmts = new WeakMap<Db, ReturnType<Db['prepare']>>();

function updateStmt(db: Db) {
  let stmt = updateStmts.get(db);
  if (!stmt) {
    stmt = db.prepare(`UPDATE examples SET source = @source, group_id = @group_id, engine = @engine, category = @category,
      analysis_type = @analysis_type, difficulty = @difficulty, input = @input, output = @output,
      ground_truth_intent = @ground_truth_intent, parsed_intent = @parsed_intent, intent_diff = @intent_diff,
      intent_mismatches = @intent_mismatches, confidence = @confidence, status = @status, quality_score = @quality_score,
      content_hash = @content_hash WHERE id = @id`);
    updateStmts.set(db, stmt);
  }
  return stmt;
}

/**
 * Creates or refreshes the examples of these interactions in one transaction. An example a reviewer already
 * accepted keeps its status while its content is unchanged; one whose interaction no longer qualifies is
 * marked rejected (not deleted, so its review history stays).
 */
export function syncInteractionExamples(db: Db, interactions: readonly Interaction[], kb: Knowledge): ExampleSyncResult {
  const repo = new ExamplesRepo(db);
  const result: ExampleSyncResult = { created: 0, updated: 0, retired: 0 };
  db.transaction(() => {
    const fresh: Example[] = [];
    for (const i of interactions) {
      const ex = interactionToExample(i, kb);
      const existing = repo.get(interactionExampleId(i.id));
      if (!ex) {
        if (existing && existing.status !== 'rejected') {
          repo.setStatus(existing.id, 'rejected');
          result.retired++;
        }
        continue;
      }
      if (!existing) {
        fresh.push(ex);
        continue;
      }
      const status = existing.status === 'accepted' && existing.content_hash === ex.content_hash ? 'accepted' : ex.status;
      // the insert row's encoding; job_id and seq are not updated
      updateStmt(db).run({ ...exampleInsertRow(ex, null, 0), status });
      result.updated++;
    }
    result.created += repo.insertMany(fresh);
  }).immediate();
  return result;
}
