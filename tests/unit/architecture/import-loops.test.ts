import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../support/serve';

/** Relative imports of every .ts file under the given folders, `import type` included (a loop of types is still a loop to read). */
function importGraph(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) {
        const src = fs.readFileSync(p, 'utf8');
        const deps: string[] = [];
        for (const m of src.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
          const base = path.resolve(path.dirname(p), m[1]!);
          const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
          if (hit) deps.push(path.relative(REPO, hit));
        }
        graph.set(path.relative(REPO, p), deps);
      }
    }
  };
  for (const d of dirs) walk(path.join(REPO, d));
  return graph;
}

/** Files reachable from `start` that lead back to it: non-empty means `start` is on an import loop. */
function loopThrough(graph: Map<string, string[]>, start: string): string[] | null {
  const seen = new Set<string>();
  const stack: string[][] = [[start]];
  while (stack.length) {
    const trail = stack.pop()!;
    for (const next of graph.get(trail.at(-1)!) ?? []) {
      if (next === start) return [...trail, start];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([...trail, next]);
      }
    }
  }
  return null;
}

describe('import structure', () => {
  const graph = importGraph(['src-main', 'src-preload']);

  it('has no loop through api/dispatch (ApiError lives in api/api-error.ts)', () => {
    expect(loopThrough(graph, 'src-main/api/dispatch.ts')).toBeNull();
    expect(loopThrough(graph, 'src-main/api/api-error.ts')).toBeNull();
  });

  it('has no loop through app/context (job kinds are registered in app/compose.ts)', () => {
    expect(loopThrough(graph, 'src-main/app/context.ts')).toBeNull();
  });

  it('opens every context through the composition module', () => {
    const callers = [...graph.keys()].filter((f) => f !== 'src-main/app/compose.ts' && /createAppContext\(/.test(fs.readFileSync(path.join(REPO, f), 'utf8')));
    expect(callers).toEqual(['src-main/app/context.ts']);
  });

  it('keeps the tool selector off the workflow generator (the request\'s reads and platform are the selector\'s context, which the generator reads)', () => {
    const selector = [...graph.entries()].filter(([f]) => f.startsWith('src-main/tool-selector/'));
    expect(selector.flatMap(([f, deps]) => deps.filter((d) => d.startsWith('src-main/workflow-generator/')).map((d) => `${f} -> ${d}`))).toEqual([]);
    expect(loopThrough(graph, 'src-main/tool-selector/context.ts')).toBeNull();
  });
});
