import type { Example } from '../../src-preload/schemas/example';
import { frameRequest, type TaskPrompt } from './prompts';
import { type Task, taskOf } from './tasks';

/** The user turn of an example under its task: the request framed by the task's user frame, or as written. */
export function userTurn(example: Pick<Example, 'kind' | 'output' | 'input'>, prompts: ReadonlyMap<Task, TaskPrompt>): string {
  return frameRequest(prompts.get(taskOf(example))!, example.input);
}
