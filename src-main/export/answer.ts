import type { Example } from '../../src-preload/schemas/example';
import type { Knowledge } from '../knowledge/schemas';
import { renderTaskAnswer } from '../task-contract/answer';

/** The assistant turn of a training conversation: the answer the example's task gives (task-contract/answer.ts). */
export function renderAnswer(example: Example, kb: Knowledge): string {
  return renderTaskAnswer(example, kb);
}
