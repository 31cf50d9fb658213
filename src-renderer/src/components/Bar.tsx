/** A horizontal bar for counts and progress: value against max, with the label beside it. */
export function Bar({ value, max, label, tone = 'accent' }: { value: number; max: number; label?: string; tone?: 'accent' | 'ok' | 'bad' | 'warn' }) {
  const pct = max > 0 ? Math.min(100, (100 * value) / max) : 0;
  return (
    <div className="bar" title={label ?? `${value} / ${max}`}>
      <div className={`bar-fill ${tone}`} style={{ width: `${pct}%` }} />
    </div>
  );
}
