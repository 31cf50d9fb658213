import type { ToolChoice } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import { loadKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/schemas';
import { type ConstraintNote, chooseChain, type Selection } from './choose';
import { platformStated, requestFocuses, requestPlatform } from './context';
import { rationale } from './rationale';
import { inSentence } from '../util/in-sentence';

export { chainProblems } from './chain-check';
export type { Choice, ConstraintNote, Selection } from './choose';
export { namedPlatform, platformStated, platformsNamed, requestFocus, requestFocuses, requestPlatform } from './context';

/** Under a low-memory constraint, tools above this footprint give way (tool_rules.yaml says how). */
export const LOW_MEMORY_LIMIT_GB = 16;

/** The selection for a request: the chain with reasons, constraint notes and refused tools; null for an unknown analysis type. */
export function planSelection(intent: Intent, kb: Knowledge = loadKnowledge(), text = ''): Selection | null {
  const type = kb.analysisTypeById.get(intent.analysis_type);
  if (!type) return null;
  return chooseChain(intent, type, kb, requestPlatform(intent, kb, text), requestFocuses(intent, kb, text), platformStated(kb, text));
}

/** Ordered tools with a rationale each; [] for an unknown analysis type. `text` is the request (platform, focus, replicates). */
export function selectTools(intent: Intent, kb: Knowledge = loadKnowledge(), text = ''): ToolChoice[] {
  const sel = planSelection(intent, kb, text);
  if (!sel) return [];
  return sel.choices.map((c) => ({ tool: c.id, rationale: rationale(c, sel, intent, kb, text) }));
}

const CONTAINER_NOTES: Record<string, (s: Selection, kb: Knowledge) => ConstraintNote> = {
  singularity: () => ({ constraint: 'singularity', met: true, text: 'Every process runs in its BioContainers image; run with -profile singularity, and Singularity pulls the same images Docker would.' }),
  apptainer: () => ({ constraint: 'apptainer', met: true, text: 'Every process runs in its BioContainers image; run with -profile apptainer (apptainer.enabled, apptainer.autoMounts), and Apptainer pulls the same images Docker would.' }),
  no_docker: () => ({ constraint: 'no_docker', met: true, text: 'Nothing needs Docker: run with -profile singularity or -profile apptainer (the same BioContainers images) or -profile conda (Bioconda packages).' }),
  conda: () => ({ constraint: 'conda', met: true, text: 'Run with -profile conda: each process gets a Conda environment with its tool from Bioconda.' }),
  fast: (s, kb) => ({
    constraint: 'fast',
    met: true,
    text: ['Each process takes the CPUs the executor gives it (task.cpus goes to every tool\'s thread option), so more cores shorten the run.', ...fastOptions(s, kb)].join(' '),
  }),
};

/**
 * What makes a chosen tool itself faster (tool_rules.yaml fast, for this analysis type), for a request that must run
 * fast; with none, what the workflow's parallelism already gives, so the answer says more than "more cores".
 */
function fastOptions(s: Selection, kb: Knowledge): string[] {
  const options = s.choices.flatMap((c) => {
    const fast = kb.selection.toolRules.get(c.id)?.fast;
    const text = typeof fast === 'string' ? fast : (fast?.[s.type.id] ?? fast?.default);
    return text ? [`${text.charAt(0).toUpperCase()}${text.slice(1)}.`] : [];
  });
  return options.length
    ? options
    : ["No tool of this chain has a faster setting that keeps its results, but Nextflow runs each sample's steps at the same time as the other samples', so with cores for every sample the run takes about as long as one sample's path through the chain."];
}

/** Every constraint of the request with what it did: the selector's notes, then container and speed notes. */
export function constraintNotes(intent: Intent, sel: Selection, kb: Knowledge = loadKnowledge()): ConstraintNote[] {
  const notes = [...sel.notes];
  for (const c of intent.constraints) {
    const general = CONTAINER_NOTES[c];
    if (general && !(c === 'conda' && notes.some((n) => n.constraint === 'conda' && !n.met))) notes.push(general(sel, kb));
    else if (general) notes.unshift(general(sel, kb));
  }
  if (intent.constraints.includes('low_memory') && !notes.some((n) => n.constraint === 'low_memory'))
    notes.push({ constraint: 'low_memory', met: true, text: `Every tool in this chain fits in ${LOW_MEMORY_LIMIT_GB} GB of RAM as chosen.` });
  for (const r of sel.refused) notes.push({ constraint: 'requested_tool', met: false, text: `${r.why}, so it is left out.` });
  const comparison = comparisonNote(intent, sel, kb);
  if (comparison) notes.push(comparison);
  return notes;
}

/**
 * What tests the request's groups (comparison_tests.yaml): the chain's steps that run the test, said with how; a
 * chosen tool that can test them though its step here does not, named with the command that would; else the tool
 * that would fill the gap.
 */
function comparisonNote(intent: Intent, sel: Selection, kb: Knowledge): ConstraintNote | null {
  if (!intent.comparison || intent.comparison.groups.length < 2) return null;
  const groups = intent.comparison.groups.join(' against ');
  const table = kb.comparisonTests.get(sel.type.id);
  const inChain = (table?.tests ?? []).filter((t) => sel.choices.some((c) => c.id === t.tool));
  const name = (id: string) => kb.toolById.get(id)?.name ?? id;
  const run = inChain.filter((t) => t.runs);
  const can = inChain.filter((t) => !t.runs);
  if (run.length > 0) {
    const also = can.map((t) => ` ${name(t.tool)} does not test them as written; it can, with ${t.how}.`).join('');
    return { constraint: 'comparison', met: true, text: `${run.map((t) => `${name(t.tool)} tests ${groups}: ${t.how}.`).join(' ')}${also}` };
  }
  if (can.length > 0)
    return { constraint: 'comparison', met: false, text: `No step of this workflow tests ${groups} as written: ${can.map((t) => `${name(t.tool)} can, with ${t.how}`).join('; ')}.` };
  const gap = Object.entries(table?.gap_by ?? {}).find(([id]) => sel.choices.some((c) => c.id === id))?.[1] ?? table?.gap;
  // the standard test exists: it is a further step on the chain's output, not something the request cannot have
  if (gap) return { constraint: 'comparison', met: false, text: `No step of this chain tests ${groups}; the standard test is a further step on its output: ${gap}.` };
  return {
    constraint: 'comparison',
    met: false,
    text: `No step of this chain tests ${groups}: its results are per sample, so comparing the groups needs a differential analysis of ${inSentence(sel.type.name)} results outside this chain.`,
  };
}
