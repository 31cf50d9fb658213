import { describe, expect, it } from 'vitest';
import { exitedPid } from '../../support/processes';
import { JobRunner, throwIfCancelled } from '../../../src-main/jobs/job-runner';
import { openStore } from '../../../src-main/store/db';

describe('JobRunner', () => {
  it('runs a job to completion with progress persisted and events emitted', async () => {
    const db = openStore(':memory:');
    const runner = new JobRunner(db);
    runner.register<{ n: number }, { sum: number }>('count', async (ctx) => {
      let sum = 0;
      for (let i = 1; i <= ctx.params.n; i++) {
        sum += i;
        ctx.progress(i, ctx.params.n);
      }
      return { sum };
    });
    const seen: number[] = [];
    runner.on('progress', (p) => seen.push(p.done));
    const { done } = runner.start('count', { n: 4 }, 'job-1');
    const final = await done;
    expect(final.status).toBe('completed');
    expect(final.result).toEqual({ sum: 10 });
    expect(final.progress_done).toBe(4);
    expect(final.progress_total).toBe(4);
    expect(seen).toEqual([0, 1, 2, 3, 4, 4]);
  });

  it('cancels a running job and records why', async () => {
    const db = openStore(':memory:');
    const runner = new JobRunner(db);
    runner.register('slow', async (ctx) => {
      for (let i = 0; i < 100; i++) {
        throwIfCancelled(ctx.signal);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    const { done } = runner.start('slow', {}, 'job-2');
    setTimeout(() => runner.cancel('job-2'), 20);
    const final = await done;
    expect(final.status).toBe('cancelled');
    expect(final.message).toBe('cancelled by user');
  });

  it('records a failure with its message and marks jobs left running by a dead process as interrupted', async () => {
    const db = openStore(':memory:');
    const runner = new JobRunner(db);
    runner.register('boom', async () => {
      throw new Error('disk full');
    });
    const final = await runner.start('boom', {}, 'job-3').done;
    expect(final.status).toBe('failed');
    expect(final.error).toBe('disk full');
    // left running by a process that has exited
    db.prepare("UPDATE jobs SET status = 'running', owner_pid = ? WHERE id = 'job-3'").run(await exitedPid());
    const restarted = new JobRunner(db);
    expect(restarted.store.get('job-3')!.status).toBe('interrupted');
  });

  it('does not run a job twice when its id is started again while it runs, and refuses an id of another kind', async () => {
    const db = openStore(':memory:');
    const runner = new JobRunner(db);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    runner.register('slow', async () => {
      runs++;
      await gate;
      return { runs };
    });
    runner.register('other', async () => null);
    const first = runner.start('slow', {}, 'job-s');
    const again = runner.start('slow', {}, 'job-s');
    expect(again.done).toBe(first.done);
    expect(() => runner.start('other', {}, 'job-s')).toThrow("job job-s is a 'slow' job, not 'other'");
    release();
    expect((await first.done).result).toEqual({ runs: 1 });
    expect(runs).toBe(1);
  });

  it('rejects unknown job kinds with the known list', () => {
    const runner = new JobRunner(openStore(':memory:'));
    runner.register('a', async () => undefined);
    expect(() => runner.start('b', {})).toThrow("unknown job kind 'b' (known: a)");
  });
});
