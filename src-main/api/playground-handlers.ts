import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AppContext } from '../app/context';
import { parseIntent } from '../intent-parser';
import { assertImportablePath } from '../interactions/import-feedback';
import { InteractionConflictError, interactionsRepo } from '../interactions/repo';
import { interactionExampleId, interactionToExample, syncInteractionExamples } from '../interactions/to-example';
import { loadKnowledge } from '../knowledge/load';
import { validateEdit } from '../review/validate-edit';
import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { selectTools } from '../tool-selector';
import { generateWorkflow } from '../workflow-generator';
import { ImportSummarySchema } from '../../src-preload/contract/playground';
import { ApiError } from './api-error';
import type { PartHandlers } from './types';

const defaultSession = (ctx: AppContext): string => ctx.playgroundSessionId;

const changed = (ctx: AppContext, what: string) => ctx.events.emit('event', { type: 'data-changed', what });

export const playgroundHandlers = {
  'playground.run': (req, ctx) => {
    const kb = loadKnowledge();
    const intent = parseIntent(req.query, kb);
    const tools = selectTools(intent, kb, req.query);
    const workflow = tools.length > 0 ? generateWorkflow(intent, tools, kb, { text: req.query }) : null;
    const diagnostics = workflow ? checkWorkflow(workflow.files).diagnostics : [];
    const sessionId = req.sessionId ?? defaultSession(ctx);
    const { interaction } = interactionsRepo(ctx.db).log({
      session_id: sessionId,
      timestamp: new Date().toISOString(),
      query: req.query,
      intent,
      tools,
      workflow,
      feedback: null,
      modifications: null,
      execution_success: null,
      origin: 'playground',
    });
    changed(ctx, 'interactions');
    return { intent, tools, workflow: workflow?.files ?? {}, diagnostics, interactionId: interaction.id, sessionId };
  },

  'playground.regenerate': (req) => {
    const kb = loadKnowledge();
    const problems = validateEdit('interaction', { intent: req.intent, tools: req.tools }, kb);
    if (problems.length > 0 || req.tools.length === 0) return { workflow: {}, diagnostics: [], problems };
    const workflow = generateWorkflow(req.intent, req.tools, kb, { text: req.query });
    return { workflow: workflow.files, diagnostics: checkWorkflow(workflow.files).diagnostics, problems };
  },

  'playground.feedback': (req, ctx) => {
    const repo = interactionsRepo(ctx.db);
    let interaction: ReturnType<typeof repo.setFeedback>;
    try {
      interaction = repo.setFeedback(req.interactionId, {
        feedback: req.feedback,
        modifications: req.modifications,
        executionSuccess: req.executionSuccess,
      });
    } catch (err) {
      if (err instanceof InteractionConflictError) throw new ApiError(409, err.message);
      throw err;
    }
    if (!interaction) throw new ApiError(404, `no interaction '${req.interactionId}'`);
    const kb = loadKnowledge();
    syncInteractionExamples(ctx.db, [interaction], kb);
    const example = interactionToExample(interaction, kb) ? (ctx.examples.get(interactionExampleId(interaction.id)) ?? null) : null;
    changed(ctx, 'interactions');
    changed(ctx, 'examples');
    return { interaction, example };
  },

  'interactions.list': (req, ctx) => {
    const repo = interactionsRepo(ctx.db);
    const filter = { sessionId: req.sessionId, origin: req.origin, feedback: req.feedback };
    return {
      total: repo.count(filter),
      items: repo.list(filter, req.offset, req.limit, req.newestFirst ?? false),
      stats: repo.stats(),
    };
  },

  'interactions.import': async (req, ctx) => {
    const file = path.resolve(req.path);
    // a path the user typed: a regular feedback JSONL file, never the store; nothing of another file is echoed
    assertImportablePath(file, ctx.dbPath);
    // a job, so the import reports progress (job-progress events for req.jobId) and can be cancelled
    if (req.jobId && ctx.runner.store.get(req.jobId)) throw new ApiError(409, `job id ${req.jobId} is already used; send a new one`);
    const job = await ctx.runner.start('import-feedback', { path: file }, req.jobId ?? randomUUID()).done;
    if (job.status === 'completed') return ImportSummarySchema.parse(job.result);
    if (job.status === 'cancelled')
      throw new ApiError(409, `${req.path}: import cancelled; the lines written so far are kept, and importing the file again adds the rest`);
    throw new ApiError(500, `${req.path}: import failed: ${job.error ?? 'unknown error'}`);
  },
} satisfies PartHandlers;
