import type { Knowledge } from '../knowledge/schemas';
import { CONSTRAINTS } from './vocabulary';

const dataTypes = new WeakMap<Knowledge, Set<string>>();

/** Data type ids an intent may carry: those of the analysis types and of the golden queries. */
export function knownDataTypes(kb: Knowledge): ReadonlySet<string> {
  let set = dataTypes.get(kb);
  if (!set) {
    set = new Set([...kb.analysisTypes.map((a) => a.data_type), ...kb.goldenQueries.flatMap((g) => (g.expected_intent.data_type ? [g.expected_intent.data_type] : []))]);
    dataTypes.set(kb, set);
  }
  return set;
}

const constraints = new Set(CONSTRAINTS.map(([, id]) => id));

/** Normalized constraint ids the rule parser can report. */
export function knownConstraints(): ReadonlySet<string> {
  return constraints;
}
