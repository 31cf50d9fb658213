import { conditionalLines, conditionalRefs, ORGANISM_FACT_KEYS, type Process, type ProcessOutput, type ResolvedProcess, resolveProcess, stageProcess, WITH_LINE } from './process-schema';

/** Names a command may use besides its inputs: `${task.cpus}`, `${prefix}`, `${args}`, `${meta.id}`. */
const BUILTIN = /^(task\.[A-Za-z_.]+(\(\))?|task\.memory\.toMega\(\)\.intdiv\(\d+\) \* \d+|prefix|args|meta\.[a-z_]+|case_group|control_group|single_end)$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A declared output pattern as a regex over command text: `*` stands for any file-name characters. */
const patternBody = (pattern: string) => pattern.split('*').map(escapeRe).join("[^\\s'\"<>|;]*");
export function patternRegex(pattern: string): RegExp {
  return new RegExp(`(^|[\\s'"=/>(])${patternBody(pattern)}($|[\\s'";)|<>/])`);
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
    const parts = key.split('+');
    const types = new Set(parts.map((f) => known.focus?.get(f)));
    const focusOf = [...types][0];
    if (parts.length > 1 && known.focus && (types.size !== 1 || focusOf === undefined))
      problems.push(`field 'process.overrides.${key}': a combined key names request focuses of one analysis type`);
    else if (known.analysisTypes && !known.analysisTypes.has(key) && focusOf === undefined)
      problems.push(`field 'process.overrides.${key}': '${key}' is neither an analysis type nor a request focus`);
    // a focus's override is checked as it runs: on top of its analysis type's (a combined key's, on top of each of its focuses)
    const resolved = focusOf === undefined ? resolveProcess(p, key) : resolveProcess(p, focusOf, parts);
    problems.push(...checkResolved(resolved, known, `process (${key} override)`));
  }
  return problems;
}

function checkResolved(p: ResolvedProcess, known: KnownNames, field: string): string[] {
  return [...checkOne(p, known, field), ...p.stages.flatMap((s, i) => checkOne(stageProcess(p, s), known, `${field}.stages.${i}`))];
}

function checkOne(p: ResolvedProcess, known: KnownNames, field: string): string[] {
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
    // the outputs are written whether or not the `{with REF}` lines run (and their `{without REF}` lines instead)
    const staging = [conditionalLines(command, () => false), conditionalLines(command, () => true)];
    p.outputs.forEach((o, i) => {
      if (!commandWrites(p.template ? (template ?? '') : command, o) || (!p.template && staging.some((c) => !commandWrites(c, o))))
        problems.push(
          `${where}: does not write output ${i} '${o.pattern}'${o.named_by ? ` (named by '${o.named_by}', which it lacks)` : ''}`,
        );
    });
    for (const line of command.split('\n')) {
      const how = WITH_LINE.exec(line)?.[2];
      const refs = conditionalRefs(line);
      for (const r of refs)
        if (!(p.input.references.includes(r) && conditional.has(r)))
          problems.push(`${where}: '{${how} ${r}}' names no reference of this process that depends on an organism fact`);
      // a `{without REF}` line runs where REF is not staged, so it cannot read it
      for (const r of conditional)
        if (!(how === 'with' && refs.includes(r)) && new RegExp(`\\$\\{${r}\\}`).test(line))
          problems.push(`${where}: uses '\${${r}}' outside a '{with ${r}}' line, but not every organism has it`);
    }
    for (const m of texts.matchAll(/(?<!\\)\$\{([^}]+)\}/g)) {
      const name = m[1]!.replace(/\[\d\]$/, '');
      if (!BUILTIN.test(name) && !vars.has(name)) problems.push(`${where}: uses '\${${m[1]}}', which is no input`);
    }
    for (const m of command.matchAll(/(?<![$\\])\{([a-z][a-z0-9_.]*)\}/g))
      if (!/^(org\.[a-z0-9_]+|primer\.(fwd|rev|three_prime)|rename\.[a-z0-9_]+|strand|read_length|group1|caller_filter)$/.test(m[1]!)) problems.push(`${where}: unknown placeholder '{${m[1]}}'`);
    for (const m of texts.matchAll(/\{org\.([a-z0-9_]+)\}/g))
      if (!(ORGANISM_FACT_KEYS as string[]).includes(m[1]!)) problems.push(`${where}: unknown organism fact '${m[1]}'`);
    if (key !== 'paired' && /\$\{reads\[1\]\}/.test(command)) problems.push(`${where}: only a paired-end command may use a second mate`);
    for (const m of command.matchAll(/\{rename\.([a-z0-9_]+)\}/g))
      if (!p.input.references.includes(m[1]!)) problems.push(`${where}: '{rename.${m[1]}}' names no reference of this process`);
    if (/\{strand\}/.test(command) && !p.strand) problems.push(`${where}: uses {strand} but the entry has no 'strand' table`);
  }
  problems.push(...checkWrites(p, field));
  problems.push(...checkBamOrder(p, field));
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

