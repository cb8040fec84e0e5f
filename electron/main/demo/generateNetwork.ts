import type { Kysely } from 'kysely';
import { newId } from '@shared/domain/ids';
import type { ReferralStatus, Warmth } from '@shared/domain/network';
import { addDaysIso } from '@shared/domain/zoned';
import type { DB } from '../db/schema';
import type { ReferralMovesTable, ReferralsTable, TradesTable, ExchangesTable } from '../features/network/network.tables';
import { insertChunked, seededRandom } from './generate';

/**
 * The business network's history for the demo co-op and the benchmarks: referrals passed
 * between members that moved on (some won, with a value), purchases between members, hours
 * exchanged (most confirmed). Movements only: balances are always sums over them.
 */

const LEADS = [
  'Millbrook Bakery',
  'Dr Osei’s practice',
  'The Old Mill café',
  'Riverside Dental',
  'Northgate Housing Co-op',
  'Valley Arts Festival',
  'Hill & Sons Joinery',
  'Greenway Cycles',
];
const NEEDS = [
  'a new website',
  'their year-end accounts',
  'product photos',
  'a grant application',
  'a staff workshop',
  'a brand refresh',
  'translation of their menu',
  'an IT health check',
];
const HELP = [
  'Proof-read a tender',
  'Set up a mailbox',
  'Photographed a product',
  'Reviewed a contract',
  'Ran a test workshop',
  'Fixed a spreadsheet',
  'Translated a letter',
  'Coached a pitch',
];
const PATHS: ReferralStatus[][] = [
  ['passed'],
  ['passed', 'contacted'],
  ['passed', 'contacted', 'meeting'],
  ['passed', 'contacted', 'meeting', 'won'],
  ['passed', 'contacted', 'won'],
  ['passed', 'contacted', 'meeting', 'lost'],
  ['passed', 'no-answer'],
];

export interface NetworkOptions {
  /** Members who may take part, each with what they offer (the sector of a purchase from them). */
  members: readonly { id: string; offers: readonly string[] }[];
  today: string;
  now: number;
  seed: number;
  referrals: number;
  trades: number;
  exchanges: number;
  /** Spread over this many days back from today. */
  days: number;
}

/** Writes the movements; returns how many of each. Call inside a transaction for speed. */
export async function generateNetwork(db: Kysely<DB>, o: NetworkOptions): Promise<{ referralMoves: number; trades: number; exchanges: number }> {
  const random = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const pair = () => {
    const a = pick(o.members);
    let b = pick(o.members);
    while (b.id === a.id) b = pick(o.members);
    return [a, b] as const;
  };
  const dayAgo = () => Math.floor(random() * o.days);
  const at = (daysAgo: number) => o.now - daysAgo * 86_400_000;

  const referrals: ReferralsTable[] = [];
  const moves: ReferralMovesTable[] = [];
  for (let i = 0; i < o.referrals; i++) {
    const [giver, receiver] = pair();
    const ago = dayAgo();
    const r: ReferralsTable = {
      id: newId(),
      giver_id: giver.id,
      receiver_id: receiver.id,
      lead: pick(LEADS),
      need: pick(NEEDS),
      warmth: pick<Warmth>(['cold', 'warm', 'hot']),
      contact_given: random() < 0.6 ? 1 : 0,
      created_at: at(ago),
    };
    referrals.push(r);
    // recent ones have not got far yet
    const path = ago < 7 ? PATHS[Math.floor(random() * 3)]! : pick(PATHS);
    path.forEach((status, seq) => {
      const daysAgo = Math.max(0, ago - seq * 4);
      moves.push({
        referral_id: r.id,
        seq: seq + 1,
        giver_id: r.giver_id,
        receiver_id: r.receiver_id,
        status,
        on_date: addDaysIso(o.today, -daysAgo),
        value_minor: status === 'won' ? (2 + Math.floor(random() * 60)) * 10_000 : null,
        by_member_id: seq === 0 ? r.giver_id : r.receiver_id,
        at: at(daysAgo),
      });
    });
  }
  const trades: TradesTable[] = [];
  for (let i = 0; i < o.trades; i++) {
    const [buyer, seller] = pair();
    const ago = dayAgo();
    trades.push({
      id: newId(),
      buyer_id: buyer.id,
      seller_id: seller.id,
      what: `${seller.offers[0] ?? 'services'} for ${pick(NEEDS)}`,
      sector: seller.offers[0] ?? 'services',
      value_minor: (1 + Math.floor(random() * 80)) * 2_500,
      on_date: addDaysIso(o.today, -ago),
      at: at(ago),
    });
  }
  const exchanges: ExchangesTable[] = [];
  for (let i = 0; i < o.exchanges; i++) {
    const [giver, receiver] = pair();
    const ago = dayAgo();
    const state = ago < 5 && random() < 0.5 ? 'pending' : random() < 0.04 ? 'declined' : 'confirmed';
    exchanges.push({
      id: newId(),
      giver_id: giver.id,
      receiver_id: receiver.id,
      minutes: (1 + Math.floor(random() * 12)) * 15,
      what: pick(HELP),
      on_date: addDaysIso(o.today, -ago),
      state,
      recorded_by: giver.id,
      at: at(ago),
      answered_at: state === 'pending' ? null : at(ago),
    });
  }
  await insertChunked(db, 'referrals', referrals);
  await insertChunked(db, 'referral_moves', moves);
  await insertChunked(db, 'trades', trades);
  await insertChunked(db, 'exchanges', exchanges);
  return { referralMoves: moves.length, trades: trades.length, exchanges: exchanges.length };
}
