import { type ColumnDef, type SortingState, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, cloneElement, memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { MemberSummary } from '@shared/contract/members.contract';
import { type MemberListQuery, MEMBER_ROLES, MEMBER_STATUSES } from '@shared/contract/members.contract';
import { call } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { OwnershipBadge, StatusBadge, TagList } from '../../components/Badges';
import { downloadText, formatCount, formatDate } from '../../components/format';
import { useShortcut } from '../../components/useShortcut';
import { SortableHead, useVirtualRows, VirtualRows } from '../../components/VirtualTable';
import { NARROW, useMediaQuery } from '../../components/useMediaQuery';

const SORTABLE = { name: 'name', businessName: 'business', memberSince: 'memberSince', number: 'number' } as const;
type SortKey = keyof typeof SORTABLE;

const columns: ColumnDef<MemberSummary>[] = [
  { id: 'number', accessorKey: 'number', header: 'No.', size: 44 },
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Name',
    size: 190,
    cell: ({ row }) => (
      <>
        <Link href={`/members/${row.original.id}`} className="row-link">
          {row.original.name}
        </Link>
        <div className="muted small">{row.original.email}</div>
      </>
    ),
  },
  { id: 'businessName', accessorKey: 'businessName', header: 'Business', size: 160 },
  { id: 'offers', header: 'Offers', enableSorting: false, size: 180, cell: ({ row }) => <TagList tags={row.original.offers} kind="offers" /> },
  { id: 'needs', header: 'Needs', enableSorting: false, size: 160, cell: ({ row }) => <TagList tags={row.original.needs} kind="needs" /> },
  { id: 'memberSince', accessorKey: 'memberSince', header: 'Member since', size: 105, cell: ({ row }) => formatDate(row.original.memberSince) },
  { id: 'ownership', header: 'Co-op owner', enableSorting: false, size: 130, cell: ({ row }) => <OwnershipBadge ownership={row.original.ownership} /> },
  {
    id: 'status',
    header: 'Status',
    enableSorting: false,
    size: 80,
    cell: ({ row }) => <StatusBadge status={row.original.status} archived={row.original.archivedAt !== null} />,
  },
];

const ROW_HEIGHT = 48;
/** Rows fetched per request: a few screens; more arrive as the table scrolls. */
const PAGE_SIZE = 100;

