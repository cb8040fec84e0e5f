import type { Kysely } from 'kysely';
import type { PresenceEntry, Today, TodayBooking, Visitor } from '@shared/contract/frontdesk.contract';
import { openingWindow } from '@shared/domain/bookingRules';
import { newId } from '@shared/domain/ids';
import { addDaysIso, weekdayOf, zonedInstant, zonedParts } from '@shared/domain/zoned';
import type { Actor, Ctx } from '../../context';
import { toCsv } from '../../csv';
import type { DB } from '../../db/schema';
import { commit, immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { lockouts } from '../auth';
import { notifyNow } from '../notifications';
import * as bookables from '../bookables';
import * as bookings from '../bookings';
import { currentMember, memberById } from '../members';
import * as presenceKernel from '../presence';
import { loadSite } from '../sites';
import * as repo from './frontdesk.repository';
import { passesAt } from './passes.service';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Opens a member's presence at the site (and checks in the booking they hold right now, if any).
 * A member is present once: the database refuses a second open presence.
 */
export async function checkIn(ctx: Ctx, actor: Actor, memberId: string): Promise<PresenceEntry> {
  requireSelf(actor, memberId, 'You can only check yourself in.');
  return commit(ctx, ['frontdesk.changed', 'bookings.changed'], async (trx) => {
    const member = await currentMember(trx, memberId);
    const open = await presenceKernel.openPresence(trx, memberId);
    if (open) throw new AppError('CONFLICT', `${member.name} is already checked in (since ${open.since}).`, { memberId: 'Already checked in' });
    const now = ctx.now().getTime();
    const entry = await presenceKernel.open(trx, memberId, ctx.siteId, now);
    await bookings.checkInOnArrival(trx, memberId, now);
    return entry;
  });
}

export async function checkOut(ctx: Ctx, actor: Actor, memberId: string): Promise<PresenceEntry> {
  requireSelf(actor, memberId, 'You can only check yourself out.');
  return commit(ctx, 'frontdesk.changed', async (trx) => {
    const member = await currentMember(trx, memberId);
    const open = await presenceKernel.openPresence(trx, memberId);
    if (!open) throw new AppError('CONFLICT', `${member.name} is not checked in.`, { memberId: 'Not checked in' });
    return presenceKernel.close(trx, open.id, ctx.now().getTime());
  });
}

export async function presence(ctx: Ctx, actor: Actor, memberId: string, limit: number): Promise<PresenceEntry[]> {
  requireSelf(actor, memberId, 'You can only see your own presence history.');
  if (!(await memberById(ctx.db, memberId))) throw notFound('The member');
  return presenceKernel.history(ctx.db, memberId, limit);
}

const toVisitor = (r: repo.VisitorRow): Visitor => ({
  id: r.id,
  name: r.name,
  company: r.company,
  hostMemberId: r.host_member_id,
  hostName: r.host_name,
  expectedAt: new Date(r.expected_at).toISOString(),
  expectedLocal: zonedParts(r.expected_at, r.time_zone).time,
  arrivedAt: iso(r.arrived_at),
  leftAt: iso(r.left_at),
});

export async function createVisitor(ctx: Ctx, input: { name: string; company: string; hostMemberId: string; expectedAt: string }): Promise<Visitor> {
  return commit(ctx, 'frontdesk.changed', async (trx) => {
    const host = await currentMember(trx, input.hostMemberId, 'hostMemberId', 'Choose the member they are visiting.');
    const id = newId();
    await repo.insertVisitor(trx, {
      id,
      site_id: ctx.siteId,
      name: input.name,
      company: input.company,
      host_member_id: host.id,
      expected_at: Date.parse(input.expectedAt),
      arrived_at: null,
      left_at: null,
      created_at: ctx.now().getTime(),
    });
    return toVisitor((await repo.findVisitor(trx, id))!);
  });
}

/** Records the visitor's arrival or departure, refusing one out of order. */
async function visitorMoment(ctx: Ctx, id: string, moment: 'arrived_at' | 'left_at'): Promise<Visitor> {
  return immediate(ctx.db, async (trx) => {
    const row = await repo.findVisitor(trx, id);
    if (!row) throw notFound('The visitor');
    if (moment === 'arrived_at' && row.arrived_at !== null) throw new AppError('CONFLICT', `${row.name} has already arrived.`);
    if (moment === 'left_at' && row.arrived_at === null) throw new AppError('CONFLICT', `${row.name} has not arrived yet.`);
    if (moment === 'left_at' && row.left_at !== null) throw new AppError('CONFLICT', `${row.name} has already left.`);
    await repo.setVisitorTime(trx, id, moment, ctx.now().getTime());
    return toVisitor((await repo.findVisitor(trx, id))!);
  });
}

/** A visitor arrives: recorded, and their host is told (in their inbox, by e-mail if they chose, and on the desk's screen). */
export async function visitorArrives(ctx: Ctx, id: string): Promise<Visitor> {
  const visitor = await visitorMoment(ctx, id, 'arrived_at');
  const news = {
    title: `${visitor.name} has arrived`,
    body: `${visitor.name}${visitor.company ? ` (${visitor.company})` : ''} is at the front desk to see you.`,
  };
  ctx.desktop?.notify?.({ title: news.title, body: `Visiting ${visitor.hostName}${visitor.company ? ` (${visitor.company})` : ''}` });
  await notifyNow(ctx, [visitor.hostMemberId], { kind: 'visitor-arrived', ...news, href: '/' });
  ctx.emit('frontdesk.changed');
  return visitor;
}

export async function visitorLeaves(ctx: Ctx, id: string): Promise<Visitor> {
  const visitor = await visitorMoment(ctx, id, 'left_at');
  ctx.emit('frontdesk.changed');
  return visitor;
}

async function dayRange(db: Kysely<DB>, siteId: string, date: string) {
  const site = await loadSite(db, siteId, date);
  return { site, from: zonedInstant(date, '00:00', site.timeZone), to: zonedInstant(addDaysIso(date, 1), '00:00', site.timeZone) };
}

const visitorsBetween = async (db: Kysely<DB>, siteId: string, from: number, to: number): Promise<Visitor[]> =>
  (await repo.visitorsBetween(db, siteId, from, to)).map(toVisitor);

export async function visitorsOn(ctx: Ctx, date: string): Promise<Visitor[]> {
  const { site, from, to } = await dayRange(ctx.db, ctx.siteId, date);
  return visitorsBetween(ctx.db, site.id, from, to);
}

export async function exportVisitors(ctx: Ctx, date: string): Promise<{ filename: string; csv: string }> {
  const visitors = await visitorsOn(ctx, date);
  const { site } = await dayRange(ctx.db, ctx.siteId, date);
  const local = (at: string | null) => (at ? zonedParts(Date.parse(at), site.timeZone).time : '');
  const csv = toCsv(
    ['date', 'name', 'company', 'host', 'expected', 'arrived', 'left'],
    visitors.map((v) => [date, v.name, v.company, v.hostName, v.expectedLocal, local(v.arrivedAt), local(v.leftAt)]),
  );
  return { filename: `coopdesk-visitors-${date}.csv`, csv };
}

/** Everything the front desk looks at all day, for today at the site. */
export async function today(ctx: Ctx, siteIdInput?: string): Promise<Today> {
  const db = ctx.db;
  const now = ctx.now().getTime();
  const siteId = siteIdInput ?? ctx.siteId;
  // Closures from yesterday on are plenty to cover "today" in any zone.
  const site = await loadSite(db, siteId, new Date(now - 86_400_000).toISOString().slice(0, 10));
  const date = zonedParts(now, site.timeZone).date;
  const from = zonedInstant(date, '00:00', site.timeZone);
  const to = zonedInstant(addDaysIso(date, 1), '00:00', site.timeZone);
  const window = openingWindow(date, site, weekdayOf(date));

  const closing = window ? window.end : to;
  const [present, booked, shown, desks, visitors, dayPasses, locked] = await Promise.all([
    presenceKernel.presentAt(db, siteId),
    bookings.occupancy(db, siteId, from, to),
    bookables.bookablesAt(db, siteId),
    bookings.deskSeats(db, siteId, now, closing),
    visitorsBetween(db, siteId, from, to),
    passesAt(db, siteId, date),
    lockouts(ctx),
  ]);
  const here = new Set(present.map((p) => p.memberId));
  const kind = new Map(shown.map((b) => [b.id, b]));

  const toToday = (b: bookings.Occupied): TodayBooking => ({
    bookingId: b.id,
    bookableName: kind.get(b.bookableId)?.name ?? '',
    memberId: b.memberId,
    who: b.who,
    localStart: zonedParts(b.startMs, site.timeZone).time,
    localEnd: zonedParts(b.endMs, site.timeZone).time,
    title: b.title,
    checkedIn: b.checkedIn,
  });
  // Filter first: only what is shown gets formatted (hundreds of bookings a day).
  const waiting = booked.filter((b) => b.memberId !== null && !here.has(b.memberId) && !b.checkedIn);
  const late = waiting.filter((b) => b.startMs <= now && b.endMs > now).map(toToday);
  const arriving = waiting.filter((b) => b.startMs > now && b.startMs <= now + 3_600_000).map(toToday);

  const byRoom = new Map<string, TodayBooking[]>();
  for (const b of booked) if (kind.get(b.bookableId)?.kind === 'room') byRoom.set(b.bookableId, [...(byRoom.get(b.bookableId) ?? []), toToday(b)]);
  const rooms = shown.filter((b) => b.kind === 'room').map((b) => ({ bookableId: b.id, name: b.name, bookings: byRoom.get(b.id) ?? [] }));

  return {
    date,
    now: new Date(now).toISOString(),
    siteName: site.name,
    timeZone: site.timeZone,
    opens: window?.opens ?? null,
    closes: window?.closes ?? null,
    present,
    late,
    arriving,
    rooms,
    desks,
    visitors,
    dayPasses,
    lockouts: locked,
  };
}
