import { HEADLINE_METRICS, type Metrics } from '../../src-preload/schemas/model-eval';
import { type Intent, IntentSchema } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { type ParsedAnswer, parseAnswer } from './parse-answer';
import { scoreFacts } from './score-facts';
import { scoreIntent } from './score-intent';
import { scoreTools } from './score-tools';
import { scoreWorkflow } from './score-workflow';
import { emptyScored, type Scored } from './scored';
import type { ToolLexicon } from './tool-mentions';

export interface Checkers {
  kb: Knowledge;
  lexicon: ToolLexicon;
  flags: Set<string>;
}

export interface AnswerCase {
  kind: string;
  analysis_type: string;
  /** the target assistant turn as exported */
  target: string;
  /** metadata.tools of the exported record: the target's tool ids (unordered) */
  targetTools: readonly string[];
}

export function headlineScore(metrics: Metrics): number {
  const vals = HEADLINE_METRICS.flatMap((k) => (metrics[k] === undefined ? [] : [metrics[k]!]));
  return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : 0;
}

function intentOf(p: ParsedAnswer): Intent | null {
  const v = p.json?.value;
  const obj = typeof v === 'object' && v !== null && 'intent' in v ? (v as { intent: unknown }).intent : v;
  const r = IntentSchema.safeParse(obj);
  return r.success ? r.data : null;
}

function resolveTools(names: readonly string[], lexicon: ToolLexicon): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const id = lexicon.resolve(n);
    if (id) ids.push(id);
    else unknown.push(n);
  }
  return { ids, unknown };
}

/**
 * The task contract the answer must keep: every part the target has (intent JSON that parses, a tool list,
 * a workflow with main.nf, a diagnosis with fix steps), and some text.
 */
function scoreFormat(target: ParsedAnswer, answer: ParsedAnswer, out: Scored): void {
  const broken: string[] = [];
  if (answer.text.trim() === '') broken.push('empty answer');
  if (target.json && (!answer.json || answer.json.error !== undefined)) broken.push(answer.json ? 'its JSON does not parse' : 'no JSON block');
  if (target.toolNames.length && answer.toolNames.length === 0) broken.push('no tool list');
  if (Object.keys(target.workflow).length && answer.workflow['main.nf'] === undefined) broken.push('no workflow (main.nf)');
  if (target.diagnosis !== null && answer.diagnosis === null) broken.push('no diagnosis section');
  if (target.fixSteps.length && answer.fixSteps.length === 0) broken.push('no fix steps');
  // a prose answer (an explanation, a scope statement, a clarifying question) is not answered with data
  const prose = !target.json && !target.toolNames.length && !Object.keys(target.workflow).length;
  if (prose && answer.json) broken.push('a JSON block where the task answers in prose');
  if (prose && Object.keys(answer.workflow).length) broken.push('a workflow where the task answers in prose');
  out.metrics.format = broken.length ? 0 : 1;
  if (broken.length) out.diagnostics.push(`breaks the task contract: ${broken.join(', ')}`);
}

/** Scores one answer against its target with every checker that applies to what the target contains. */
export function scoreAnswer(c: AnswerCase, answerText: string, ck: Checkers): Scored & { score: number } {
  const out = emptyScored();
  const target = parseAnswer(c.target);
  const answer = parseAnswer(answerText);
  const type = ck.kb.analysisTypeById.get(c.analysis_type);
  scoreFormat(target, answer, out);
  if (target.json) scoreIntent(target.json, answer.json, out);

  const targetList = resolveTools(target.toolNames, ck.lexicon).ids;
  const targetTools = targetList.length ? targetList : [...c.targetTools];
  const answerTools = resolveTools(answer.toolNames, ck.lexicon);
  if (target.toolNames.length) scoreTools(targetTools, answerTools, type, out);

  if (Object.keys(target.workflow).length) {
    const targetRuns = ck.lexicon.usedBy(target.workflow);
    scoreWorkflow(
      {
        files: answer.workflow,
        named: answerTools.ids.length ? answerTools.ids : targetTools,
        intent: intentOf(target),
        targetTools: targetRuns.length ? targetRuns : targetTools,
        type,
      },
      ck.kb,
      ck.lexicon,
      out,
    );
  }
  const factual = c.kind === 'education' || c.kind === 'error_diagnosis' || (!target.json && !target.toolNames.length && !Object.keys(target.workflow).length);
  if (factual) scoreFacts(target, answer, ck.lexicon, ck.flags, out);
  return { ...out, score: headlineScore(out.metrics) };
}