/**
 * A file the tool names itself behind a `*` (FastQC's `X_1_fastqc.html`, Bismark's `X_PE_report.txt`) lists the
 * names it writes per command variant, so the stub creates those and no made-up name; each matches the pattern.
 */
function checkWrites(p: ResolvedProcess, field: string): string[] {
  const problems: string[] = [];
  const variants = Object.keys(p.command);
  p.outputs.forEach((o, i) => {
    const where = `field '${field}.outputs.${i}.writes`;
    if (o.named_by !== undefined && o.pattern.includes('*'))
      for (const key of variants)
        if (!o.writes?.[key as keyof typeof o.writes])
          problems.push(`${where}': output '${o.pattern}' is named by the tool and has a wildcard: give the file names it writes for command variant '${key}'`);
    const whole = new RegExp(`^${patternBody(o.pattern)}$`);
    for (const [key, names] of Object.entries(o.writes ?? {})) {
      if (!variants.includes(key)) problems.push(`${where}.${key}': the command has no variant '${key}'`);
      for (const name of names ?? []) if (!whole.test(name)) problems.push(`${where}.${key}': '${name}' does not match the output pattern '${o.pattern}'`);
    }
  });
  return problems;
}

/** A coordinate sort in a command: samtools sort without -n/-N (by name), or STAR writing its BAM sorted. */
const COORDINATE_SORT = /samtools sort(?![^|\n]*\s-[nN]\b)|--outSAMtype BAM SortedByCoordinate/;

/**
 * A BAM's declared order agrees with the command: `coordinate` only where every command variant sorts by
 * coordinate, `name` only where none does, `input` only for a process that reads a BAM.
 */
function checkBamOrder(p: ResolvedProcess, field: string): string[] {
  const problems: string[] = [];
  const readsBam = p.input.files.some((s) => s.kinds.includes('bam'));
  p.outputs.forEach((o, i) => {
    if (o.kind !== 'bam') return;
    if (o.order === undefined) {
      problems.push(`field '${field}.outputs.${i}': a BAM says its order (order: coordinate, name or input)`);
      return;
    }
    if (o.order === 'input' && !readsBam) problems.push(`field '${field}.outputs.${i}': order: input, but the process reads no BAM`);
    for (const [key, command] of Object.entries(p.command)) {
      const sorts = COORDINATE_SORT.test(command ?? '');
      if (o.order === 'coordinate' && !sorts)
        problems.push(`field '${field}.command.${key}': output ${i} '${o.pattern}' is declared order: coordinate, but the command sorts no BAM by coordinate (samtools sort without -n, STAR --outSAMtype BAM SortedByCoordinate)`);
      if (o.order === 'name' && sorts) problems.push(`field '${field}.command.${key}': output ${i} '${o.pattern}' is declared order: name, but the command sorts by coordinate`);
    }
  });
  return problems;
}
