import { type ColumnDef, type SortingState, flexRender, getCoreRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { BidSummary } from '../../../../shared/contract/bids.contract';
import { BID_STAGES } from '../../../../shared/domain/bids';
import { AttentionBadges, StageBadge, valueOf } from './bidUi';

const columns: ColumnDef<BidSummary>[] = [
  {
    id: 'title',
    accessorKey: 'title',
    header: 'Title',
    size: 260,
    cell: ({ row }) => (
      <>
        <Link href={`/bids/${row.original.id}`} className="row-link">
          {row.original.title}
        </Link>
        {row.original.visibility === 'team' ? <span className="badge badge-muted">team only</span> : null}
      </>
    ),
  },
  { id: 'client', accessorKey: 'client', header: 'Client', size: 160 },
  // pipeline order, not alphabetical
  { id: 'stage', accessorFn: (b) => BID_STAGES.indexOf(b.stage), header: 'Stage', size: 130, cell: ({ row }) => <StageBadge stage={row.original.stage} /> },
  { id: 'value', accessorFn: (b) => b.finalValue ?? b.estimatedValue, header: 'Value', size: 110, cell: ({ row }) => <span className="num">{valueOf(row.original)}</span> },
  { id: 'deadline', accessorFn: (b) => b.deadline ?? '', header: 'Deadline', size: 130, cell: ({ row }) => row.original.deadlineLocal ?? '—' },
  { id: 'team', header: 'Team', enableSorting: false, size: 200, cell: ({ row }) => row.original.team.join(', ') },
  { id: 'attention', header: 'Needs attention', enableSorting: false, size: 160, cell: ({ row }) => <AttentionBadges items={row.original.attention} /> },
];

const ROW_HEIGHT = 40;

/** The list view: every bid that passes the filters, sortable by column, rows drawn as they scroll into view. */
export function BidTable({ rows }: { rows: BidSummary[] }) {
  const [, navigate] = useLocation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
  });
  const sorted = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0].start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  /** Arrow keys move between rows; Enter opens the bid. */
  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) {
    if (event.key === 'Enter') navigate(`/bids/${id}`);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(sorted.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-bid-row="${next}"]`)?.focus());
    }
  }

  if (rows.length === 0) return <p className="empty-state">No bids match. Record an opportunity with “New opportunity”.</p>;
  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="data-table compact" aria-label="Bids" aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const dir = header.column.getIsSorted();
                return (
                  <th key={header.id} style={{ width: header.getSize() }} aria-sort={dir ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
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
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
          {items.map((item) => {
            const row = sorted[item.index];
            return (
              <tr key={row.id} tabIndex={0} data-bid-row={item.index} aria-rowindex={item.index + 2} onKeyDown={(e) => onRowKey(e, item.index, row.id)} onDoubleClick={() => navigate(`/bids/${row.id}`)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
