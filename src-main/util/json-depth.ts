/**
 * Whether a parsed JSON value nests arrays/objects more than `max` levels deep. Iterative, so a value nested
 * far beyond the call stack (JSON.parse builds those without complaint) is measured without overflowing it;
 * recursive readers (hashing, schema checks) then only ever see shallow values.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, depth] = top;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
