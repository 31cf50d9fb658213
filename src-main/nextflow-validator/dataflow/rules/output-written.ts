import type { Diagnostic } from '../../diagnostics';
import { type DataflowRule, diag } from '../context';
import type { ProcessModel } from '../model';
import { expandBraces, extensionOf, literalSegments, patternRegex, resolveText } from '../patterns';
import { commandsOf, writtenFiles } from '../written-files';

const WILDCARDS = /\$\{[^}]*\}|!\{[^}]*\}|\$[A-Za-z_][\w.]*|\*+|\?/g;

/**
 * `output-not-written`: a declared output path pattern that the process's script cannot produce.
 *
 * Conservative by design (tools write many files the script never names, e.g. FastQC's reports):
 * a pattern is reported only when (1) no alternative of it is named anywhere in the script section,
 * and (2) the script explicitly writes a file of the same type (`-o`, `--output`, `O=`, `>`, `mv`, ...)
 * under a name built from a value (`${prefix}.bam`), that no later command reads and no output of the process
 * declares, `def` values resolved: the written file and the declared pattern are then two names for one
 * output, and the declared one is never produced. Intermediates (`> assembly.fa`, files read again) are
 * no evidence. `samtools sort -o ${prefix}.bam` under
 * `path("*.sorted.bam")` is reported; `fastqc ${reads}` under `path("*.html")` is not.
 */
export const outputWritten: DataflowRule = {
  ids: ['output-not-written'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const f of ctx.files) for (const p of f.processes) out.push(...checkProcess(p));
    return out;
  },
};

function checkProcess(p: ProcessModel): Diagnostic[] {
  const script = p.script;
  if (!script || script.template || script.commands.length === 0) return [];
  const cmds = commandsOf(script);
  const written = writtenFiles(cmds).flatMap((w) => {
    const texts = resolveText(w.word.text, script.defs);
    return texts ? texts.map((t) => ({ ...w, text: t })) : [];
  });
  const evidence = [...script.strings.map((s) => s.raw), ...written.map((w) => w.text)].join('\n');
  const isFile = (q: string) => q === 'path' || q === 'file';
  const declared = p.outputs.flatMap((d) => d.elements.flatMap((el) => (el.pattern && isFile(el.qualifier) ? expandBraces(el.pattern.raw).map(patternRegex) : [])));
  // evidence against a pattern: a final product of the task, i.e. a file the script writes under a name built
  // from a value (`${prefix}.bam`), that no later command reads and no output declares (a glob may be anything)
  const writers = new Set(written.map((w) => w.command));
  const readLater = (w: (typeof written)[number]) =>
    cmds.some((c, i) => i > w.command && c.words.some((x) => x.text.includes(w.word.text) && (writers.has(i) || /^[A-Za-z_]\w*=/.test(x.text))));
  const undeclared = written.filter(
    (w) => w.how !== 'ln' && /\$\{|\$[A-Za-z_]|!\{/.test(w.word.text) && !/[*?[]/.test(w.text) && !readLater(w) && !declared.some((re) => re.test(w.text)),
  );
  const out: Diagnostic[] = [];
  for (const decl of p.outputs) {
    for (const el of decl.elements) {
      if (!el.pattern || !isFile(el.qualifier)) continue;
      const alternatives = expandBraces(el.pattern.raw);
      const segmented = alternatives.map((a) => ({ a, segments: literalSegments(a) }));
      if (segmented.some((s) => s.segments.length === 0)) continue; // `*`, `${prefix}`: anything matches
      // names with several unknown parts (`${prefix}.call-*-of-*.tfrecord.gz`) are families a tool names itself
      if (segmented.some(({ a }) => (a.match(WILDCARDS) ?? []).length > 1)) continue;
      if (segmented.some((s) => s.segments.every((seg) => evidence.includes(seg)))) continue;
      // every alternative must be contradicted by a written file of its type
      const perAlternative = segmented.map(({ segments }) => {
        const ext = extensionOf(segments.at(-1)!);
        const sameType = ext ? undeclared.filter((w) => extensionOf(w.text) === ext) : [];
        return sameType.length > 0 ? sameType : null;
      });
      if (perAlternative.some((c) => c === null)) continue;
      const conflicts = perAlternative.flatMap((c) => c ?? []);
      const first = conflicts[0]!;
      const emit = decl.emit ? ` (emit: ${decl.emit})` : '';
      out.push(
        diag(
          p.file,
          el,
          'output-not-written',
          `process ${p.name} declares output '${el.pattern.raw}'${emit}, but its script never writes such a file: it writes '${first.word.text}' (${first.how}, line ${first.word.line})${decl.optional ? '; the output is optional, so the run goes on without it' : ''}`,
          // an optional output that never matches loses a file but does not fail the run
          decl.optional ? 'warning' : 'error',
        ),
      );
    }
  }
  return out;
}
