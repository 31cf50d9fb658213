// Facts of the plan that main and the renderer both show: one module, imported by both sides.
import type { ExampleKind } from './example';

/** The plan's target counts per generated kind (Part 6). Interactions have no target. */
export const TARGETS: Record<Exclude<ExampleKind, 'interaction'>, number> = {
  query_variation: 5000,
  tool_selection: 2000,
  workflow: 1000,
  education: 500,
  error_diagnosis: 500,
};
export type GeneratedKind = keyof typeof TARGETS;
export const GENERATED_KINDS = Object.keys(TARGETS) as GeneratedKind[];

/** Above target by more than this share counts as over target (the generator rounds up to whole groups, ~10%). */
export const OVER_TARGET_TOLERANCE = 0.1;

export type TargetStatus = 'below' | 'met' | 'over';

/** Where a count stands against its target: below it, met (up to 10% over), or over target. */
export function targetStatus(count: number, target: number): TargetStatus {
  if (count < target) return 'below';
  return count > target * (1 + OVER_TARGET_TOLERANCE) ? 'over' : 'met';
}
