import { z } from 'zod';
import type { Example, ToolChoice, VariationStyle } from '../../src-preload/schemas/example';
import { type Intent, IntentSchema } from '../../src-preload/schemas/intent';
import type { AppContext } from '../app/context';
import { type JobContext, throwIfCancelled } from '../jobs/job-runner';
import type { Knowledge } from '../knowledge/schemas';
import type { ChatMessage, LlmClient, UsageTotals } from '../llm/client';
import { loadPrompt, type PromptName, type PromptValues, renderPrompt } from '../llm/prompts';
import { roundTrip } from '../round-trip/check';
import { ExamplesRepo } from '../store/examples-repo';
import { diversityReport } from './diversity';
import { engineItemId } from './engine-id';
import { type ExampleSeed, makeExample } from './example-factory';
import { emptySummary, type GenerateDeps, GenerateParamsSchema, type GenerateSummary } from './generate-job';
import { planTemplateItems } from './template-engine';
import type { VariationSpec } from './variations';

/** Settled items stored per transaction, in plan order. */
const BATCH = 32;
/** Items requested before any has been answered; if all of them fail the job stops without asking for more. */
const PROBE = 32;
/** Cap on the error text kept with a rejected reply. */
const MAX_ERROR_CHARS = 600;

export interface LlmUsageSummary {
  promptTokens: number;
  completionTokens: number;
  /** requests answered by the server (a corrective retry is a second call) */
  calls: number;
  /** items answered from the llm_cache table without a request */
  cacheHits: number;
}

export interface LlmGenerateSummary extends GenerateSummary {
  usage: LlmUsageSummary;
  /** replies that never became valid JSON for the schema: kept as needs_review with the raw text */
  invalid: number;
  /**
   * planned items whose prompt repeats an earlier item's (two base intents worded alike, two error
   * situations with one log): neither asked nor stored, since the reply could only repeat the earlier item
   */
  duplicatePrompts: number;
}

const STYLE_GUIDES: Record<VariationStyle, string> = {
  formal: 'a complete, polite request in formal scientific English',
  casual: 'a relaxed chat message, contractions and informal wording welcome',
  minimal: 'as few words as possible, keyword style, no full sentence',
  detailed: 'a longer request that restates every detail of the experiment explicitly',
  edge_case: 'an unusual but realistic phrasing: abbreviations, a typo or two, odd word order',
};

const TEMPERATURE: Record<string, number> = { query_variation: 0.9 };
const DEFAULT_TEMPERATURE = 0.3;

const VariationReply = z.object({ query: z.string().trim().min(3) });
const ToolsReply = z.object({ tools: z.array(z.object({ tool: z.string().min(1), rationale: z.string() })).min(1) });
const WorkflowReply = z.object({
  files: z.record(z.string(), z.string()).refine((f) => typeof f['main.nf'] === 'string' && f['main.nf'].trim() !== '', 'files must include a non-empty main.nf'),
});
const EducationReply = z.object({ explanation: z.string().trim().min(20) });
const DiagnosisReply = z.object({ diagnosis: z.string().trim().min(10), fix_steps: z.array(z.string().min(1)).min(1) });

/** One LLM request for one planned item and how its validated reply becomes an example. */
interface LlmTask {
  base: ExampleSeed;
  messages: ChatMessage[];
  schema: z.ZodType<unknown>;
  build(value: unknown): ExampleSeed;
}

function task<T>(base: ExampleSeed, messages: ChatMessage[], schema: z.ZodType<T>, build: (value: T) => ExampleSeed): LlmTask {
  return { base, messages, schema: schema as z.ZodType<unknown>, build: (v) => build(v as T) };
}

function prompt<N extends PromptName>(name: N, values: PromptValues<N>): ChatMessage[] {
  return renderPrompt(loadPrompt(name), values);
}

/** The intent as the prompt shows it: the fields a request states, without bookkeeping. */
function intentJson(intent: Intent | undefined | null): string {
  if (!intent) return '{}';
  const { missing_information: _m, confidence: _c, ...stated } = IntentSchema.parse(intent);
  return JSON.stringify(stated);
}

