import { alpacaFormat } from './alpaca';
import type { ExportFormat } from './format';
import { hfFormat } from './hf';
import { hubFormat } from './hub';
import { llamaFactoryFormat } from './llama-factory';
import { openAiFormat } from './openai';
import { processedFormat } from './processed';
import { shareGptFormat } from './sharegpt';

/**
 * Every export format, in writing and checking order: processed first (the others are compared with it),
 * the LLaMA-Factory registry after the files it names. run-export.ts and check-export.ts loop over this list.
 */
export const FORMATS: readonly ExportFormat[] = [processedFormat, openAiFormat, hfFormat, hubFormat, alpacaFormat, shareGptFormat, llamaFactoryFormat];
