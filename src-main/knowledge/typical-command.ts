import { conditionalLines, type Process } from './process-schema';

/**
 * Lines that stage, rename or collect files for the tool rather than run it (left out of the readable command),
 * and the shell loop that gathers them (MAGeCK's `set -- reads; while ...; shift 2; done` over read pairs).
 */
const STAGING = /^(?:(?:ln|mv|mkdir|cp|export|touch|cat|gunzip|paste|awk|for|if|set|while|until|do|done|shift|then|else|elif|fi)\b|\[ )/;
/** `INDEX=\$(find -L ${bwa_index}/ ...)`: the index prefix found in a staged index folder. */
const INDEX_LOOKUP = /^(\w+)=\\\$\(find -L \$\{(\w+)\}\//;
const ASSIGNMENT = /^(\w+)=/;

/** One command line of a process in the reader's terms: {placeholders} for inputs, resources and organism facts. */
function readable(line: string, vars: ReadonlyMap<string, string>): string {
  return line
    .replace(/\\\$\{PWD\}/g, '$PWD')
    .replace(/\$\{task\.cpus\}/g, '{cpus}')
    .replace(/\$\{task\.memory\.toGiga\(\)\}/g, '{memory_gb}')
    .replace(/\$\{task\.memory\.toMega\(\)[^}]*\}/g, '{java_heap_mb}')
    .replace(/\$\{task\.memory[^}]*\}/g, '{memory}')
    .replace(/\$\{(\w+)\[(\d)\]\}/g, (_m, v: string, i: string) => `{${v === 'reads' ? (i === '0' ? 'r1' : 'r2') : v}}`)
    .replace(/\$\{(?:meta\.)?([\w.]+)\}/g, '{$1}')
    .replace(/\{org\.(\w+)\}/g, '{$1}')
    .replace(/\\\$(\w+)/g, (_m, v: string) => vars.get(v) ?? `$${v}`)
    .replace(/\\\$/g, '$')
    .replace(/\\\\/g, '\\')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The process command as a reader sees it (education answers, the model-eval flag check): the paired-end
 * (else first) variant's lines that run the tool, with {placeholders}; staging and test (`[ ... ] ||`) lines are left out and the
 * shell variables they set become placeholders ({bwa_index_prefix}, {treatment}). A template tool keeps
 * its one-line description of what the shipped script does.
 */
export function typicalCommand(p: Process): string {
  // with every organism-dependent reference staged (Mutect2 with the GATK bundle), as best practice runs it
  const text = conditionalLines(p.command.paired ?? p.command.default ?? Object.values(p.command)[0] ?? '', () => true);
  const vars = new Map<string, string>();
  const kept: string[] = [];
  for (const raw of text.split('\n').map((l) => l.trim())) {
    if (raw === '') continue;
    const index = INDEX_LOOKUP.exec(raw);
    const assigned = ASSIGNMENT.exec(raw);
    if (index) vars.set(index[1]!, `{${index[2]}_prefix}`);
    else if (assigned) vars.set(assigned[1]!, `{${assigned[1]!.toLowerCase()}}`);
    else if (!STAGING.test(raw)) kept.push(raw);
  }
  return kept.map((l) => readable(l, vars)).join('\n');
}