function candidateTools(kb: Knowledge, intent: Intent | undefined, chosen: readonly ToolChoice[]): string {
  const type = intent ? kb.analysisTypeById.get(intent.analysis_type) : undefined;
  const ids = new Set<string>([
    ...(type ? [...type.required_tools, ...type.recommended_tools, ...type.optional_tools, ...type.steps.flatMap((s) => s.tools)] : []),
    ...(intent?.requested_tools ?? []),
    ...chosen.map((c) => c.tool),
  ]);
  return [...ids]
    .map((id) => kb.toolById.get(id))
    .filter((t) => t !== undefined)
    // memory only as the tool's documentation states it (tool_memory.yaml): the selector's memory_gb is no fact to repeat
    .map((t) => `- ${t.id}: ${t.name} - ${t.purpose}${kb.toolMemory.get(t.id) ? ` Memory: ${kb.toolMemory.get(t.id)!.statement}` : ''}`)
    .join('\n');
}

function workflowTools(kb: Knowledge, chosen: readonly ToolChoice[]): string {
  return chosen
    .map((c) => {
      const t = kb.toolById.get(c.tool);
      return t ? `- ${t.id} | ${t.container} | ${t.typical_command}` : `- ${c.tool}`;
    })
    .join('\n');
}

/**
 * The task for item i. The template rendering of the same item supplies the deterministic parts (id,
 * group, request text or log, intent, reference facts); the LLM writes the part the kind is about.
 */
function taskFor(kb: Knowledge, kind: GenerateSummary['kind'], seed: number, spec: unknown, base: ExampleSeed, engine: string): LlmTask {
  const seedOf = (over: Partial<ExampleSeed>): ExampleSeed => ({ ...base, engine, ...over });
  switch (kind) {
    case 'query_variation': {
      const s = spec as VariationSpec;
      // the request to rewrite is the template's wording of this item's base intent, and the intent that
      // wording states is the ground truth the round trip checks the rewrite against (the golden query
      // states another intent; the base intent may hold fields the wording leaves out)
      const messages = prompt('query_variation', {
        style: s.style,
        style_guide: STYLE_GUIDES[s.style],
        query: base.input,
        intent: intentJson(base.groundTruth),
        variant: s.index + 1,
        seed,
      });
      return task(base, messages, VariationReply, (v) => seedOf({ input: v.query, templateId: `${engine}-${s.style}` }));
    }
    case 'tool_selection': {
      const intent = base.output.intent;
      const messages = prompt('tool_selection', {
        query: base.input,
        intent: intentJson(intent),
        candidates: candidateTools(kb, intent, base.output.tools ?? []),
      });
      return task(base, messages, ToolsReply, (v) => seedOf({ output: { intent, tools: v.tools } }));
    }
    case 'workflow': {
      const { intent, tools = [] } = base.output;
      const messages = prompt('workflow', { query: base.input, intent: intentJson(intent), tools: workflowTools(kb, tools) });
      return task(base, messages, WorkflowReply, (v) => seedOf({ output: { intent, tools, workflow: { files: v.files } } }));
    }
    case 'education': {
      const messages = prompt('education', { question: base.input, reference: base.output.explanation ?? '' });
      return task(base, messages, EducationReply, (v) => seedOf({ output: { explanation: v.explanation } }));
    }
    case 'error_diagnosis': {
      const reference = [`Diagnosis: ${base.output.diagnosis ?? ''}`, 'Fix steps:', ...(base.output.fix_steps ?? []).map((f, i) => `${i + 1}. ${f}`)].join('\n');
      const situation = kb.errorSituations.find((x) => base.groupId === `err-${x.id}`);
      const toolId = situation?.process_tool ?? kb.errorPatterns.find((p) => p.id === situation?.pattern)?.tool ?? 'unknown';
      const messages = prompt('error_diagnosis', { tool: kb.toolById.get(toolId)?.name ?? toolId, log: base.input, reference });
      return task(base, messages, DiagnosisReply, (v) => seedOf({ output: { diagnosis: v.diagnosis, fix_steps: v.fix_steps } }));
    }
  }
}

