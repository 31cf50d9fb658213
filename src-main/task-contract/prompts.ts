import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../knowledge/resources-dir';
import { TASKS, type Task } from './tasks';

/** A task's system prompt and the user frames that wrap a quoted request (only intent_parsing has them). */
export interface TaskPrompt {
  task: Task;
  /** path relative to the resources folder, as recorded in the export manifest */
  file: string;
  system: string;
  frames: string[];
  /** sha256 of the file's bytes */
  sha256: string;
}

export class TaskPromptError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'TaskPromptError';
  }
}

const REQUEST = '{{request}}';
const FrameSchema = z
  .string()
  .min(REQUEST.length + 3)
  .refine((f) => f.split(REQUEST).length === 2, { message: `each user frame must hold ${REQUEST} exactly once` })
  .refine((f) => !/\{\{(?!request\}\})/.test(f), { message: `the only placeholder a user frame may use is ${REQUEST}` });
const SectionsSchema = z.object({
  system: z.string().min(40, 'the system prompt is missing or shorter than 40 characters').refine((s) => !s.includes('{{'), 'the system prompt takes no placeholders'),
  frames: z.array(FrameSchema),
});

/** Tasks whose user turn quotes the stored request inside a frame. */
const FRAMED: ReadonlySet<Task> = new Set(['intent_parsing']);

export function defaultTaskPromptDir(): string {
  return path.join(resourcesDir(), 'prompts', 'tasks');
}

/** Splits a task prompt file: text before `## system` is a note for editors; `## user` frames are separated by `---` lines. */
export function parseTaskPrompt(task: Task, file: string, text: string): Omit<TaskPrompt, 'sha256'> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heading = (title: string) => lines.findIndex((l) => l.trim().toLowerCase() === `## ${title}`);
  const sys = heading('system');
  const usr = heading('user');
  if (sys < 0) throw new TaskPromptError(file, "missing the '## system' section");
  if (usr >= 0 && usr < sys) throw new TaskPromptError(file, "the '## system' section must come before '## user'");
  const system = lines.slice(sys + 1, usr < 0 ? undefined : usr).join('\n').trim();
  const frames =
    usr < 0
      ? []
      : lines
          .slice(usr + 1)
          .join('\n')
          .split(/^---\s*$/m)
          .map((f) => f.trim())
          .filter((f) => f.length > 0);
  const parsed = SectionsSchema.safeParse({ system, frames });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path[0] === 'frames' ? `user frame ${Number(issue.path[1]) + 1}` : 'system';
    throw new TaskPromptError(file, `${where}: ${issue.message}`);
  }
  if (FRAMED.has(task) && frames.length === 0) throw new TaskPromptError(file, `the '## user' section needs at least one frame with ${REQUEST}`);
  if (!FRAMED.has(task) && frames.length > 0) throw new TaskPromptError(file, `task '${task}' takes no user frames (its generators write the user turn)`);
  return { task, file, system, frames };
}

const cache = new Map<string, Map<Task, TaskPrompt>>();

/** Reads and checks resources/prompts/tasks/<task>.md for every task; errors name the file. */
export function loadTaskPrompts(dir: string = defaultTaskPromptDir()): Map<Task, TaskPrompt> {
  const hit = cache.get(dir);
  if (hit) return hit;
  const out = new Map<Task, TaskPrompt>();
  for (const task of TASKS) {
    const full = path.join(dir, `${task}.md`);
    const rel = path.relative(resourcesDir(), full).split(path.sep).join('/');
    if (!fs.existsSync(full)) throw new TaskPromptError(full, `task prompt file missing (expected for '${task}')`);
    const bytes = fs.readFileSync(full);
    out.set(task, { ...parseTaskPrompt(task, full, bytes.toString('utf8')), file: rel, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  cache.set(dir, out);
  return out;
}

/** The user turn of a request under a task's frame: the frame is picked by a hash of the request, so a request always reads the same. */
export function frameRequest(prompt: TaskPrompt, request: string): string {
  if (prompt.frames.length === 0) return request;
  const h = createHash('sha1').update(request.trim().toLowerCase()).digest();
  const frame = prompt.frames[h.readUInt32BE(0) % prompt.frames.length]!;
  return frame.replace(REQUEST, request.trim());
}
