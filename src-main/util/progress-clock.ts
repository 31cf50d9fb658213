/**
 * A clock for progress reports from long loops: `due()` is true at most once per `ms` milliseconds. A loop
 * that reports (and yields to the event loop) when `due()` keeps the bar moving however slow its items are
 * (a workflow lint takes ~100x a query's), and costs one `performance.now()` per item.
 */
export function progressClock(ms = 100): { due(): boolean } {
  let last = performance.now();
  return {
    due() {
      const now = performance.now();
      if (now - last < ms) return false;
      last = now;
      return true;
    },
  };
}
