import fs from 'node:fs';
import { parseIntent } from '../../src-main/intent-parser';
import type { Knowledge } from '../../src-main/knowledge/schemas';
import { selectTools } from '../../src-main/tool-selector';

export const FEEDBACK_QUERY = 'RNA-seq differential expression in human liver, tumor vs normal, paired-end';

/**
 * Writes `count` typical feedback lines (~1.2 KB each: query, the full parsed intent, the selected tools with a
 * short rationale). Of every 20 lines 5 are accepted, 2 modified (one tool fewer), 2 rejected and 11 carry no
 * feedback, so 35% become examples. Shared by the import test and the import bench.
 */
export function writeTypicalFeedbackFile(file: string, count: number, kb: Knowledge): void {
  const intent = parseIntent(FEEDBACK_QUERY, kb);
  const tools = selectTools(intent, kb).map((t) => ({ tool: t.tool, rationale: t.rationale.split(':')[0]! }));
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    const m = k % 20;
    const feedback = m < 5 ? 'accept' : m < 7 ? 'modify' : m < 9 ? 'reject' : null;
    lines.push(
      JSON.stringify({
        session_id: `sess-${Math.floor(k / 50)}`,
        timestamp: new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString(),
        query: `${FEEDBACK_QUERY} (sample ${k})`,
        intent,
        tools,
        feedback,
        modifications: feedback === 'modify' ? { tools: tools.slice(1) } : null,
        execution_success: feedback ? k % 3 === 0 : null,
      }),
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}
