import { conditionalLines, ORGANISM_FACT_KEYS, type Process, type ProcessOutput, type ResolvedProcess, resolveProcess, WITH_LINE } from './process-schema';

/** Names a command may use besides its inputs: `${task.cpus}`, `${prefix}`, `${args}`, `${meta.id}`. */
const BUILTIN = /^(task\.[A-Za-z_.]+(\(\))?|task\.memory\.toMega\(\)\.intdiv\(\d+\) \* \d+|prefix|args|meta\.[a-z_]+|case_group|control_group|single_end)$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A declared output pattern as a regex over command text: `*` stands for any file-name characters. */
export function patternRegex(pattern: string): RegExp {
  const body = pattern.split('*').map(escapeRe).join("[^\\s'\"<>|;]*");
  return new RegExp(`(^|[\\s'"=/>(])${body}($|[\\s'";)|<>/])`);
}

/** Whether a command (or template text) writes this output: its name appears, or the naming argument does. */
export function commandWrites(text: string, output: ProcessOutput): boolean {
  if (output.named_by !== undefined) return text.includes(output.named_by);
  return patternRegex(output.pattern).test(text);
}

/** Variable names an input slot set binds: `bam`, or `tumor_bam` and `normal_bam` for pairs. */
export function inputVariables(p: ResolvedProcess): string[] {
  const names = p.input.files.map((s) => s.name);
  const [a, b] = p.input.roles;
  const files = p.input.mode === 'pair' ? names.flatMap((n) => [`${a}_${n}`, `${b}_${n}`]) : names;
  return [...files, ...p.input.pair_files.map((s) => s.name), ...p.input.references];
}

/**
 * Problems with one tool's process facts, each naming the field: outputs the command never writes, names the
 * command uses that are neither inputs nor builtins, unknown organism facts or references, second-mate reads
 * in a single-end command, a missing template.
 */
export interface KnownNames {
  references: Set<string>;
  /** references that exist only for organisms with their organism fact (used in `{with REF}` lines only) */
  conditional?: Set<string>;
  templates: Map<string, string>;
  analysisTypes?: Set<string>;
  /** request focus id -> its analysis type */
  focus?: Map<string, string>;
}

export function checkProcess(p: Process, known: KnownNames): string[] {
  const problems = checkResolved(resolveProcess(p, ''), known, 'process');
  for (const key of Object.keys(p.overrides)) {
    const focusOf = known.focus?.get(key);
    if (known.analysisTypes && !known.analysisTypes.has(key) && focusOf === undefined)
      problems.push(`field 'process.overrides.${key}': '${key}' is neither an analysis type nor a request focus`);
    // a focus's override is checked as it runs: on top of its analysis type's
    const resolved = focusOf === undefined ? resolveProcess(p, key) : resolveProcess(p, focusOf, [key]);
    problems.push(...checkResolved(resolved, known, `process (${key} override)`));
  }
  return problems;
}

function checkResolved(p: ResolvedProcess, known: KnownNames, field: string): string[] {
  const problems: string[] = [];
  const vars = new Set([...inputVariables(p), ...Object.keys(p.script_defs)]);
  const conditional = known.conditional ?? new Set<string>();
  for (const r of p.input.references)
    if (!known.references.has(r)) problems.push(`field '${field}.input.references': '${r}' is not in references.yaml`);
  let template: string | undefined;
  if (p.template) {
    template = known.templates.get(p.template);
    if (template === undefined) problems.push(`field '${field}.template': templates/${p.template} is not shipped`);
  }
  for (const [key, command] of Object.entries(p.command)) {
    const where = `field '${field}.command.${key}'`;
    const texts = template === undefined ? command : `${command}\n${template}`;
    // the outputs are written whether or not the `{with REF}` lines run
    const without = conditionalLines(command, () => false);
    p.outputs.forEach((o, i) => {
      if (!commandWrites(p.template ? (template ?? '') : command, o) || (!p.template && !commandWrites(without, o)))
        problems.push(
          `${where}: does not write output ${i} '${o.pattern}'${o.named_by ? ` (named by '${o.named_by}', which it lacks)` : ''}`,
        );
    });
    for (const line of command.split('\n')) {
      const m = WITH_LINE.exec(line);
      if (m && !(p.input.references.includes(m[2]!) && conditional.has(m[2]!)))
        problems.push(`${where}: '{with ${m[2]}}' names no reference of this process that depends on an organism fact`);
      for (const r of conditional)
        if (!m && new RegExp(`\\$\\{${r}\\}`).test(line)) problems.push(`${where}: uses '\${${r}}' outside a '{with ${r}}' line, but not every organism has it`);
    }
    for (const m of texts.matchAll(/(?<!\\)\$\{([^}]+)\}/g)) {
      const name = m[1]!.replace(/\[\d\]$/, '');
      if (!BUILTIN.test(name) && !vars.has(name)) problems.push(`${where}: uses '\${${m[1]}}', which is no input`);
    }
    for (const m of command.matchAll(/(?<![$\\])\{([a-z][a-z0-9_.]*)\}/g))
      if (!/^(org\.[a-z0-9_]+|strand|group1)$/.test(m[1]!)) problems.push(`${where}: unknown placeholder '{${m[1]}}'`);
    for (const m of texts.matchAll(/\{org\.([a-z0-9_]+)\}/g))
      if (!(ORGANISM_FACT_KEYS as string[]).includes(m[1]!)) problems.push(`${where}: unknown organism fact '${m[1]}'`);
    if (key !== 'paired' && /\$\{reads\[1\]\}/.test(command)) problems.push(`${where}: only a paired-end command may use a second mate`);
    if (/\{strand\}/.test(command) && !p.strand) problems.push(`${where}: uses {strand} but the entry has no 'strand' table`);
  }
  if (p.input.pair_files.length && p.input.mode !== 'pair') problems.push(`field '${field}.input.pair_files': only a pair-mode process takes per-pair files`);
  p.input.also.forEach((a, i) => {
    if (p.input.mode !== 'sample') problems.push(`field '${field}.input.also.${i}': only a sample-mode process takes further items`);
    if (a.kinds.length !== p.input.files.length) problems.push(`field '${field}.input.also.${i}.kinds': one kind per file slot (${p.input.files.length})`);
  });
  if (p.input.each_producer !== undefined && p.input.mode !== 'sample') problems.push(`field '${field}.input.each_producer': only a sample-mode process reads every producer's items`);
  const emits = p.outputs.map((o) => o.emit ?? o.kind);
  for (const e of emits.filter((e, i) => emits.indexOf(e) !== i)) problems.push(`field '${field}.outputs': emit '${e}' declared twice`);
  return problems;
}
