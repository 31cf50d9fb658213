import { z } from 'zod';
import type { ErrorPattern, Tool } from './schemas';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'ids are lower_snake_case');
const PLACEHOLDER = /\{(\w+)\}/g;

/** error_situations.yaml: one concrete failure of an error pattern, with its log and the answer to it. */
export const ErrorSituationSchema = z.object({
  id: Id,
  pattern: Id,
  /** the tool whose process fails, when not the pattern's tool */
  process_tool: Id.optional(),
  /** false for a process that runs once over all samples (MultiQC) */
  per_sample: z.boolean().default(true),
  /** the exit status Nextflow reports; null where the log shows none */
  exit_status: z.number().int().min(0).max(255).nullable(),
  /** the process finished (exit 0) and its output is what is wrong: low mapping, nothing counted */
  completed: z.boolean().default(false),
  vars: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).default({}),
  /** the task's own output: what the tool printed ({work} is the task work directory) */
  log: z.string().min(10),
  /** the command the task ran, shown under Nextflow's "Command executed:" */
  command: z.string().min(5).optional(),
  /** what the user ran afterwards and saw ("$ " lines and their output), shown after the log */
  checks: z.string().min(5).optional(),
  diagnosis: z.string().min(30),
  fix_steps: z.array(z.string().min(10)).min(2),
});
export type ErrorSituation = z.infer<typeof ErrorSituationSchema>;

/**
 * log_signatures.yaml: a line a tool prints, with what it implies about the log around it: the tool that
 * prints it, the exit status it leaves (or the group of the line that holds it), and what the same log must
 * also show (spades-hammer runs the corrected/configs config).
 */
export const LogSignatureSchema = z.object({
  id: Id,
  match: z.string().min(3),
  tools: z.array(Id).min(1).optional(),
  exit_status: z.number().int().min(0).max(255).nullable().optional(),
  /** a regex whose first group is the exit status the log states (SPAdes exits with its binary's return code) */
  exit_from: z.string().min(3).optional(),
  requires: z.string().min(3).optional(),
  /**
   * causes (a regex, flag i) a diagnosis of a log with this line may not give: "not executable" is no cause of
   * bash's "command not found" (exit 127), since a command found but not executable exits 126
   */
  not_causes: z.string().min(3).optional(),
  /** what the rule rests on: the tool's source or documentation */
  source: z.string().min(20),
});
export type LogSignature = z.infer<typeof LogSignatureSchema>;

export const SITUATION_SAMPLES = ['sample_1', 'WT_rep2', 'KO_rep1', 'patient_07', 'S12', 'liver_ctrl_3', 'tumor_A', 'mock_48h', 'P3_T'];

/** The process name the workflow generator gives a tool's process. */
export const processNameOf = (toolId: string) => toolId.toUpperCase();

/** The work directory the checker fills {work} with (the renderer uses the task's own). */
const CHECK_WORK = '/data/project/work/00/000000000000000000000000000000';

/** Fills a situation's variables first (their values may hold {sample}), then {sample}, {process} and {work}. */
export function fillSituation(text: string, values: Record<string, string>, sample: string, process: string, work = CHECK_WORK): string {
  const once = text.replace(PLACEHOLDER, (m, k: string) => values[k] ?? m);
  return once.replace(PLACEHOLDER, (m, k: string) => (k === 'sample' ? sample : k === 'process' ? process : k === 'work' ? work : m));
}

/** Everything the user is shown of a situation: its log, the command it ran and what they checked afterwards. */
const shownText = (s: ErrorSituation) => [s.log, s.command ?? '', s.checks ?? ''].join('\n');

const placeholders = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));

/**
 * Checks a situation against its pattern: the pattern and tool exist, every variable is defined, the log's
 * variables all appear in the diagnosis (the answer speaks of that log), and the log with each value of
 * its variables matches the pattern's symptom regex, the answer uses no variable the log does not show, and a
 * process that runs once over all samples is not tagged with one (per_sample follows the tool's input mode). The wrapper adds the exit status, so 137 and 127 logs
 * are matched with it.
 */
