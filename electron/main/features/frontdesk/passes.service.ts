import type { Kysely } from 'kysely';
import type { DayPass, DayPassPrice } from '@shared/contract/frontdesk.contract';
import { newId } from '@shared/domain/ids';
import { zonedParts } from '@shared/domain/zoned';
import { type Ctx, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import * as bookables from '../bookables';
import { bookWithin } from '../bookings';
import { currentMember } from '../members';
import { ensurePresent } from '../presence';
import { loadSite } from '../sites';
import * as repo from './frontdesk.repository';

/**
 * Day passes from the co-op's price list. A pass holds a desk seat for its day through the
 * booking engine — so it counts in the free desks and nobody else can take that seat — and a
 * member's pass goes on their monthly statement, a guest's is paid at the desk.
 */

type PassRow = Awaited<ReturnType<typeof repo.passesAt>>[number];

const toPass = (r: PassRow): DayPass => ({
  id: r.id,
  date: r.date,
  name: r.name,
  memberId: r.member_id,
  priceName: r.price_name,
  price: r.price_minor,
  currency: r.currency,
  paid: r.paid === 1,
  deskName: r.desk_name,
});

export const passesAt = async (db: Kysely<DB>, siteId: string, date: string): Promise<DayPass[]> => (await repo.passesAt(db, siteId, date)).map(toPass);
export const passesOn = (ctx: Ctx, date: string) => passesAt(ctx.db, ctx.siteId, date);

export async function prices(db: Kysely<DB>): Promise<DayPassPrice[]> {
  return (await repo.passPrices(db)).map((r) => ({ id: r.id, name: r.name, priceMinor: r.price_minor, archived: r.archived_at !== null }));
}

export async function savePrice(ctx: Ctx, input: { id: string | null; name: string; priceMinor: number; archived: boolean }): Promise<DayPassPrice[]> {
  await commit(ctx, 'frontdesk.changed', async (trx) => {
    const now = ctx.now().getTime();
    const same = await repo.passPriceByName(trx, input.name);
    if (same && same.id !== input.id) throw new AppError('CONFLICT', `There is a pass called ${same.name} already.`, { name: 'Name taken' });
    if (input.id === null) {
      await repo.insertPassPrice(trx, {
        id: newId(),
        name: input.name,
        price_minor: input.priceMinor,
        archived_at: input.archived ? now : null,
        created_at: now,
      });
      return;
    }
    const row = await repo.passPrice(trx, input.id);
    if (!row) throw notFound('The day pass');
    await repo.updatePassPrice(trx, input.id, {
      name: input.name,
      price_minor: input.priceMinor,
      archived_at: input.archived ? (row.archived_at ?? now) : null,
    });
  });
  return prices(ctx.db);
}

/** Sells a pass: the first desk at the site with a seat free all day holds it; refused when none has. */
export async function createDayPass(
  ctx: Ctx,
  input: { name: string; memberId: string | null; priceId: string; paid: boolean; date?: string },
): Promise<DayPass> {
  return commit(ctx, ['frontdesk.changed', 'bookings.changed'], async (trx) => {
    const member = input.memberId ? await currentMember(trx, input.memberId) : null;
    const price = await repo.passPrice(trx, input.priceId);
    if (!price || price.archived_at !== null) throw new AppError('VALIDATION', 'Choose a pass on the price list.', { priceId: 'Not on the list' });
    const site = await loadSite(trx, ctx.siteId);
    const now = ctx.now().getTime();
    const today = zonedParts(now, site.timeZone).date;
    const date = input.date ?? today;
    const name = member?.name ?? input.name;
    const seat = await holdSeat(ctx, trx, { date, memberId: member?.id ?? null, name });
    const id = newId();
    await repo.insertPass(trx, {
      id,
      site_id: site.id,
      date,
      name,
      member_id: member?.id ?? null,
      price_minor: price.price_minor,
      currency: site.currency,
      // a member's pass is paid with their statement
      paid: member ? 0 : input.paid ? 1 : 0,
      created_at: now,
      price_id: price.id,
      booking_id: seat,
    });
    if (member && date === today) await ensurePresent(trx, member.id, site.id, now);
    return toPass((await repo.passesAt(trx, site.id, date)).find((p) => p.id === id)!);
  });
}

async function holdSeat(ctx: Ctx, trx: Kysely<DB>, who: { date: string; memberId: string | null; name: string }): Promise<string> {
  const desks = (await bookables.bookablesAt(trx, ctx.siteId)).filter((b) => b.kind === 'desk');
  if (desks.length === 0) throw new AppError('RULE', 'There are no desks to hold a day pass: add a desk first.', undefined, 'capacity');
  let refusal: AppError | null = null;
  for (const desk of desks) {
    try {
      const booking = await bookWithin(
        withDb(ctx, trx),
        trx,
        { bookableId: desk.id, memberId: who.memberId, guestName: who.memberId ? '' : who.name, quantity: 1, title: 'Day pass', date: who.date },
        { dayPass: true },
      );
      return booking.id;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'RULE') throw error;
      refusal = error;
    }
  }
  throw new AppError('RULE', `No desk has a seat free all day on that day: ${refusal?.message ?? ''}`.trim(), { priceId: 'No desk free' }, 'capacity');
}

export async function markPaid(ctx: Ctx, id: string): Promise<DayPass> {
  return commit(ctx, 'frontdesk.changed', async (trx) => {
    const row = await repo.findPass(trx, id);
    if (!row) throw notFound('The day pass');
    if (row.member_id) throw new AppError('RULE', `${row.name}’s day pass goes on their monthly statement: record a payment there.`);
    if (row.paid === 1) throw new AppError('CONFLICT', `${row.name}’s day pass is already paid.`);
    await repo.markPaid(trx, id);
    return toPass((await repo.passesAt(trx, row.site_id, row.date)).find((p) => p.id === id)!);
  });
}

/** Members' day passes dated `from`..`to` (all members, or one): what statements charge. */
export async function memberPassesBetween(db: Kysely<DB>, from: string, to: string, memberId?: string) {
  return (await repo.memberPassesBetween(db, from, to, memberId)).map((r) => ({
    memberId: r.member_id!,
    date: r.date,
    name: r.price_name ?? 'Day pass',
    priceMinor: r.price_minor,
  }));
}
