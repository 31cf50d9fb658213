import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { markDeadBuilds } from '../../../src-main/build/build-liveness';
import { JobRunner } from '../../../src-main/jobs/job-runner';
import { currentOwner, processStartedAt } from '../../../src-main/jobs/owner';
import { openStore } from '../../../src-main/store/db';
import { exitedPid, idleProcess } from '../../support/processes';
import { tempDir } from '../../support/serve';

const startedAtOf = (p: ChildProcess): string => processStartedAt(p.pid!)!;

describe('job liveness: only a job whose owner is gone is interrupted', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });

  const store = () => openStore(path.join(tempDir(), 'jobs.sqlite'));
  const setOwner = (db: ReturnType<typeof store>, id: string, pid: number, startedAt: string | null, host = hostname()) =>
    db.prepare("UPDATE jobs SET status = 'running', owner_pid = ?, owner_host = ?, owner_started_at = ? WHERE id = ?").run(pid, host, startedAt, id);

  it('records this process as the owner of a new job, before any work', async () => {
    const db = store();
    const runner = new JobRunner(db);
    let ownerDuringWork: unknown = null;
    runner.register('probe', async () => {
      ownerDuringWork = db.prepare('SELECT owner_pid, owner_host, owner_started_at, status FROM jobs').get();
      return null;
    });
    const { job, done } = runner.start('probe', {}, 'j1');
    // start returned before the handler ran: the caller can print the id first
    expect(ownerDuringWork).toBeNull();
    expect(job.id).toBe('j1');
    await done;
    expect(ownerDuringWork).toEqual({ owner_pid: process.pid, owner_host: hostname(), owner_started_at: currentOwner().startedAt, status: 'running' });
  });

  it("another process's live job stays running when the store is opened, and resume refuses it (409); once that process is gone it is interrupted and resumes", async () => {
    const db = store();
    const first = new JobRunner(db);
    let runs = 0;
    first.register('work', async () => ++runs);
    await first.start('work', {}, 'j2').done;
    const other = await idleProcess();
    children.push(other);
    setOwner(db, 'j2', other.pid!, startedAtOf(other));

    const second = new JobRunner(db); // what any other process opening the store does
    second.register('work', async () => ++runs);
    expect(second.store.get('j2')!.status).toBe('running');
    expect(() => second.resume('j2')).toThrow(new RegExp(`^job j2 is still running \\(process ${other.pid} on ${hostname()}, last heartbeat .*\\); wait for it to finish or cancel it there$`));
    expect(() => second.start('work', {}, 'j2')).toThrow(/is still running/);
    try {
      second.resume('j2');
    } catch (err) {
      expect((err as { status: number }).status).toBe(409);
    }
    expect(runs).toBe(1);

    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    const third = new JobRunner(db);
    third.register('work', async () => ++runs);
    expect(third.store.get('j2')!.status).toBe('interrupted');
    expect(third.store.get('j2')!.message).toMatch(new RegExp(`^interrupted: its process stopped while it ran \\(process ${other.pid} on `));
    const resumed = await third.resume('j2').done;
    expect(resumed.status).toBe('completed');
    expect(runs).toBe(2);
  });

  it('two processes starting one fixed-id job at the same moment: the one whose insert loses waits for the other and then continues it', async () => {
    const db = store();
    const first = new JobRunner(db);
    const second = new JobRunner(db);
    const runs: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    first.register('work', async () => {
      runs.push('first');
      await gate;
      return 1;
    });
    second.register('work', async () => {
      runs.push('second');
      return 2;
    });
    // the second looked for the job (no row yet) just before the first inserted it: two builds reaching the same
    // generation job together
    const { isLive, get } = second.store;
    let raced = false;
    second.store.isLive = (id) => (raced ? isLive.call(second.store, id) : false);
    second.store.get = (id) => {
      if (raced) return get.call(second.store, id);
      raced = true;
      return undefined;
    };
    const a = first.start('work', {}, 'j').done;
    const b = second.startWhenFree('work', {}, 'j', 10);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toEqual(['first']);
    release();
    expect((await a).status).toBe('completed');
    expect((await b).status).toBe('completed');
    expect(runs).toEqual(['first', 'second']);
  });

  it('a reused pid (a live process that started at another time) is not taken for the owner', async () => {
    const db = store();
    const runner = new JobRunner(db);
    runner.register('work', async () => null);
    await runner.start('work', {}, 'j3').done;
    const other = await idleProcess();
    children.push(other);
    setOwner(db, 'j3', other.pid!, '2020-01-01T00:00:00.000Z');
    expect(new JobRunner(db).store.get('j3')!.status).toBe('interrupted');
  });

  it('an owner on another host is alive while its heartbeat is recent', async () => {
    const db = store();
    const runner = new JobRunner(db);
    runner.register('work', async () => null);
    await runner.start('work', {}, 'j4').done;
    setOwner(db, 'j4', 1, null, 'another-host');
    db.prepare('UPDATE jobs SET heartbeat_at = ? WHERE id = ?').run(new Date().toISOString(), 'j4');
    expect(new JobRunner(db).store.get('j4')!.status).toBe('running');
    db.prepare('UPDATE jobs SET heartbeat_at = ? WHERE id = ?').run(new Date(Date.now() - 120_000).toISOString(), 'j4');
    expect(new JobRunner(db).store.get('j4')!.status).toBe('interrupted');
  });

  it('a build left running by a dead process is marked error and its partial rows removed; a live one is kept', async () => {
    const db = store();
    const other = await idleProcess();
    children.push(other);
    const insert = db.prepare(
      "INSERT INTO builds (id, kind, status, seed, config, created_at, owner_pid, owner_host, owner_started_at) VALUES (?, 'build', 'running', 1, '{}', 'now', ?, ?, ?)",
    );
    insert.run('dead', await exitedPid(), hostname(), null);
    insert.run('live', other.pid, hostname(), startedAtOf(other));
    const item = db.prepare('INSERT INTO build_items (build_id, example_id) VALUES (?, ?)');
    for (const b of ['dead', 'live']) for (const e of ['a', 'b', 'c']) item.run(b, e);

    expect(markDeadBuilds(db)).toEqual(['dead']);
    const rows = db.prepare('SELECT id, status, quality_report FROM builds ORDER BY id').all() as { id: string; status: string; quality_report: string | null }[];
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['dead', 'error'],
      ['live', 'running'],
    ]);
    expect(JSON.parse(rows[0]!.quality_report!).error).toMatch(/^interrupted: the build's process stopped before it finished \(process \d+ on .*\); its partial rows were removed/);
    expect(db.prepare('SELECT build_id, COUNT(*) AS n FROM build_items GROUP BY build_id').all()).toEqual([{ build_id: 'live', n: 3 }]);
  });
});
