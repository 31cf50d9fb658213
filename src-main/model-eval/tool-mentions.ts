import type { Knowledge, Tool } from '../knowledge/schemas';

/** Tool names in answers and workflows, resolved against the knowledge base. */
export interface ToolLexicon {
  /** a written name ('STAR', 'featureCounts', 'bwa-mem2') -> tool id, or null when the KB has no such tool */
  resolve(name: string): string | null;
  /** ids of KB tools whose name, id or an alias appears as a word in the text */
  mentioned(text: string): string[];
  /** ids of KB tools a Nextflow project runs (by container image, the process name choosing among tools sharing one) */
  usedBy(files: Record<string, string>): string[];
}

const flat = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** the image path without registry tag: quay.io/biocontainers/star:2.7 -> biocontainers/star */
const image = (container: string) => container.replace(/^[^/]+\.[^/]+\//, '').replace(/[:@].*$/, '').toLowerCase();

export function toolLexicon(kb: Knowledge): ToolLexicon {
  const byName = new Map<string, string>();
  const spellings: { id: string; re: RegExp }[] = [];
  for (const t of kb.tools) {
    for (const n of namesOf(t)) {
      if (!byName.has(flat(n))) byName.set(flat(n), t.id);
      // a word on its own: not inside another name ('bwa' in 'bwa-mem2'), not a file suffix ('.bam')
      spellings.push({ id: t.id, re: new RegExp(`(?<![\\w.-])${escapeRe(n).replace(/[_-]/g, '[_ -]?')}(?![\\w-]*[\\w])`, 'i') });
    }
  }
  // several tools may share an image (gatk4); the process name then tells them apart
  const byImage = new Map<string, string[]>();
  for (const t of kb.tools) byImage.set(image(t.container), [...(byImage.get(image(t.container)) ?? []), t.id]);
  // longest id first, so BWA_MEM2_ALIGN reads as bwa_mem2, not bwa
  const ids = kb.tools.map((t) => t.id).sort((a, b) => b.length - a.length || a.localeCompare(b));

  return {
    resolve: (name) => byName.get(flat(name.replace(/\s*\(.*\)$/, ''))) ?? null,
    mentioned(text) {
      const found = new Set<string>();
      for (const s of spellings) if (!found.has(s.id) && s.re.test(text)) found.add(s.id);
      return [...found].sort();
    },
    usedBy(files) {
      const used = new Set<string>();
      for (const text of Object.values(files)) {
        for (const block of processBlocks(text)) {
          const c = /^\s*container\s+['"]([^'"]+)['"]/m.exec(block.body);
          const sharing = c ? (byImage.get(image(c[1]!)) ?? []) : [];
          const lower = block.name.toLowerCase();
          const byProcess = ids.find((id) => lower === id || lower.startsWith(`${id}_`));
          const id = byProcess && (sharing.length === 0 || sharing.includes(byProcess)) ? byProcess : (sharing[0] ?? byProcess);
          if (id) used.add(id);
        }
      }
      return [...used].sort();
    },
  };
}

function namesOf(t: Tool): string[] {
  return [...new Set([t.name, t.id, ...t.aliases].filter((n) => n.trim().length >= 2))];
}

/** `process NAME { ... }` blocks (body up to the matching brace, strings and comments not counted). */
export function processBlocks(text: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const re = /^\s*process\s+(\w+)\s*\{/gm;
  for (const m of text.matchAll(re)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let i = start;
    for (; i < text.length && depth > 0; i++) {
      const ch = text[i];
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    out.push({ name: m[1]!, body: text.slice(start, i - 1) });
  }
  return out;
}
