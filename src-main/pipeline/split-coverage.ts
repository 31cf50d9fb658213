import type { Split } from '../../src-preload/schemas/example';

/** The share of a type's examples val and test should each hold, and the size from which it is checked. */
export const COVERAGE_BAND = { min: 0.05, max: 0.15, minExamples: 50 } as const;

export type CoverageBand = 'ok' | 'outside' | 'small';

export interface TypeCoverage {
  analysisType: string;
  total: number;
  valShare: number;
  testShare: number;
  /** 'small': fewer than minExamples, not checked */
  band: CoverageBand;
}

/** Whether a type's val and test shares are inside the band (types below minExamples are not checked). */
export function coverageBand(c: Record<Split, number>): CoverageBand {
  const total = c.train + c.val + c.test;
  if (total < COVERAGE_BAND.minExamples) return 'small';
  const inBand = (n: number) => n / total >= COVERAGE_BAND.min && n / total <= COVERAGE_BAND.max;
  return inBand(c.val) && inBand(c.test) ? 'ok' : 'outside';
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Per analysis type: val and test shares and whether they are in the band, sorted by type. */
export function typeCoverage(perType: Record<string, Record<Split, number>>): TypeCoverage[] {
  return Object.entries(perType)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([analysisType, c]) => {
      const total = c.train + c.val + c.test;
      return {
        analysisType,
        total,
        valShare: total === 0 ? 0 : round(c.val / total),
        testShare: total === 0 ? 0 : round(c.test / total),
        band: coverageBand(c),
      };
    });
}
