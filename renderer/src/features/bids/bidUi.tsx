import type { Bid, BidSummary, BidTeamMember } from '@shared/contract/bids.contract';
import { formatMoney } from '@shared/domain/money';
import { type BidStage, STAGE_LABELS, type TeamState } from '@shared/domain/bids';

/** "12,000.50" typed in major units -> minor units; NaN when it is not a number. */

export function StageBadge({ stage }: { stage: BidStage }) {
  return <span className={`badge stage-${stage}`}>{STAGE_LABELS[stage]}</span>;
}

/** The bid's value as people read it: the final value once won, else the estimate. */
export const valueOf = (b: Pick<BidSummary, 'estimatedValue' | 'finalValue' | 'currency'>) => formatMoney(b.finalValue ?? b.estimatedValue, b.currency);

export function AttentionBadges({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <span className="tag-line">
      {items.map((text) => (
        <span key={text} className="badge badge-attention">
          {text}
        </span>
      ))}
    </span>
  );
}

/**
 * A bid's team as the shared rules read it (shares in basis points), for instant feedback: the
 * shares as saved, or as being typed; the server checks again.
 */
export function teamStateOf(bid: Bid, leadId = bid.leadMemberId, percents = (m: BidTeamMember) => [m.workShare, m.revenueShare]): TeamState {
  return {
    leadName: bid.members.find((m) => m.memberId === leadId && m.status === 'accepted')?.name ?? null,
    goDecided: bid.goDecided,
    members: bid.members.map((m) => {
      const [work, revenue] = percents(m);
      return { name: m.name, status: m.status, workShare: Math.round(work * 100), revenueShare: Math.round(revenue * 100) };
    }),
  };
}

export const percentText = (share: number) => `${share.toLocaleString(undefined, { maximumFractionDigits: 2 })} %`;
