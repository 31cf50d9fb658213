import { JOB_PARAMS, type JobKind, type JobParams, type JobParamsInput, type JobResult } from '../../src-preload/contract/jobs';
import type { Job } from './job-store';
import type { JobContext, JobRunner } from './job-runner';

/**
 * Registers a job kind of the contract (src-preload/contract/jobs.ts): the handler gets its params parsed
 * by the kind's schema (defaults applied, also on resume) and must return the kind's result type.
 */
export function registerJob<K extends JobKind>(
  runner: JobRunner,
  kind: K,
  handler: (job: JobContext<JobParams<K>>) => Promise<JobResult<K>>,
): void {
  runner.register(kind, (job: JobContext<unknown>) => handler({ ...job, params: JOB_PARAMS[kind].parse(job.params) as JobParams<K> }));
}

/** Starts (or continues, with an id) a job of the contract with params checked at compile time and at run time. */
export function startJob<K extends JobKind>(
  runner: JobRunner,
  kind: K,
  params: JobParamsInput<K>,
  id?: string,
): { job: Job; done: Promise<Job> } {
  return runner.start(kind, JOB_PARAMS[kind].parse(params), id);
}