/** A reply that never became valid JSON: kept for review with the raw text in output.explanation. */
function rejectedSeed(base: ExampleSeed, engine: string, error: string, raw: string): ExampleSeed {
  const err = error.length > MAX_ERROR_CHARS ? `${error.slice(0, MAX_ERROR_CHARS)}...` : error;
  const explanation = `LLM output rejected: ${err}\n\nRaw reply:\n${raw}`;
  return { ...base, engine, output: { ...(base.output.intent ? { intent: base.output.intent } : {}), explanation } };
}

interface Reply {
  t: LlmTask;
  res: Awaited<ReturnType<LlmClient['chatJson']>>;
}

type Outcome =
  | { kind: 'ok' | 'invalid'; example: Example; cached: boolean }
  | { kind: 'transport'; error: string };

/**
 * The LLM engine of the 'generate' job: the template engine's plan, its ids with the engine appended (so a
 * resumed or repeated job skips the items it stored, and a store the template engine filled still gets the
 * LLM's items), one LLM request per missing item. A rolling pool keeps the client's concurrency in flight
 * (a worker asks for its next item as soon as a reply arrives, before checking that reply); settled items
 * are inserted in plan order, BATCH per transaction, so ids, rows and their order do not depend on timing. Replies are validated with
 * zod; an invalid reply is stored as needs_review with its raw text, never thrown. Items whose request
 * failed (server down, retries exhausted) are not stored; the job fails after storing the rest, so
 * resuming it retries just those.
 */
