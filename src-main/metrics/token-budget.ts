import llama3Tokenizer from 'llama3-tokenizer-js';

/** The tokenizer the budget is counted with (npm llama3-tokenizer-js: the Llama 3 / 3.1 BPE vocabulary). */
export const TOKENIZER = 'llama3-tokenizer-js@1.2.0 (Llama 3 BPE, chat template of Llama 3 Instruct)';
/** Llama 3 chat template: <|begin_of_text|> once, then per message <|start_header_id|>role<|end_header_id|>\n\n ... <|eot_id|>. */
const PER_CONVERSATION = 1;
const PER_MESSAGE = 5;
/** Recommended lengths are rounded up to a multiple of this. */
const ROUND_TO = 256;

const cache = new Map<string, number>();
const CACHE_LIMIT = 200_000;

function countPiece(piece: string): number {
  const hit = cache.get(piece);
  if (hit !== undefined) return hit;
  const n = llama3Tokenizer.encode(piece, { bos: false, eos: false }).length;
  if (cache.size < CACHE_LIMIT) cache.set(piece, n);
  return n;
}

/**
 * Tokens of a text. It is counted in pieces cut right after a blank line before a non-blank character,
 * where the tokenizer's pre-tokenizer splits anyway, so the sum is exact and the pieces that repeat across
 * examples (module files, prompts) are encoded once.
 */
export function countTokens(text: string): number {
  let total = 0;
  let start = 0;
  const re = /\n\n(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 2;
    total += countPiece(text.slice(start, end));
    start = end;
  }
  return total + (start < text.length ? countPiece(text.slice(start)) : 0);
}

/** Tokens of a whole conversation under the Llama 3 chat template, as a trainer sees it. */
export function conversationTokens(messages: readonly { role: string; content: string }[]): number {
  return PER_CONVERSATION + messages.reduce((n, m) => n + PER_MESSAGE + countTokens(m.content), 0);
}

export interface TokenStats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface TokenBudget {
  tokenizer: string;
  per_task: Record<string, TokenStats>;
  all: TokenStats;
  /** the smallest multiple of 256 at or above the longest conversation: no example is cut or dropped */
  recommended: { axolotl_sequence_len: number; llamafactory_cutoff_len: number };
}

const nearestRank = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;

function stats(values: number[]): TokenStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95), max: sorted.at(-1) ?? 0 };
}

/** Collects conversation lengths per task while an export streams its records. */
export class TokenBudgetAccumulator {
  private readonly byTask = new Map<string, number[]>();

  add(task: string, messages: readonly { role: string; content: string }[]): void {
    const list = this.byTask.get(task) ?? [];
    list.push(conversationTokens(messages));
    this.byTask.set(task, list);
  }

  result(): TokenBudget {
    const per_task: Record<string, TokenStats> = {};
    for (const task of [...this.byTask.keys()].sort()) per_task[task] = stats(this.byTask.get(task)!);
    const all = stats([...this.byTask.values()].flat());
    const len = Math.max(ROUND_TO, Math.ceil(all.max / ROUND_TO) * ROUND_TO);
    return { tokenizer: TOKENIZER, per_task, all, recommended: { axolotl_sequence_len: len, llamafactory_cutoff_len: len } };
  }
}
