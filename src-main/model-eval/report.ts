import fs from 'node:fs';
import path from 'node:path';
import { type EvalGroup, type EvalItem, type EvalReport, type EvalSettings, type EvalSummary, HEADLINE_METRICS } from '../../src-preload/schemas/model-eval';
import { makeDirs } from '../app/make-dirs';
import { worst } from './summary';

const EXCERPT = 600;

export function buildReport(run: EvalReport['run'], settings: EvalSettings, summary: EvalSummary, items: readonly EvalItem[]): EvalReport {
  return {
    format_version: 1,
    run,
    settings,
    summary,
    worst: worst(items).map(({ answer, ...rest }) => ({ ...rest, answer_excerpt: answer.length > EXCERPT ? `${answer.slice(0, EXCERPT)}…` : answer })),
  };
}

const pct = (v: number | undefined) => (v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(groups: readonly EvalGroup[], label: string): string {
  const head = `| ${label} | n | score | ${HEADLINE_METRICS.join(' | ')} |`;
  const rule = `|---|---:|---:|${HEADLINE_METRICS.map(() => '---:').join('|')}|`;
  const rows = groups.map((g) => `| ${cell(g.key)} | ${g.n} | ${pct(g.score)} | ${HEADLINE_METRICS.map((m) => pct(g.metrics[m])).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

function metricTable(groups: readonly EvalGroup[]): string {
  const names = [...new Set(groups.flatMap((g) => Object.keys(g.metrics)))].sort();
  const head = `| metric | ${groups.map((g) => cell(g.key)).join(' | ')} |`;
  const rule = `|---|${groups.map(() => '---:').join('|')}|`;
  const rows = names.map((m) => `| ${m} | ${groups.map((g) => (g.metrics[m] === undefined ? '–' : `${pct(g.metrics[m])} (${g.counts[m]})`)).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

/** The markdown summary of a report: settings, per-task and per-analysis-type tables, every metric per task, the worst answers. */
export function reportMarkdown(r: EvalReport): string {
  const s = r.settings;
  const u = r.summary.usage;
  const lines = [
    `# Model evaluation ${r.run.id}`,
    '',
    `**${s.model}** at ${s.base_url} on the ${s.split} split of ${s.source}: score **${pct(r.summary.score)}** over ${r.summary.n} examples (${r.summary.answered} answered).`,
    '',
    '## Run settings',
    '',
    `- started ${r.run.created_at}, finished ${r.run.finished_at} (${(r.summary.duration_ms / 1000).toFixed(1)} s, ${r.summary.throughput.toFixed(2)} answers/s)`,
    `- split ${s.split}, limit ${s.limit ?? 'none'}, concurrency ${s.concurrency}, timeout ${s.timeout_ms} ms, retries ${s.max_retries}`,
    `- temperature ${s.temperature}, max tokens ${s.max_tokens ?? 'server default'}, cache ${s.cache ? 'on' : 'off'}`,
    `- ${u.calls} calls, ${u.cached} answered from the cache, ${u.prompt_tokens} prompt and ${u.completion_tokens} completion tokens`,
    '',
    '## Per task',
    '',
    table([...r.summary.by_task, r.summary.overall], 'task'),
    '',
    '## Per analysis type',
    '',
    table(r.summary.by_analysis_type, 'analysis type'),
    '',
    '## Every metric per task',
    '',
    'Means over the examples each metric applies to (their count in brackets).',
    '',
    metricTable(r.summary.by_task),
    '',
    `## Worst ${r.worst.length} answers`,
    '',
  ];
  for (const w of r.worst) {
    lines.push(`### ${w.record_id} (${w.kind}, ${w.analysis_type}): ${pct(w.score)}`, '');
    if (w.error) lines.push(`- no answer: ${w.error}`);
    for (const d of w.diagnostics) lines.push(`- ${d}`);
    lines.push('', '```text', w.answer_excerpt.replace(/```/g, "'''"), '```', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Writes report.json, report.md and answers.jsonl (every item with its answer) into `dir`. */
export function writeReport(dir: string, report: EvalReport, items: readonly EvalItem[]): void {
  makeDirs(dir);
  fs.writeFileSync(path.join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'report.md'), reportMarkdown(report));
  fs.writeFileSync(path.join(dir, 'answers.jsonl'), items.map((i) => `${JSON.stringify(i)}\n`).join(''));
}
