import type { ChatRequestBody } from './openai-test-server';

/** The user turn of a chat request the scripted model received. */
export const userTextOf = (body: ChatRequestBody): string => body.messages.find((m) => m.role === 'user')?.content ?? '';

/**
 * The request a paraphrase prompt asks to rewrite (resources/prompts/query_variation.md): everything between
 * 'Original request: ' and the intent line, since a detailed request written as a labelled list spans lines.
 */
export function originalRequestOf(user: string): string {
  return /^Original request: ([\s\S]*?)\nIts intent \(must be preserved\):/m.exec(user)?.[1] ?? '';
}
