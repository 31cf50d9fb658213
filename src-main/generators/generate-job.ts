import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { GenerateParamsSchema, type JobParams, type JobResult } from '../../src-preload/contract/jobs';
import type { Example } from '../../src-preload/schemas/example';
import type { AppContext } from '../app/context';
import { type JobContext, throwIfCancelled } from '../jobs/job-runner';
import type { Knowledge } from '../knowledge/schemas';
import { type RoundTripDeps, roundTrip } from '../round-trip/check';
import { ExamplesRepo } from '../store/examples-repo';
import { makeExample } from './example-factory';
import type { GeneratedKind } from './targets';
import { planTemplateItems } from './template-engine';
import { diversityReport, type DiversityReport } from './diversity';

export { GenerateParamsSchema };
export type GenerateParams = JobParams<'generate'>;
/** The generate job's result (src-preload/contract/jobs.ts); diversity is filled for query variations. */
export type GenerateSummary = Omit<JobResult<'generate'>, 'diversity'> & { diversity: DiversityReport | null };

const BATCH = 200;

/** A generation summary before any item is done (shared by the template and LLM engines). */
export function emptySummary(kind: GeneratedKind, engine: string, requested: number, planned: number): GenerateSummary {
  return { kind, engine, requested, planned, capped: capNote(kind, requested, planned), inserted: 0, skippedExisting: 0, autoValidated: 0, needsReview: 0, diversity: null };
}

/** What a plan smaller than the count asked for means, said once here for the CLI, the screens and the build. */
export function capNote(kind: GeneratedKind, requested: number, planned: number): string | null {
  if (planned >= requested) return null;
  return `capped: ${kind} holds ${planned.toLocaleString('en-US')} distinct items, so ${planned.toLocaleString('en-US')} of the ${requested.toLocaleString('en-US')} asked for were planned`;
}

export interface GenerateDeps extends RoundTripDeps {
  kb: Knowledge;
}

/**
 * Generates `count` examples of a kind. Items have deterministic ids and each batch is inserted in one
 * transaction with INSERT OR IGNORE, so a job killed at any point resumes without duplicates or gaps.
 */
export async function runGenerate(
  db: AppContext['db'],
  rawParams: unknown,
  deps: GenerateDeps,
  job: Pick<JobContext<unknown>, 'jobId' | 'signal' | 'progress'>,
): Promise<GenerateSummary> {
  const params = GenerateParamsSchema.parse(rawParams);
  if (params.engine === 'llm') throw new Error('use runLlmGenerate for the llm engine');
  const repo = new ExamplesRepo(db);
  const plan = planTemplateItems(deps.kb, params.kind, params.count, params.seed);
  const exists = db.prepare('SELECT 1 FROM examples WHERE id = ?').pluck();
  const summary = emptySummary(params.kind, 'template', params.count, plan.specs.length);
  job.progress(0, plan.specs.length, `generating ${params.kind}`);
  for (let start = 0; start < plan.specs.length; start += BATCH) {
    throwIfCancelled(job.signal);
    const batch: Example[] = [];
    const end = Math.min(plan.specs.length, start + BATCH);
    for (let i = start; i < end; i++) {
      if (exists.get(plan.id(i))) {
        summary.skippedExisting++;
        continue;
      }
      const example = roundTrip(makeExample(plan.render(i)), deps);
      if (example.status === 'auto_validated') summary.autoValidated++;
      else summary.needsReview++;
      batch.push(example);
    }
    const inserted = repo.insertMany(batch, job.jobId);
    summary.inserted += inserted;
    // items another writer (a second run of the same job) inserted since the check above were not new here
    summary.skippedExisting += batch.length - inserted;
    job.progress(end, plan.specs.length, `generating ${params.kind}`);
    await yieldToLoop();
  }
  if (params.kind === 'query_variation') summary.diversity = diversityReport(db, params.seed);
  return summary;
}
