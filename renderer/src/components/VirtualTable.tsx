import { type Row, type Table, flexRender } from '@tanstack/react-table';
import { type VirtualItem, useVirtualizer } from '@tanstack/react-virtual';
import { boardHeightGuess, useQuietMount } from './quietMount';
import { type KeyboardEvent, type ReactNode, type RefObject, memo, useCallback } from 'react';

/** A table's header row: sortable columns are buttons that show and announce their order. */
export function SortableHead<T>({ table }: { table: Table<T> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <th key={header.id} style={{ width: header.getSize() }} aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                {header.column.getCanSort() ? (
                  <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

/**
 * Rows drawn only as they scroll into view (thousands of rows stay fast), with the padding that
 * keeps the scroll bar honest, and arrow keys moving between rows; Enter opens one.
 */
export function useVirtualRows(count: number, scrollRef: RefObject<HTMLDivElement | null>, rowHeight: number, open: (index: number) => void) {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 4,
    ...useQuietMount(boardHeightGuess()),
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0].start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    if (event.key === 'Enter') open(index);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(count - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      const table = (event.currentTarget as HTMLElement).closest('table');
      requestAnimationFrame(() => table?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.focus());
    }
  }
  /** Back to the first row (new search results): from the offset the scroll events reported, so an unscrolled list forces no layout. */
  const toTop = useCallback(() => {
    if (virtualizer.scrollOffset) virtualizer.scrollToOffset(0);
  }, [virtualizer]);
  return { items, padTop, padBottom, onRowKey, toTop };
}

interface VirtualRowsProps<T> {
  rows: Row<T>[];
  items: VirtualItem[];
  /** Anything else that changes what a row shows (which columns are visible). */
  shown?: unknown;
  rowClass?: (original: T) => string | undefined;
  onRowKey: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
  open: (id: string) => void;
}

/**
 * The rows in view, focusable, Enter or a double click opening one: drawn again only when the
 * rows, the range in view or `shown` change, not when the page redraws for something else (a
 * keystroke in the search box while the previous results stay).
 */
export const VirtualRows = memo(function VirtualRows<T>({ rows, items, rowClass, onRowKey, open }: VirtualRowsProps<T>) {
  return items.map((item) => {
    const row = rows[item.index];
    return (
      <tr
        key={row.id}
        tabIndex={0}
        data-row-index={item.index}
        aria-rowindex={item.index + 2}
        className={rowClass?.(row.original)}
        onKeyDown={(e) => onRowKey(e, item.index)}
        onDoubleClick={() => open(row.id)}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
        ))}
      </tr>
    );
  });
}, sameRows) as <T>(props: VirtualRowsProps<T>) => ReactNode; // memo() forgets the row type

/** The same rows in the same places, showing the same: the callbacks are the page's and may be new on each render. */
function sameRows(a: VirtualRowsProps<unknown>, b: VirtualRowsProps<unknown>) {
  return (
    a.rows === b.rows &&
    a.shown === b.shown &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => item.index === b.items[i].index && item.start === b.items[i].start)
  );
}
