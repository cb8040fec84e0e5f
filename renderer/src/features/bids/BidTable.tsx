import { type ColumnDef, type SortingState, getCoreRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { BidSummary } from '@shared/contract/bids.contract';
import { BID_STAGES } from '@shared/domain/bids';
import { SortableHead, useVirtualRows, VirtualRows } from '../../components/VirtualTable';
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
  {
    id: 'value',
    accessorFn: (b) => b.finalValue ?? b.estimatedValue,
    header: 'Value',
    size: 110,
    cell: ({ row }) => <span className="num">{valueOf(row.original)}</span>,
  },
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
  const { items, padTop, padBottom, onRowKey } = useVirtualRows(sorted.length, scrollRef, ROW_HEIGHT, (index) => navigate(`/bids/${sorted[index].id}`));

  if (rows.length === 0) return <p className="empty-state">No bids match. Record an opportunity with “New opportunity”.</p>;
  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="data-table compact" aria-label="Bids" aria-rowcount={rows.length + 1}>
        <SortableHead table={table} />
        <tbody>
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
          <VirtualRows rows={sorted} items={items} onRowKey={onRowKey} open={(id) => navigate(`/bids/${id}`)} />
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
