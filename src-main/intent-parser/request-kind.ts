import type { RequestKind } from '../../src-preload/schemas/intent';
import { EVERYDAY_SUBJECTS, KIND_CUES, KITCHEN_OR_PET, LOG_FORMAT, NOT_DATA_SEARCH, TECHNICAL_WORDS } from './request-kind-cues';

export interface KindSignals {
  /** the parser matched an analysis keyword or a tool */
  domain: boolean;
  /** the parser matched an organism */
  organism: boolean;
  /** two named tools with "or" / "vs" between them ("salmon or kallisto") */
  toolChoice: boolean;
  /** a tool is named */
  toolNamed?: boolean;
  /** an analysis keyword matched (not only a tool or an organism) */
  assay?: boolean;
  /** two tools weighed with 'vs' or 'versus' (a comparison, question mark or not) */
  toolVersus?: boolean;
}

/** A named tool's fitness asked about: 'is cnvkit ok?', 'is HISAT2 still fine for this?', 'is Bowtie2 good enough?' */
const TOOL_FITNESS = /\b(?:is|are) [a-z0-9][a-z0-9.+-]{1,30} (?:still |alone |by itself |on its own )?(?:ok|okay|fine|good enough|enough|suitable|appropriate|a (?:good|reasonable|sensible) choice)\b[^.?]{0,30}\?/;

export interface KindResult {
  kind: RequestKind;
  /** score of the chosen kind less the best other kind's (0 when tied or on a default) */
  margin: number;
  /** some cue phrase (or a pasted log, or a choice between named tools) matched */
  cued: boolean;
  /** cues of a kind other than the chosen one matched too */
  rival: boolean;
  /** tool output (a log line, an error) is pasted in */
  log: boolean;
}

/** What a request with any domain word gets as a workflow before cue phrases are counted. */
const WORKFLOW_BASELINE = 1;
/** The weight of a soft ask for the analysis (request-kind-cues.ts: the workflow cues of weight 1). */
const SOFT_ASK = 1;
/** Order that breaks ties: a pasted error outranks a pipeline request around it, and so on. */
const PRIORITY: Exclude<RequestKind, 'off_topic'>[] = ['troubleshooting', 'data_search', 'tool_advice', 'explanation', 'workflow'];


/**
 * The kind of request, from cue phrases in the normalized (lowercase, NFKC) text. Without a domain word (analysis
 * keyword, tool, sequencing/bioinformatics vocabulary, a pasted tool log) the request is off topic; neither an
 * organism nor a generic word ("workflow") next to an everyday subject ("a mouse in my kitchen") makes it on topic. Otherwise every kind sums the weights of its cues that match, a
 * workflow starting from WORKFLOW_BASELINE, and the highest wins (ties by PRIORITY).
 */
export function requestKindOf(text: string, signals: KindSignals): KindResult {
  const log = LOG_FORMAT.test(text);
  const offTopic =
    !log &&
    ((!signals.domain && (EVERYDAY_SUBJECTS.test(text) || (!signals.organism && !TECHNICAL_WORDS.test(text)))) ||
      // food and pets, whatever fish or grain is also a tool or organism name ('cooked salmon'), with no assay word
      (!signals.assay && KITCHEN_OR_PET.test(text) && !TECHNICAL_WORDS.test(text)));
  if (offTopic) return { kind: 'off_topic', margin: signals.organism ? 0 : 1, cued: false, rival: false, log };
  const scores: Record<Exclude<RequestKind, 'off_topic'>, number> = {
    workflow: WORKFLOW_BASELINE,
    tool_advice: 0,
    explanation: 0,
    troubleshooting: log ? 2 : 0,
    data_search: 0,
  };
  for (const cue of KIND_CUES) if (cue.re.test(text)) scores[cue.kind] += cue.weight;
  // a choice between two named tools, asked as a question
  // a choice between two named tools, asked as a question or weighed with 'vs' ('Flye vs hifiasm for a plant genome')
  if (signals.toolChoice && (signals.toolVersus || /\?|\bwhich\b/.test(text))) scores.tool_advice += 2;
  if (signals.toolNamed && TOOL_FITNESS.test(text)) scores.tool_advice += 2;
  if (scores.data_search > 0 && NOT_DATA_SEARCH.test(text)) scores.data_search = 0;
  const top = Math.max(...PRIORITY.map((k) => scores[k]));
  // ties go to the earlier kind in PRIORITY
  const kind = PRIORITY.find((k) => scores[k] === top)!;
  const cuedFor = (k: (typeof PRIORITY)[number]) => scores[k] > (k === 'workflow' ? WORKFLOW_BASELINE : 0);
  // a soft ask ('need', 'can we do') lifts a workflow by SOFT_ASK and yields to another kind's cue by design: against
  // that kind it is neither a tie nor a rival ('why do I need an input control?' is a question)
  const softAsk = scores.workflow <= WORKFLOW_BASELINE + SOFT_ASK;
  const against = PRIORITY.filter((k) => k !== kind && !(k === 'workflow' && softAsk));
  return {
    kind,
    margin: top - Math.max(0, ...against.map((k) => scores[k])),
    cued: PRIORITY.some(cuedFor),
    rival: against.some(cuedFor),
    log,
  };
}
