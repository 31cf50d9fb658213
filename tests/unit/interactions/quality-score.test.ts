import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../src-preload/schemas/interaction';
import type { Intent } from '../../../src-preload/schemas/intent';
import { hasModifications, qualityScore } from '../../../src-main/interactions/quality-score';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const intent = (confidence: number): Intent => intentOf(kb, 'rna_seq_de', { organism: null, confidence });

type Scored = Pick<Interaction, 'intent' | 'feedback' | 'modifications' | 'execution_success'>;
const base: Scored = { intent: null, feedback: null, modifications: null, execution_success: null };
const score = (over: Partial<Scored>) => qualityScore({ ...base, ...over });

describe('qualityScore (plan 2.3)', () => {
  it('is 0.5 with no signal', () => {
    expect(score({})).toBe(0.5);
    expect(score({ intent: intent(0.5) })).toBe(0.5);
  });

  it('adds 0.2 only when the intent confidence is strictly above 0.8', () => {
    expect(score({ intent: intent(0.81) })).toBe(0.7);
    expect(score({ intent: intent(1) })).toBe(0.7);
    expect(score({ intent: intent(0.8) })).toBe(0.5);
  });

  it('adds 0.2 for accept without modifications, nothing for modify / reject / accept with modifications', () => {
    expect(score({ feedback: 'accept' })).toBe(0.7);
    expect(score({ feedback: 'accept', modifications: {} })).toBe(0.7);
    expect(score({ feedback: 'accept', modifications: { tools: [] } })).toBe(0.5);
    expect(score({ feedback: 'modify', modifications: { tools: [] } })).toBe(0.5);
    expect(score({ feedback: 'modify' })).toBe(0.5);
    expect(score({ feedback: 'reject' })).toBe(0.5);
  });

  it('adds 0.1 only for execution success', () => {
    expect(score({ execution_success: true })).toBe(0.6);
    expect(score({ execution_success: false })).toBe(0.5);
  });

  it('sums exactly and is at most 1.0', () => {
    expect(score({ intent: intent(0.9), feedback: 'accept' })).toBe(0.9);
    expect(score({ intent: intent(0.9), execution_success: true })).toBe(0.8);
    expect(score({ feedback: 'accept', execution_success: true })).toBe(0.8);
    expect(score({ intent: intent(0.95), feedback: 'accept', execution_success: true })).toBe(1);
    expect(score({ intent: intent(0.95), feedback: 'modify', modifications: { tools: [] }, execution_success: true })).toBe(0.8);
  });

  it('treats only set fields as modifications', () => {
    expect(hasModifications(null)).toBe(false);
    expect(hasModifications({})).toBe(false);
    expect(hasModifications({ workflow: { files: {} } })).toBe(true);
  });
});