/** A labelled filter in the toolbar; the label points at its select by id. */
function Filter({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

/** Pages of PAGE_SIZE rows, fetched as the table scrolls towards the end of what is loaded. */
const listQuery = (filters: Omit<MemberListQuery, 'limit' | 'offset'>) =>
  infiniteQueryOptions({
    queryKey: ['members.list', filters],
    queryFn: ({ pageParam }) => call('members.list', { ...filters, limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });

export function MembersPage() {
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<(typeof MEMBER_STATUSES)[number] | 'all'>('all');
  const [role, setRole] = useState<(typeof MEMBER_ROLES)[number] | 'all'>('all');
  const [tag, setTag] = useState('');
  const [ownership, setOwnership] = useState<'all' | 'owners' | 'not-yet'>('all');
  const [archived, setArchived] = useState<'hide' | 'only' | 'include'>('hide');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcut('/', () => searchRef.current?.focus());
  useShortcut('n', () => navigate('/members/new'));

  const narrow = useMediaQuery(NARROW);
  const sort = sorting[0] ?? { id: 'name', desc: false };
  const filters = {
    q,
    status,
    role,
    tag,
    ownership,
    archived,
    sort: SORTABLE[sort.id as SortKey] ?? 'name',
    dir: sort.desc ? ('desc' as const) : ('asc' as const),
  };
  const list = useInfiniteQuery({ ...listQuery(filters), placeholderData: keepPreviousData });
  const client = useQueryClient();
  const tags = useApi('members.tags', {});
  const status_ = useApi('system.status', {});
  const loadDemo = useApiMutation('system.loadDemo');

  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const table = useReactTable({
    data: rows,
    columns,
    // a narrow window drops business and needs (both are on the member's page) before anything scrolls
    state: { sorting, columnVisibility: narrow ? { businessName: false, needs: false } : {} },
    onSortingChange: setSorting,
    manualSorting: true,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, padTop, padBottom, onRowKey, toTop } = useVirtualRows(rows.length, scrollRef, ROW_HEIGHT, (index) => navigate(`/members/${rows[index].id}`));

  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 20) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // new filters, new results: back to the top of the list
  useEffect(() => toTop(), [toTop, q, status, role, tag, ownership, archived, sorting]);

  async function exportCsv() {
    const file = await call('members.exportCsv', { includeArchived: true });
    downloadText(file.filename, file.csv);
  }

  const empty = status_.data?.demoOffered;
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <section className="page" aria-labelledby="members-title">
      <header className="page-header">
        <h1 id="members-title">Members</h1>
        <div className="actions">
          <Link href="/members/import" className="button">
            Import CSV
          </Link>
          <button type="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
          <Link href="/members/new" className="button button-primary">
            New member <kbd>N</kbd>
          </Link>
        </div>
      </header>

      {empty ? (
        <div className="empty-state" role="region" aria-label="Getting started">
          <h2>Your membership register is empty</h2>
          <p>Add your first member, import your existing list as CSV, or load a demo co-op to look around first.</p>
          <div className="actions">
            <Link href="/members/new" className="button button-primary">
              Add the first member
            </Link>
            <Link href="/members/import" className="button">
              Import CSV
            </Link>
            <button type="button" disabled={loadDemo.isPending} onClick={() => loadDemo.mutate({})}>
              {loadDemo.isPending ? 'Loading the demo co-op…' : 'Load the demo co-op'}
            </button>
          </div>
          {loadDemo.error ? <p className="form-error">{loadDemo.error.message}</p> : null}
        </div>
      ) : (
        <>
          <div className="toolbar" role="search">
            <input
              ref={searchRef}
              type="search"
              className="search"
              aria-label="Search members"
              placeholder="Search name, business, skills…  ( / )"
              value={q}
              onChange={(e) => {
                // the search leaves with the keystroke, before the page is drawn again for it
                void client.prefetchInfiniteQuery(listQuery({ ...filters, q: e.target.value }));
                setQ(e.target.value);
              }}
            />
            <Filter label="Status">
              <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
                <option value="all">Any</option>
                {MEMBER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </Filter>
            <Filter label="Role">
              <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
                <option value="all">Any</option>
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </Filter>
            <Filter label="Tag">
              <TagSelect tags={tags.data} value={tag} onChange={setTag} />
            </Filter>
            <Filter label="Ownership">
              <select value={ownership} onChange={(e) => setOwnership(e.target.value as typeof ownership)}>
                <option value="all">Any</option>
                <option value="owners">Owners</option>
                <option value="not-yet">Not yet owners</option>
              </select>
            </Filter>
            <Filter label="Archived">
              <select value={archived} onChange={(e) => setArchived(e.target.value as typeof archived)}>
                <option value="hide">Hide</option>
                <option value="include">Include</option>
                <option value="only">Only archived</option>
              </select>
            </Filter>
            <span className="muted count" role="status">
              {list.isFetching && !list.data ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'member' : 'members'}`}
              {isFetchingNextPage ? ' · loading more…' : ''}
            </span>
          </div>
          {list.error ? <p className="form-error">{list.error.message}</p> : null}

          <div className="table-scroll" ref={scrollRef}>
            <table className="data-table" aria-label="Members" aria-rowcount={rows.length + 1} aria-busy={list.isPlaceholderData || list.isLoading}>
              <SortableHead table={table} />
              <tbody>
                {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
                <VirtualRows
                  rows={table.getRowModel().rows}
                  items={items}
                  shown={narrow}
                  rowClass={(m) => (m.archivedAt ? 'row-archived' : undefined)}
                  onRowKey={onRowKey}
                  open={(id) => navigate(`/members/${id}`)}
                />
                {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
              </tbody>
            </table>
            {rows.length === 0 && !list.isFetching ? <p className="empty-row">No member matches these filters.</p> : null}
          </div>
        </>
      )}
    </section>
  );
}

/** Every tag in the register (thousands in a large co-op): not rebuilt on each keystroke. */
const TagSelect = memo(function TagSelect({
  tags,
  value,
  onChange,
  id,
}: {
  tags: { tag: string; offers: number; needs: number }[] | undefined;
  value: string;
  onChange: (tag: string) => void;
  id?: string;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Any</option>
      {(tags ?? []).map((t) => (
        <option key={t.tag} value={t.tag}>
          {t.tag} ({t.offers} offer, {t.needs} need)
        </option>
      ))}
    </select>
  );
});
