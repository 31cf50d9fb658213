import { type JobView, JobViewSchema } from '../../src-preload/contract/jobs';
import type { Job } from './job-store';

/**
 * A stored job as the API shows it, typed by its kind. A result stored by an older version that no longer
 * fits the kind's schema is shown as null (the row is kept); a kind this build does not know is left out.
 */
export function jobView(job: Job): JobView | null {
  const parsed = JobViewSchema.safeParse(job);
  if (parsed.success) return parsed.data;
  const withoutResult = JobViewSchema.safeParse({ ...job, result: null });
  return withoutResult.success ? withoutResult.data : null;
}

export const jobViews = (jobs: Job[]): JobView[] => jobs.map(jobView).filter((j): j is JobView => j !== null);
