import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Right-align quantities (DKFDS: numbers that are amounts, not ids). */
  numeric?: boolean;
  /** This column names the row: rendered as `th scope="row"`. */
  rowHeader?: boolean;
  className?: string;
}

/**
 * DKFDS table with column headers (`th scope="col"`), a caption and a focusable scroll wrapper
 * for narrow screens.
 *
 * @example
 *   <DataTable caption="Enheder" rows={units} rowKey={(u) => u.id}
 *     columns={[{ key: 'name', header: 'Navn', rowHeader: true, render: (u) => u.name }]} />
 */
export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  compact = false,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    // The wrapper scrolls sideways on narrow screens; keyboard users need to reach it (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table--responsive-scroll" tabIndex={0} aria-label={t('common.tableScrollLabel', { caption })}>
      <table className={`table table--zebra${compact ? ' table--compact' : ''}`}>
        <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'align-text-right' : c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => {
                const cls = c.numeric ? 'align-text-right' : c.className;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={cls}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={cls}>
                    {c.render(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
