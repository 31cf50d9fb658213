import llama3Tokenizer from 'llama3-tokenizer-js';
import { describe, expect, it } from 'vitest';
import { conversationTokens, countTokens, TokenBudgetAccumulator } from '../../../src-main/metrics/token-budget';

const exact = (t: string) => llama3Tokenizer.encode(t, { bos: false, eos: false }).length;
const ANSWER = [
  '## Analysis Intent',
  '- **Type**: RNA-seq differential expression',
  '',
  '## Workflow',
  '',
  '`main.nf`\n```nextflow\nworkflow {\n    FASTQC(reads)\n}\n```',
  '',
  '`modules/fastqc.nf`\n```nextflow\nprocess FASTQC {\n    input:\n    tuple val(meta), path(reads)\n}\n```\n\n  indented after a blank line\n\n\n\nthree blank lines',
].join('\n');

describe('token budget', () => {
  it('counting in pieces at blank lines gives the tokenizer exact count', () => {
    for (const t of [ANSWER, 'Hello world!', '', '\n\nleading', 'a\n\n b', 'x\n\n\ny']) expect(countTokens(t)).toBe(exact(t));
  });

  it('a conversation counts the Llama 3 chat template tokens the tokenizer sees', () => {
    const messages = [
      { role: 'system', content: 'You are BioPipelines.' },
      { role: 'user', content: 'Which tools for ATAC-seq?' },
      { role: 'assistant', content: ANSWER },
    ];
    const templated = `<|begin_of_text|>${messages.map((m) => `<|start_header_id|>${m.role}<|end_header_id|>\n\n${m.content}<|eot_id|>`).join('')}`;
    expect(conversationTokens(messages)).toBe(exact(templated));
  });

  it('reports p50/p95/max per task and rounds the recommended length up to 256', () => {
    const acc = new TokenBudgetAccumulator();
    for (let i = 1; i <= 20; i++) acc.add('education', [{ role: 'user', content: 'word '.repeat(i * 10) }]);
    const b = acc.result();
    const lens = Array.from({ length: 20 }, (_, i) => conversationTokens([{ role: 'user', content: 'word '.repeat((i + 1) * 10) }]));
    expect(b.per_task.education).toEqual({ n: 20, p50: lens[9], p95: lens[18], max: lens[19] });
    expect(b.recommended.axolotl_sequence_len).toBe(256);
    expect(b.recommended.llamafactory_cutoff_len).toBe(256);
  });
});
