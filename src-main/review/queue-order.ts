import type { QueueSort } from '../../src-preload/contract/core';

/**
 * The orders a review queue can be walked in. Each is one ascending SQL key with `seq` breaking ties, so
 * "the item after X" is a keyset condition on (key, seq) and the queue list and review.next agree.
 */
const KEY: Record<QueueSort, string> = {
  queue: 'seq',
  // items without a confidence (not parsed) after every parsed one; confidences are in [0, 1]
  low_confidence: 'coalesce(confidence, 2.0)',
  most_mismatches: '-intent_mismatches',
  newest: '-seq',
};

export const orderBy = (sort: QueueSort = 'queue'): string => (sort === 'queue' ? 'ORDER BY seq' : `ORDER BY ${KEY[sort]}, seq`);

/** SQL selecting the sort key of the item at @afterSeq. */
export const keyOfSeq = (sort: QueueSort): string => `SELECT ${KEY[sort]} AS key FROM examples WHERE seq = ?`;

/** The condition "after the item with seq @afterSeq and sort key @afterKey" in this order. */
export const afterCondition = (sort: QueueSort = 'queue'): string =>
  sort === 'queue' ? 'seq > @afterSeq' : `(${KEY[sort]} > @afterKey OR (${KEY[sort]} = @afterKey AND seq > @afterSeq))`;