export async function runLlmGenerate(
  db: AppContext['db'],
  rawParams: unknown,
  deps: GenerateDeps,
  job: Pick<JobContext<unknown>, 'jobId' | 'signal' | 'progress'>,
  client: LlmClient,
): Promise<LlmGenerateSummary> {
  const params = GenerateParamsSchema.parse(rawParams);
  const engine = `llm:${client.model}`;
  const repo = new ExamplesRepo(db);
  const plan = planTemplateItems(deps.kb, params.kind, params.count, params.seed);
  const idOf = (i: number) => engineItemId(plan.id(i), engine);
  const exists = db.prepare('SELECT 1 FROM examples WHERE id = ?').pluck();
  const temperature = TEMPERATURE[params.kind] ?? DEFAULT_TEMPERATURE;
  const usageBefore: UsageTotals = client.usage();
  const summary: LlmGenerateSummary = {
    ...emptySummary(params.kind, engine, params.count, plan.specs.length),
    usage: { promptTokens: 0, completionTokens: 0, calls: 0, cacheHits: 0 },
    invalid: 0,
    duplicatePrompts: 0,
  };
  // the first item of the plan that asks each prompt: a later item with the same prompt is a repeat
  const promptOwner = new Map<string, number>();
  let transportFailed = 0;
  let lastTransportError = '';
  let answered = 0;
  /** The request for item i with its task: sent at once; the reply is checked later, in `settle`. */
  const request = ({ i, t }: { i: number; t: LlmTask }): { i: number; reply: Promise<Reply> } => {
    return { i, reply: client.chatJson(t.messages, t.schema, { temperature, signal: job.signal }).then((res) => ({ t, res })) };
  };
  const outcomeOf = ({ t, res }: Reply): Outcome => {
    if (res.ok) return { kind: 'ok', example: roundTrip(makeExample(t.build(res.value)), deps), cached: res.cached === true };
    if (res.kind === 'transport') return { kind: 'transport', error: res.error };
    const example = roundTrip(makeExample(rejectedSeed(t.base, engine, res.error, res.raw)), deps);
    return { kind: 'invalid', example: { ...example, status: 'needs_review' }, cached: false };
  };

  const total = plan.specs.length;
  const label = `generating ${params.kind} with ${engine}`;
  // outcome per plan index once settled: null for an item already stored (or unanswered), kept until flushed
  const settled = new Map<number, Example | null>();
  let flushed = 0; // every index below is stored or accounted for
  let nextIndex = 0;
  let started = 0;
  let completed = 0;
  let done = 0;
  let stop = false;
  // items past the first PROBE wait until one item was answered, or until all those started have failed
  let openProbe: () => void = () => {};
  const probe = new Promise<void>((resolve) => (openProbe = resolve));

  /** Stores the settled items in plan order, BATCH per transaction (`all`: the rest too). */
  const flush = (all: boolean) => {
    const ready = () => {
      let k = flushed;
      while (settled.has(k)) k++;
      return k - flushed;
    };
    for (let n = ready(); n >= BATCH || (all && n > 0); n = ready()) {
      const batch: Example[] = [];
      for (const i of Array.from({ length: Math.min(n, BATCH) }, (_, j) => flushed + j)) {
        const e = settled.get(i);
        settled.delete(i);
        if (!e) continue;
        if (e.status === 'auto_validated') summary.autoValidated++;
        else summary.needsReview++;
        batch.push(e);
      }
      flushed += Math.min(n, BATCH);
      const inserted = batch.length ? repo.insertMany(batch, job.jobId) : 0;
      summary.inserted += inserted;
      // items another writer inserted meanwhile were not new here
      summary.skippedExisting += batch.length - inserted;
    }
  };

  /** The next item to request ('wait': past the first PROBE with none answered yet); stored items are settled on the way. */
  const take = (): { i: number; t: LlmTask } | 'wait' | undefined => {
    while (!stop && nextIndex < total) {
      if (job.signal.aborted) {
        stop = true;
        break;
      }
      if (started >= PROBE && answered === 0) {
        // nothing has ever come back: the server is unreachable or refuses every request, so stop early
        if (completed >= started) stop = true;
        return stop ? undefined : 'wait';
      }
      const i = nextIndex++;
      // every item is rendered, stored or not, so a resumed run finds the same repeats
      const t = taskFor(deps.kb, params.kind, params.seed, plan.specs[i], { ...plan.render(i), id: idOf(i) }, engine);
      const key = JSON.stringify(t.messages);
      const repeat = (promptOwner.get(key) ?? i) !== i;
      if (!repeat) promptOwner.set(key, i);
      if (repeat || exists.get(idOf(i))) {
        if (repeat) summary.duplicatePrompts++;
        else summary.skippedExisting++;
        settled.set(i, null);
        job.progress(++done, total, label);
        continue;
      }
      started++;
      return { i, t };
    }
    return undefined;
  };

  const settle = (i: number, reply: Reply) => {
    const o = outcomeOf(reply);
    completed++;
    if (o.kind === 'transport') {
      transportFailed++;
      lastTransportError = o.error;
      settled.set(i, null);
    } else {
      answered++;
      if (o.cached) summary.usage.cacheHits++;
      if (o.kind === 'invalid') summary.invalid++;
      settled.set(i, o.example);
    }
    if (answered > 0 || completed >= started) openProbe();
    job.progress(++done, total, label);
    if (!job.signal.aborted) flush(false);
  };

  /**
   * One of `client.concurrency` workers: it sends its next request the moment a reply comes back, and only
   * then checks and keeps that reply, so the requests in flight never wait for a batch or a round trip.
   */
  const launch = () => {
    const next = take();
    return typeof next === 'object' ? request(next) : next;
  };
  const worker = async () => {
    try {
      for (let cur = launch(); cur !== undefined; ) {
        if (cur === 'wait') {
          await probe;
          cur = launch();
          continue;
        }
        const reply = await cur.reply;
        const next = launch();
        settle(cur.i, reply);
        cur = next;
      }
    } catch (err) {
      stop = true;
      throw err;
    }
  };

  job.progress(0, total, label);
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, client.concurrency) }, worker));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  // a cancelled job stores nothing more; its valid replies are cached, so a resume does not pay again
  throwIfCancelled(job.signal);
  if (answered === 0 && transportFailed > 0)
    throw new Error(`the LLM at ${client.baseURL} (model ${client.model}) did not answer any request: ${lastTransportError}`);
  flush(true);

  const after = client.usage();
  summary.usage.promptTokens = after.promptTokens - usageBefore.promptTokens;
  summary.usage.completionTokens = after.completionTokens - usageBefore.completionTokens;
  summary.usage.calls = after.calls - usageBefore.calls;
  if (transportFailed > 0)
    throw new Error(
      `${transportFailed} of ${plan.specs.length} item(s) got no reply from the LLM (last error: ${lastTransportError}) at ${client.baseURL}; ` +
        `${summary.inserted} were stored. Resume the job to retry the rest.`,
    );
  if (params.kind === 'query_variation') summary.diversity = diversityReport(db, params.seed);
  return summary;
}
