import OpenAI from 'openai';
import { z } from 'zod';
import { HttpUrlSchema } from '../../src-preload/schemas/http-url';

export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const LlmClientConfigSchema = z.object({
  baseURL: HttpUrlSchema,
  apiKey: z.string().min(1).default('not-needed'),
  model: z.string().min(1),
  concurrency: z.number().int().min(1),
  timeoutMs: z.number().int().min(1),
  maxRetries: z.number().int().min(0),
});
export type LlmClientConfig = z.input<typeof LlmClientConfigSchema>;

export interface ChatOptions {
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface CallUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface UsageTotals extends CallUsage {
  calls: number;
}

/**
 * `kind` tells a transport failure (timeout, retries exhausted, refused connection) from a reply
 * that never became valid JSON for the schema; in both cases the call resolves, it does not throw.
 */
export type ChatJsonResult<T> =
  | { ok: true; value: T; raw: string; usage: CallUsage; cached?: boolean }
  | { ok: false; kind: 'invalid' | 'transport'; raw: string; error: string; usage: CallUsage };

/** A free-text reply (no schema, no correction turn); transport failures resolve with ok: false. */
export type ChatTextResult =
  | { ok: true; text: string; usage: CallUsage; cached?: boolean }
  | { ok: false; kind: 'transport'; error: string; usage: CallUsage };

export interface LlmClient {
  readonly model: string;
  /** the endpoint asked (errors name it, so a dead endpoint is named where the job fails) */
  readonly baseURL: string;
  /** requests this client keeps in flight at most (its semaphore); callers size their work pools by it */
  readonly concurrency: number;
  chatJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, opts?: ChatOptions): Promise<ChatJsonResult<T>>;
  chatText(messages: ChatMessage[], opts?: ChatOptions): Promise<ChatTextResult>;
  usage(): UsageTotals;
}

/** Counting semaphore: at most `max` holders; waiters are served first in, first out. */
export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<R>(fn: () => Promise<R>): Promise<R> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    const next = this.waiters.shift();
    // The slot passes straight to the next waiter, so `active` stays unchanged.
    if (next) next();
    else this.active--;
  }
}

/** Strips a Markdown code fence (```json ... ```) if the model wrapped its JSON in one. */
export function stripFences(text: string): string {
  const m = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(text);
  return (m ? m[1]! : text).trim();
}

export function parseJsonAs<T>(raw: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(stripFences(raw));
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: `does not match the schema: ${z.prettifyError(parsed.error)}` };
}

function correction(error: string): string {
  return `Your previous reply ${error}\nReply again with only the corrected JSON, no prose and no code fences.`;
}

export function createLlmClient(config: LlmClientConfig): LlmClient {
  const parsed = LlmClientConfigSchema.safeParse(config);
  if (!parsed.success)
    throw new Error(`LLM settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} (got baseURL '${config.baseURL}')`);
  const cfg = parsed.data;
  // The SDK retries 408/409/429/5xx and timeouts with exponential backoff, honouring retry-after(-ms).
  // organization/project are pinned to null so OPENAI_ORG_ID/OPENAI_PROJECT_ID from the environment
  // are not sent to whatever server baseURL names.
  const openai = new OpenAI({
    baseURL: cfg.baseURL,
    apiKey: cfg.apiKey,
    organization: null,
    project: null,
    maxRetries: cfg.maxRetries,
    timeout: cfg.timeoutMs,
  });
  const gate = new Semaphore(cfg.concurrency);
  const totals: UsageTotals = { promptTokens: 0, completionTokens: 0, calls: 0 };

  async function complete(messages: ChatMessage[], opts: ChatOptions, usage: CallUsage): Promise<string> {
    const res = await gate.run(() =>
      openai.chat.completions.create(
        {
          model: cfg.model,
          messages,
          ...(opts.temperature === undefined ? {} : { temperature: opts.temperature }),
          ...(opts.maxTokens === undefined ? {} : { max_tokens: opts.maxTokens }),
        },
        { signal: opts.signal },
      ),
    );
    const prompt = res.usage?.prompt_tokens ?? 0;
    const completion = res.usage?.completion_tokens ?? 0;
    usage.promptTokens += prompt;
    usage.completionTokens += completion;
    totals.promptTokens += prompt;
    totals.completionTokens += completion;
    totals.calls++;
    return res.choices[0]?.message.content ?? '';
  }

  return {
    model: cfg.model,
    baseURL: cfg.baseURL,
    concurrency: cfg.concurrency,

    async chatJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, opts: ChatOptions = {}): Promise<ChatJsonResult<T>> {
      const usage: CallUsage = { promptTokens: 0, completionTokens: 0 };
      let raw = '';
      try {
        raw = await complete(messages, opts, usage);
        const first = parseJsonAs(raw, schema);
        if (first.ok) return { ok: true, value: first.value, raw, usage };

        const retryMessages: ChatMessage[] = [
          ...messages,
          { role: 'assistant', content: raw },
          { role: 'user', content: correction(first.error) },
        ];
        raw = await complete(retryMessages, opts, usage);
        const second = parseJsonAs(raw, schema);
        if (second.ok) return { ok: true, value: second.value, raw, usage };
        return { ok: false, kind: 'invalid', raw, error: second.error, usage };
      } catch (err) {
        return { ok: false, kind: 'transport', raw, error: describeError(err), usage };
      }
    },

    async chatText(messages: ChatMessage[], opts: ChatOptions = {}): Promise<ChatTextResult> {
      const usage: CallUsage = { promptTokens: 0, completionTokens: 0 };
      try {
        return { ok: true, text: await complete(messages, opts, usage), usage };
      } catch (err) {
        return { ok: false, kind: 'transport', error: describeError(err), usage };
      }
    },

    usage: () => ({ ...totals }),
  };
}

/** SDK error messages carry status and server text but not request headers, so no key leaks here. */
function describeError(err: unknown): string {
  if (err instanceof OpenAI.APIError) return `${err.constructor.name}${err.status ? ` ${err.status}` : ''}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
