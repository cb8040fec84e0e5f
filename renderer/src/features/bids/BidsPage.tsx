import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../components/format';
import { Link, useLocation } from 'wouter';
import { BID_SOURCES, type BidSummary } from '@shared/contract/bids.contract';
import { BID_STAGES, type BidStage, nextStages, STAGE_LABELS } from '@shared/domain/bids';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { Segmented } from '../../components/Segmented';
import { useAction } from '../../components/useAction';
import { useDebounced } from '../../components/useDebounced';
import { useAuth } from '../auth';
import { AttentionBadges, valueOf } from './bidUi';
import { BidTable } from './BidTable';

type View = 'board' | 'list';

/** The pipeline: a board with a column per stage (drag a card to move it) or a filtered list. */
export function BidsPage() {
  const [view, setView] = useState<View>('board');
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<BidStage | 'all' | 'active'>('active');
  const [source, setSource] = useState<(typeof BID_SOURCES)[number] | 'all'>('all');
  const [attention, setAttention] = useState(false);
  const [mine, setMine] = useState(false);
  const me = useAuth().data?.member?.id;
  const query = useDebounced(q, 150);
  const bids = useApi('bids.list', { q: query, stage: view === 'board' ? 'board' : stage, source, attention, ...(mine && me ? { memberId: me } : {}) });
  const rows = bids.data ?? [];
  const { message, act } = useAction();

  return (
    <section className="page" aria-labelledby="bids-title">
      <header className="page-header">
        <div>
          <h1 id="bids-title">Joint bids</h1>
          <p className="subtitle">Contracts members win together: who brings what, who does what, who earns what.</p>
        </div>
        <div className="actions">
          <Link href="/bids/outcomes" className="button">
            Outcomes
          </Link>
          <Link href="/bids/new" className="button button-primary">
            New opportunity
          </Link>
        </div>
      </header>
      <div className="toolbar" role="search">
        <div className="filter">
          <label htmlFor="bid-search">Search</label>
          <input
            id="bid-search"
            className="search"
            type="search"
            placeholder="Title, client, skill or member"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {view === 'list' ? (
          <div className="filter">
            <label htmlFor="bid-stage">Stage</label>
            <select id="bid-stage" value={stage} onChange={(e) => setStage(e.target.value as typeof stage)}>
              <option value="active">Still going</option>
              <option value="all">All stages</option>
              {BID_STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filter">
          <label htmlFor="bid-source">Source</label>
          <select id="bid-source" value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
            <option value="all">Any source</option>
            {BID_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox-inline">
          <input type="checkbox" checked={attention} onChange={(e) => setAttention(e.target.checked)} /> Needs attention
        </label>
        {me ? (
          <label className="checkbox-inline">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Only mine
          </label>
        ) : null}
        <Segmented
          label="View"
          value={view}
          onChange={setView}
          options={[
            ['board', 'Board'],
            ['list', 'List'],
          ]}
        />
        <span className="count muted small">{rows.length === 1 ? '1 bid' : `${rows.length} bids`}</span>
      </div>
      <ActionNote message={message} />
      {bids.error ? <p className="form-error">{bids.error.message}</p> : null}
      {view === 'board' ? (
        <Board rows={rows} onMove={(bid, to) => act(() => call('bids.move', { id: bid.id, to }), `${bid.title} moved to ${STAGE_LABELS[to]}.`)} />
      ) : (
        <BidTable rows={rows} />
      )}
    </section>
  );
}

/** The stage a bid may move to next (+1) or back to (−1) along the pipeline, if any. */
function stepFrom(stage: BidStage, direction: 1 | -1 | 0): BidStage | null {
  if (direction === 0) return null;
  const at = BID_STAGES.indexOf(stage);
  const candidates = nextStages(stage).filter((s) => Math.sign(BID_STAGES.indexOf(s) - at) === direction);
  return candidates.sort((x, y) => direction * (BID_STAGES.indexOf(x) - BID_STAGES.indexOf(y)))[0] ?? null;
}

function Board({ rows, onMove }: { rows: BidSummary[]; onMove: (bid: BidSummary, to: BidStage) => Promise<void> }) {
  const [over, setOver] = useState<BidStage | null>(null);
  const [, navigate] = useLocation();
  // A card moved from the keyboard is drawn again in its new column: the focus follows it there.
  const follow = useRef<{ id: string; stage: BidStage } | null>(null);
  useEffect(() => {
    const moved = follow.current;
    if (!moved || rows.find((b) => b.id === moved.id)?.stage !== moved.stage) return;
    document.querySelector<HTMLElement>(`[data-bid-card="${moved.id}"] a`)?.focus();
    follow.current = null;
  }, [rows]);
  return (
    // Stages without bids take less room, so that the whole pipeline fits a desk's window.
    <div
      className="pipeline"
      aria-label="Pipeline board"
      style={{ gridTemplateColumns: BID_STAGES.map((stage) => (rows.some((b) => b.stage === stage) ? 'minmax(140px, 1fr)' : 'minmax(88px, 0.5fr)')).join(' ') }}
    >
      {BID_STAGES.map((stage) => {
        const cards = rows.filter((b) => b.stage === stage);
        return (
          <section
            key={stage}
            className={over === stage ? 'pipeline-column drop-target' : 'pipeline-column'}
            aria-label={STAGE_LABELS[stage]}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(stage);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              const bid = rows.find((b) => b.id === e.dataTransfer.getData('text/plain'));
              if (bid && bid.stage !== stage) void onMove(bid, stage);
            }}
          >
            <h2>
              {STAGE_LABELS[stage]} <span className="count-badge">{cards.length}</span>
            </h2>
            <ul>
              {cards.map((b) => (
                <li
                  key={b.id}
                  className={b.attention.length ? 'bid-card attention' : 'bid-card'}
                  data-bid-card={b.id}
                  draggable
                  onDragStart={(e) => e.dataTransfer.setData('text/plain', b.id)}
                  onDoubleClick={() => navigate(`/bids/${b.id}`)}
                >
                  <Link
                    href={`/bids/${b.id}`}
                    className="row-link"
                    aria-keyshortcuts="Alt+ArrowRight Alt+ArrowLeft"
                    title="Alt+→ / Alt+← moves it to the next or previous stage"
                    onKeyDown={(e) => {
                      const to = e.altKey ? stepFrom(b.stage, e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0) : null;
                      if (!to) return;
                      e.preventDefault();
                      follow.current = { id: b.id, stage: to };
                      void onMove(b, to);
                    }}
                  >
                    {b.title}
                  </Link>
                  <div className="muted small">{b.client || '—'}</div>
                  <div className="bid-card-foot">
                    <span>{valueOf(b)}</span>
                    {b.deadlineLocal ? <span className="muted small nowrap">due {formatDate(b.deadlineLocal)}</span> : null}
                  </div>
                  {b.team.length ? <div className="muted small">{b.team.join(', ')}</div> : null}
                  <AttentionBadges items={b.attention} />
                  {b.myPlace === 'invited' ? <span className="badge answer-invited">you are invited</span> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
