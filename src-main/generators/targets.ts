import type { ExampleKind } from '../../src-preload/schemas/example';

/** The plan's target counts (Part 6). */
export const TARGETS: Record<Exclude<ExampleKind, 'interaction'>, number> = {
  query_variation: 5000,
  tool_selection: 2000,
  workflow: 1000,
  education: 500,
  error_diagnosis: 500,
};
export type GeneratedKind = keyof typeof TARGETS;
export const GENERATED_KINDS = Object.keys(TARGETS) as GeneratedKind[];
