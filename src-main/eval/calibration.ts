/** One prediction for calibration: the confidence given and whether the answer was right. */
export interface Scored {
  confidence: number;
  right: boolean;
}

export interface ReliabilityBin {
  /** bin range [lo, hi) (the last bin includes 1) */
  lo: number;
  hi: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

export interface Calibration {
  n: number;
  bins: ReliabilityBin[];
  /** expected calibration error: sum over bins of n_b / n * |accuracy_b - confidence_b| */
  ece: number;
  meanConfidenceRight: number;
  meanConfidenceWrong: number;
  wrong: number;
  /** share of wrong answers whose confidence is below 0.5 */
  wrongBelowHalf: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Reliability bins of equal width over [0, 1] and the expected calibration error over them. */
export function calibrationOf(rows: readonly Scored[], binCount = 10): Calibration {
  const members: Scored[][] = Array.from({ length: binCount }, () => []);
  for (const r of rows) members[Math.min(binCount - 1, Math.max(0, Math.floor(r.confidence * binCount)))]!.push(r);
  const bins = members.map((m, i) => ({
    lo: i / binCount,
    hi: (i + 1) / binCount,
    n: m.length,
    meanConfidence: mean(m.map((r) => r.confidence)),
    accuracy: m.length ? m.filter((r) => r.right).length / m.length : 0,
  }));
  const n = rows.length;
  const ece = n ? bins.reduce((s, b) => s + (b.n / n) * Math.abs(b.accuracy - b.meanConfidence), 0) : 0;
  const wrong = rows.filter((r) => !r.right);
  return {
    n,
    bins,
    ece,
    meanConfidenceRight: mean(rows.filter((r) => r.right).map((r) => r.confidence)),
    meanConfidenceWrong: mean(wrong.map((r) => r.confidence)),
    wrong: wrong.length,
    wrongBelowHalf: wrong.length ? wrong.filter((r) => r.confidence < 0.5).length / wrong.length : 0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

/** The reliability diagram as text: per bin, accuracy as a bar against the bin's mean confidence ('|'). */
export function formatReliabilityDiagram(c: Calibration, width = 40): string[] {
  const lines = ['confidence     n   mean conf  accuracy  accuracy bar (| = mean confidence)'];
  for (const b of c.bins) {
    const range = `${b.lo.toFixed(1)}-${b.hi.toFixed(1)}`;
    if (b.n === 0) {
      lines.push(`${range.padEnd(10)}${'0'.padStart(6)}`);
      continue;
    }
    const bar = [...'#'.repeat(Math.round(b.accuracy * width)).padEnd(width, ' ')];
    const mark = Math.min(width - 1, Math.round(b.meanConfidence * width));
    bar[mark] = '|';
    lines.push(`${range.padEnd(10)}${String(b.n).padStart(6)}   ${pct(b.meanConfidence)}    ${pct(b.accuracy)}   ${bar.join('')}`);
  }
  lines.push(
    `ECE (${c.bins.length} bins) ${c.ece.toFixed(3)}; mean confidence right ${c.meanConfidenceRight.toFixed(2)}, wrong ${c.meanConfidenceWrong.toFixed(2)}; ${c.wrong} wrong, ${pct(c.wrongBelowHalf).trim()} of them below 0.5`,
  );
  return lines;
}
