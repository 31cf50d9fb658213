/**
 * Cohen's kappa for two raters labelling the same items: (p_o - p_e) / (1 - p_e), where p_o is the observed
 * agreement and p_e the agreement expected by chance from each rater's label frequencies.
 * Returns null when it is undefined: no items, or both raters used one and the same label for everything
 * (p_e = 1).
 */
export function cohensKappa(a: readonly string[], b: readonly string[]): number | null {
  if (a.length !== b.length) throw new Error(`cohensKappa: label lists differ in length (${a.length} vs ${b.length})`);
  const n = a.length;
  if (n === 0) return null;
  let agree = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [label, ca] of countA) pe += (ca / n) * ((countB.get(label) ?? 0) / n);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/** Observed agreement: the share of items both raters labelled the same (null for no items). */
export function percentAgreement(a: readonly string[], b: readonly string[]): number | null {
  if (a.length !== b.length) throw new Error(`percentAgreement: label lists differ in length (${a.length} vs ${b.length})`);
  if (a.length === 0) return null;
  let agree = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) agree++;
  return agree / a.length;
}
