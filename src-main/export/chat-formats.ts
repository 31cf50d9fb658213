import type { TrainingRecord } from './record';

/** Alpaca row as LLaMA-Factory reads it (columns prompt=instruction, query=input, response=output, system). */
export function toAlpaca(r: TrainingRecord) {
  return { instruction: r.messages[1].content, input: '', output: r.messages[2].content, system: r.messages[0].content };
}

/** ShareGPT row: human/gpt turns alternating from human, an even count, the system prompt in its own column. */
export function toShareGpt(r: TrainingRecord) {
  return {
    conversations: [
      { from: 'human', value: r.messages[1].content },
      { from: 'gpt', value: r.messages[2].content },
    ],
    system: r.messages[0].content,
  };
}

/** OpenAI chat fine-tuning row: only `messages` (extra keys are rejected by the API). */
export function toOpenAi(r: TrainingRecord) {
  return { messages: r.messages.map((m) => ({ role: m.role, content: m.content })) };
}

/** LLaMA-Factory data/dataset_info.json entries for the files of one export. */
export function llamaFactoryDatasetInfo() {
  return {
    biotrain_alpaca: {
      file_name: 'alpaca_format.json',
      columns: { prompt: 'instruction', query: 'input', response: 'output', system: 'system' },
    },
    biotrain_alpaca_val: {
      file_name: 'alpaca_format_val.json',
      columns: { prompt: 'instruction', query: 'input', response: 'output', system: 'system' },
    },
    biotrain_sharegpt: {
      file_name: 'sharegpt_format.json',
      formatting: 'sharegpt',
      columns: { messages: 'conversations', system: 'system' },
      tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt' },
    },
    biotrain_sharegpt_val: {
      file_name: 'sharegpt_format_val.json',
      formatting: 'sharegpt',
      columns: { messages: 'conversations', system: 'system' },
      tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt' },
    },
  };
}
