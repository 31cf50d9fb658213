import type { ExampleFilter } from '../../../src-preload/contract/core';
import { EXCLUSION_REASONS } from '../../../src-preload/schemas/build';

/** The "left out of build …" part of a queue filter (set from the Export screen), with a button to drop it. */
export function ExcludedFilterChip({ excluded, onClear }: { excluded: NonNullable<ExampleFilter['excludedFrom']>; onClear(): void }) {
  const why = [excluded.reason ? EXCLUSION_REASONS[excluded.reason] : null, excluded.rule ? `rule ${excluded.rule}` : null].filter(Boolean).join(', ');
  return (
    <span className="pill warn filter-chip" data-testid="excluded-filter">
      left out of build {excluded.buildId.slice(0, 8)}
      {why ? `: ${why}` : ''}
      <button type="button" className="link" aria-label="clear the build filter" onClick={onClear}>
        ×
      </button>
    </span>
  );
}
