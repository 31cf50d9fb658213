import type { ReactNode } from 'react';

/** One column of a DataTable: its header and how a row fills its cell; `num` right-aligns tabular figures. */
export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  num?: boolean;
  /** extra class of the column's cells (e.g. 'nowrap') */
  className?: string;
}

/**
 * The table markup the screens share (Export, Evaluate): a labelled table, a header row from the columns,
 * one row per item. Cells hold text and elements only; nothing from data is ever set as HTML.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowClass,
  rowData,
  foot,
  compact = true,
}: {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  rowClass?(row: T): string | undefined;
  /** a data-* attribute per row, for tests and styling: [name, value] */
  rowData?(row: T): [string, string];
  foot?: ReactNode;
  compact?: boolean;
}) {
  const cls = (c: Column<T>) => [c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <table aria-label={label} className={compact ? 'compact' : undefined}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            // columns are a fixed list per table: the index is a stable key
            <th key={i} className={cls(c)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const data = rowData?.(r);
          return (
            <tr key={rowKey(r)} className={rowClass?.(r)} {...(data ? { [`data-${data[0]}`]: data[1] } : {})}>
              {columns.map((c, i) => (
                <td key={i} className={cls(c)}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  );
}
