import type { Kysely } from 'kysely';
import type { Exchange, Trade, TradeReport } from '@shared/contract/network.contract';
import { todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import { formatMinutes } from '@shared/domain/network';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { currentMember, memberRefs } from '../members';
import { notify } from '../notifications';
import { readCoop } from '../settings';
import type { ExchangesTable, TradesTable } from './network.tables';
import { actingMember } from '../../permissions';
import { seesAmounts, whoseRecords } from './network.policy';
import * as ledger from './ledger.repository';

async function notInFuture(db: Kysely<DB>, ctx: Ctx, onDate: string) {
  const coop = await readCoop(db);
  if (onDate > todayIn(coop.timeZone, ctx.now())) throw new AppError('RULE', 'That date has not come yet.', { onDate: 'Not in the future' }, 'ledger-date');
}

// --- Trade between members -------------------------------------------------------------------

async function toTrades(db: Kysely<DB>, actor: Actor, rows: TradesTable[]): Promise<Trade[]> {
  const names = await memberRefs(
    db,
    rows.flatMap((r) => [r.buyer_id, r.seller_id]),
  );
  return rows.map((r) => ({
    id: r.id,
    buyer: names.get(r.buyer_id)!,
    seller: names.get(r.seller_id)!,
    what: r.what,
    sector: r.sector,
    value: seesAmounts(actor, r.buyer_id, r.seller_id) ? r.value_minor : null,
    onDate: r.on_date,
  }));
}

export async function trades(ctx: Ctx, actor: Actor, memberId: string | null): Promise<Trade[]> {
  const whose = whoseRecords(actor, memberId);
  return toTrades(ctx.db, actor, await ledger.recentTrades(ctx.db, { whose, limit: 200 }));
}

/** A member records buying from another member (the desk records it for a member). */
export async function recordTrade(
  ctx: Ctx,
  actor: Actor,
  input: { buyerId: string | null; sellerId: string; what: string; sector: string; value: number; onDate: string },
): Promise<Trade> {
  return commit(ctx, 'network.changed', async (trx) => {
    const buyerId = actingMember(actor, input.buyerId, 'buyerId');
    await currentMember(trx, buyerId, 'buyerId');
    if (input.sellerId === buyerId)
      throw new AppError('RULE', 'A purchase is from another member.', { sellerId: 'Choose someone other than the buyer' }, 'trade-self');
    await currentMember(trx, input.sellerId, 'sellerId');
    await notInFuture(trx, ctx, input.onDate);
    const row: TradesTable = {
      id: newId(),
      buyer_id: buyerId,
      seller_id: input.sellerId,
      what: input.what,
      sector: input.sector,
      value_minor: input.value,
      on_date: input.onDate,
      at: ctx.now().getTime(),
    };
    await ledger.insertTrade(trx, row);
    return (await toTrades(trx, actor, [row]))[0]!;
  });
}

/** How much business stays inside the co-op: totals by month and by sector over the last `months` (no names, no single purchase). */
export async function tradeReport(ctx: Ctx, months: number): Promise<TradeReport> {
  const coop = await readCoop(ctx.db);
  const today = todayIn(coop.timeZone, ctx.now());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
  const { byMonth, bySector } = await ledger.tradeTotals(ctx.db, start);
  const num = <T extends { value: number; count: number }>(r: T) => ({ ...r, value: Number(r.value), count: Number(r.count) });
  const monthRows = byMonth.map(num);
  return {
    currency: coop.currency,
    total: monthRows.reduce((s, r) => s + r.value, 0),
    count: monthRows.reduce((s, r) => s + r.count, 0),
    byMonth: monthRows,
    bySector: bySector.map(num),
  };
}

// --- Hours exchanged ---------------------------------------------------------------------------

async function toExchanges(db: Kysely<DB>, actor: Actor, rows: ExchangesTable[]): Promise<Exchange[]> {
  const names = await memberRefs(
    db,
    rows.flatMap((r) => [r.giver_id, r.receiver_id]),
  );
  return rows.map((r) => ({
    id: r.id,
    giver: names.get(r.giver_id)!,
    receiver: names.get(r.receiver_id)!,
    minutes: r.minutes,
    what: r.what,
    onDate: r.on_date,
    state: r.state,
    mayAnswer: r.state === 'pending' && (isStaff(actor) || actor.memberId === r.receiver_id),
  }));
}

export async function exchanges(ctx: Ctx, actor: Actor, memberId: string | null): Promise<Exchange[]> {
  const whose = whoseRecords(actor, memberId);
  return toExchanges(ctx.db, actor, await ledger.recentExchanges(ctx.db, { whose, limit: 200 }));
}

/**
 * Records hours one member gave another. It counts once the receiver confirms; written by the
 * receiver, or by the desk for a member not using the portal, it counts at once.
 */
export async function recordExchange(
  ctx: Ctx,
  actor: Actor,
  input: { giverId: string; receiverId: string; hours: number; what: string; onDate: string },
): Promise<Exchange> {
  return commit(ctx, 'network.changed', async (trx) => {
    if (!isStaff(actor) && actor.memberId !== input.giverId && actor.memberId !== input.receiverId) {
      throw new AppError('FORBIDDEN', 'You record exchanges you took part in.', { giverId: 'You gave or received the hours' });
    }
    const giver = await currentMember(trx, input.giverId, 'giverId');
    const receiver = await currentMember(trx, input.receiverId, 'receiverId');
    await notInFuture(trx, ctx, input.onDate);
    const now = ctx.now().getTime();
    const confirmed = isStaff(actor) || actor.memberId === receiver.id;
    const row: ExchangesTable = {
      id: newId(),
      giver_id: giver.id,
      receiver_id: receiver.id,
      minutes: input.hours,
      what: input.what,
      on_date: input.onDate,
      state: confirmed ? 'confirmed' : 'pending',
      recorded_by: actor.memberId,
      at: now,
      answered_at: confirmed ? now : null,
    };
    await ledger.insertExchange(trx, row);
    if (!confirmed) {
      await notify(withDb(ctx, trx), [receiver.id], {
        kind: 'hours',
        title: `${giver.name} recorded ${formatMinutes(row.minutes)} given to you`,
        body: `${input.what} on ${input.onDate}: confirm it if you received it.`,
        href: '/network/hours',
      });
    }
    return (await toExchanges(trx, actor, [row]))[0]!;
  });
}

/** The receiver confirms (or declines) hours recorded as given to them; only they, or the desk. */
export async function answerExchange(ctx: Ctx, actor: Actor, input: { id: string; answer: 'confirm' | 'decline' }): Promise<Exchange> {
  return commit(ctx, 'network.changed', async (trx) => {
    const row = await ledger.findExchange(trx, input.id);
    if (!row || (!isStaff(actor) && actor.memberId !== row.giver_id && actor.memberId !== row.receiver_id)) throw notFound('The exchange');
    if (!isStaff(actor) && actor.memberId !== row.receiver_id) {
      throw new AppError('FORBIDDEN', 'Only the member who received the hours confirms them.', { answer: 'You did not receive these hours' });
    }
    if (row.state !== 'pending') throw new AppError('RULE', `This exchange is already ${row.state}.`, { answer: `Already ${row.state}` }, 'exchange-answered');
    const changed: ExchangesTable = { ...row, state: input.answer === 'confirm' ? 'confirmed' : 'declined', answered_at: ctx.now().getTime() };
    await ledger.answerExchange(trx, row.id, changed.state, changed.answered_at!);
    const receiver = (await memberRefs(trx, [row.receiver_id])).get(row.receiver_id)!;
    await notify(withDb(ctx, trx), [row.giver_id], {
      kind: 'hours',
      title: `${receiver.name} ${changed.state} ${formatMinutes(row.minutes)} you gave`,
      body: `${row.what} on ${row.on_date}`,
      href: '/network/hours',
    });
    return (await toExchanges(trx, actor, [changed]))[0]!;
  });
}
