import type { JobView } from '../../src-preload/contract/jobs';
import type { AppContext } from '../app/context';
import type { Job } from '../jobs/job-store';
import { jobView } from '../jobs/job-view';
import { ApiError } from './api-error';

/** The reply of jobs.start / jobs.resume / build.start: the job as stored now, typed by kind. */
export function startedJobReply(ctx: AppContext, started: { job: Job; done: Promise<Job> }): JobView {
  started.done.catch(() => undefined); // the job records its own failure
  const view = jobView(ctx.runner.store.get(started.job.id) ?? started.job);
  if (!view) throw new ApiError(500, `job ${started.job.id} of kind '${started.job.kind}' does not fit the job contract`);
  return view;
}
