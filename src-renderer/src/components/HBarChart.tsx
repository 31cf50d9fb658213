export interface HBarItem {
  key: string;
  label: string;
  value: number;
  title?: string;
}

/**
 * A small horizontal bar chart in plain HTML/CSS: one row per item (label, bar, value). Zero values are
 * flagged so uncovered categories/tools stand out. `columns` lays long lists out side by side.
 */
export function HBarChart({ items, label, columns = 1, max }: { items: HBarItem[]; label: string; columns?: number; max?: number }) {
  const top = max ?? Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="hbar-chart" aria-label={label} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {items.map((it) => (
        <li key={it.key} className={it.value === 0 ? 'hbar-row zero' : 'hbar-row'} title={it.title ?? `${it.label}: ${it.value}`}>
          <span className="hbar-label">{it.label}</span>
          <span className="hbar-track">
            <span className="hbar-fill" style={{ width: `${(100 * it.value) / top}%` }} />
          </span>
          <span className="hbar-value num">{it.value.toLocaleString()}</span>
        </li>
      ))}
    </ul>
  );
}