export function checkSituations(
  situations: readonly ErrorSituation[],
  patterns: ReadonlyMap<string, ErrorPattern>,
  tools: ReadonlyMap<string, Tool>,
  problems: string[],
  signatures: readonly LogSignature[] = [],
): void {
  const seen = new Set<string>();
  for (const s of situations) {
    const where = `error_situations.yaml: entry '${s.id}'`;
    if (seen.has(s.id)) problems.push(`error_situations.yaml: duplicate id '${s.id}'`);
    seen.add(s.id);
    const pattern = patterns.get(s.pattern);
    if (!pattern) {
      problems.push(`${where}: field 'pattern': '${s.pattern}' is not in error_patterns.yaml`);
      continue;
    }
    if (s.completed && s.exit_status !== null) problems.push(`${where}: field 'exit_status' must be null: a completed process exited 0`);
    if (s.process_tool && !tools.has(s.process_tool)) problems.push(`${where}: field 'process_tool': tool '${s.process_tool}' is not in tools.yaml`);
    const tool = tools.get(s.process_tool ?? pattern.tool);
    // a process run once over all samples (DESeq2, DADA2, MultiQC) carries no sample in its name
    if (tool && s.per_sample !== (tool.process.input.mode !== 'collect'))
      problems.push(`${where}: field 'per_sample' must be ${!s.per_sample}: ${tool.name}'s process runs ${s.per_sample ? 'once over all samples' : 'per sample'}`);
    // a command the log shows killed is the failing process's own (Picard's MarkDuplicates runs in PICARD, not SAMTOOLS)
    const killed = /\bKilled\s+(\S+)/.exec(s.log)?.[1];
    const runs = (c: string | undefined) => (c ?? '').split(/[\s|();]+/).includes(killed ?? '');
    if (killed && tool && !Object.values(tool.process.command).some(runs))
      problems.push(`${where}: the log shows ${killed} killed, which ${tool.name}'s process does not run: set process_tool to the tool that runs it`);
    checkSignatures(s, s.process_tool ?? pattern.tool, signatures, where, problems);
    // a failed task's error output holds what the tool printed; a shell session of the user's goes in checks
    if (!s.completed && /^\$ /m.test(s.log)) problems.push(`${where}: field 'log' holds "$ " lines: a failed task's output is the tool's own, put what the user ran in 'checks'`);
    const known = new Set(['sample', 'process', 'work', ...Object.keys(s.vars)]);
    const all = [s.log, s.command ?? '', s.checks ?? '', s.diagnosis, ...s.fix_steps, ...Object.values(s.vars).flat()].flatMap((t) => [...placeholders(t)]);
    for (const v of new Set(all)) if (!known.has(v)) problems.push(`${where}: placeholder {${v}} is not a variable of the situation`);
    const inDiagnosis = placeholders(s.diagnosis);
    for (const v of placeholders(shownText(s))) if (!['process', 'work'].includes(v) && !inDiagnosis.has(v)) problems.push(`${where}: field 'diagnosis' does not use {${v}}, which the log shows`);
    // and the answer names no value the log does not show (the sample is shown by the process tag of a per-sample task)
    const inLog = placeholders(shownText(s));
    if (s.per_sample) inLog.add('sample');
    for (const text of [s.diagnosis, ...s.fix_steps])
      for (const v of placeholders(text)) if (v !== 'process' && !inLog.has(v)) problems.push(`${where}: the answer uses {${v}}, which the log does not show`);
    const re = new RegExp(pattern.symptom_regex, 'im');
    const process = processNameOf(s.process_tool ?? pattern.tool);
    const keys = Object.keys(s.vars);
    const width = Math.max(1, ...keys.map((k) => s.vars[k]!.length));
    for (let i = 0; i < width; i++) {
      const values = Object.fromEntries(keys.map((k) => [k, s.vars[k]![i % s.vars[k]!.length]!]));
      const log = fillSituation(shownText(s), values, SITUATION_SAMPLES[0]!, process);
      const status = s.exit_status === null ? '' : `\nterminated with an error exit status (${s.exit_status})`;
      if (!re.test(log + status)) problems.push(`${where}: field 'log' (values ${JSON.stringify(values)}) does not match the symptom_regex of '${s.pattern}'`);
    }
  }
}

/** A path under some work directory that is not the task's own {work}. */
const FOREIGN_WORK = /(?<![\w}])(?:\/data\/project)?\/work\/[0-9a-f]{2}\/[^\s'"]*/;

/** The situation's log against the lines tools really print (log_signatures.yaml), and its paths against its work dir. */
function checkSignatures(s: ErrorSituation, toolId: string, signatures: readonly LogSignature[], where: string, problems: string[]): void {
  const text = shownText(s);
  const foreign = FOREIGN_WORK.exec(text);
  if (foreign) problems.push(`${where}: the log names the work directory ${foreign[0]}: write {work}, the task's work directory`);
  for (const sig of signatures) {
    if (!new RegExp(sig.match, 'm').test(s.log)) continue;
    const what = `the log shows '${sig.id}' (${sig.source})`;
    if (sig.tools && !sig.tools.includes(toolId)) problems.push(`${where}: ${what}, which ${sig.tools.join('/')} prints, not the process tool ${toolId}`);
    if (sig.exit_status !== undefined && sig.exit_status !== s.exit_status) problems.push(`${where}: ${what}, so exit_status must be ${sig.exit_status}, not ${s.exit_status}`);
    const stated = sig.exit_from ? new RegExp(sig.exit_from, 'm').exec(s.log)?.[1] : undefined;
    if (stated !== undefined && Number(stated) !== s.exit_status) problems.push(`${where}: ${what}: the log states exit ${stated}, so exit_status must be ${stated}, not ${s.exit_status}`);
    if (sig.requires && !new RegExp(sig.requires, 'm').test(text)) problems.push(`${where}: ${what}, but does not show what that requires`);
    // the diagnosis's cause must be one this line can have
    const cause = sig.not_causes ? new RegExp(sig.not_causes, 'i').exec(s.diagnosis) : null;
    if (cause) problems.push(`${where}: the diagnosis gives a cause of exit ${otherExit(sig)} ('${cause[0]}'), but ${what} exits ${sig.exit_status}`);
  }
  // an exit status the diagnosis states in parentheses ("(exit 127)", "(EX_OSERR, exit 71)") is the one the log reports
  for (const m of s.diagnosis.matchAll(/\((?:[^()]*?[,:] )?exit (\d+)\b/g))
    if (Number(m[1]) !== s.exit_status) problems.push(`${where}: field 'diagnosis' states exit ${m[1]}, but the log reports exit ${s.exit_status}`);
}

/** The exit status the excluded causes belong to, for the message: 126 beside 127 and the other way round. */
const otherExit = (sig: LogSignature): string => (sig.exit_status === 127 ? '126' : sig.exit_status === 126 ? '127' : 'another status');
