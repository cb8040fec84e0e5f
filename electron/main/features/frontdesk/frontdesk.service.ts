import Papa from 'papaparse';
import type { DayPass, PresenceEntry, Today, TodayBooking, Visitor } from '../../../../shared/contract/frontdesk.contract';
import { openingWindow } from '../../../../shared/domain/bookingRules';
import { newId } from '../../../../shared/domain/ids';
import { addDaysIso, weekdayOf, zonedInstant, zonedParts } from '../../../../shared/domain/zoned';
import type { Actor, Ctx } from '../../context';
import { defuseCell } from '../../csv';
import type { DB } from '../../db/schema';
import { immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { lockouts } from '../auth/auth.service';
import { currentMember } from '../members/members.service';
import * as bookablesRepo from '../bookables/bookables.repository';
import * as bookingsRepo from '../bookings/bookings.repository';
import { defaultSiteId, loadSite } from '../settings/settings.service';
import type { Kysely } from 'kysely';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const presenceQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('presence')
    .innerJoin('members', 'members.id', 'presence.member_id')
    .innerJoin('sites', 'sites.id', 'presence.site_id')
    .select(['presence.id', 'presence.member_id', 'members.name', 'members.number', 'presence.checked_in_at', 'presence.checked_out_at', 'sites.time_zone']);

type PresenceRow = Awaited<ReturnType<ReturnType<typeof presenceQuery>['execute']>>[number];
const toPresence = (r: PresenceRow): PresenceEntry => ({
  id: r.id,
  memberId: r.member_id,
  name: r.name,
  number: r.number,
  checkedInAt: new Date(r.checked_in_at).toISOString(),
  checkedOutAt: iso(r.checked_out_at),
  since: zonedParts(r.checked_in_at, r.time_zone).time,
});

/**
 * Opens a member's presence at the site (and checks in the booking they hold right now, if any).
 * A member is present once: the database refuses a second open presence.
 */
export async function checkIn(ctx: Ctx, actor: Actor, memberId: string): Promise<PresenceEntry> {
  requireSelf(actor, memberId, 'You can only check yourself in.');
  const entry = await immediate(ctx.db, async (trx) => {
    const member = await currentMember(trx, memberId);
    const open = await presenceQuery(trx).where('presence.member_id', '=', memberId).where('presence.checked_out_at', 'is', null).executeTakeFirst();
    if (open) throw new AppError('CONFLICT', `${member.name} is already checked in (since ${toPresence(open).since}).`, { memberId: 'Already checked in' });
    const now = ctx.now().getTime();
    const id = newId();
    await trx.insertInto('presence').values({ id, member_id: memberId, site_id: await defaultSiteId(trx), checked_in_at: now, checked_out_at: null }).execute();
    await checkInCurrentBookings(trx, memberId, now);
    return toPresence((await presenceQuery(trx).where('presence.id', '=', id).executeTakeFirstOrThrow()));
  });
  ctx.emit('frontdesk.changed');
  ctx.emit('bookings.changed');
  return entry;
}

/** Bookings of the member under way now (or starting within 15 minutes) count as checked in. */
export async function checkInCurrentBookings(db: Kysely<DB>, memberId: string, now: number): Promise<void> {
  await db
    .updateTable('bookings')
    .set({ checked_in_at: now, updated_at: now })
    .where('member_id', '=', memberId)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    .where('start_ms', '<=', now + 15 * 60_000)
    .where('end_ms', '>', now)
    .execute();
}

/** Opens a presence if the member is not yet here (checking in a booking means they arrived). */
export async function ensurePresent(db: Kysely<DB>, memberId: string, siteId: string, now: number): Promise<void> {
  const open = await db.selectFrom('presence').select('id').where('member_id', '=', memberId).where('checked_out_at', 'is', null).executeTakeFirst();
  if (!open) await db.insertInto('presence').values({ id: newId(), member_id: memberId, site_id: siteId, checked_in_at: now, checked_out_at: null }).execute();
}

export async function checkOut(ctx: Ctx, actor: Actor, memberId: string): Promise<PresenceEntry> {
  requireSelf(actor, memberId, 'You can only check yourself out.');
  const entry = await immediate(ctx.db, async (trx) => {
    const member = await currentMember(trx, memberId);
    const open = await presenceQuery(trx).where('presence.member_id', '=', memberId).where('presence.checked_out_at', 'is', null).executeTakeFirst();
    if (!open) throw new AppError('CONFLICT', `${member.name} is not checked in.`, { memberId: 'Not checked in' });
    await trx.updateTable('presence').set({ checked_out_at: ctx.now().getTime() }).where('id', '=', open.id).execute();
    return toPresence((await presenceQuery(trx).where('presence.id', '=', open.id).executeTakeFirstOrThrow()));
  });
  ctx.emit('frontdesk.changed');
  return entry;
}

export async function presence(ctx: Ctx, actor: Actor, memberId: string, limit: number): Promise<PresenceEntry[]> {
  requireSelf(actor, memberId, 'You can only see your own presence history.');
  if (!(await ctx.db.selectFrom('members').select('id').where('id', '=', memberId).executeTakeFirst())) throw notFound('The member');
  const rows = await presenceQuery(ctx.db).where('presence.member_id', '=', memberId).orderBy('presence.checked_in_at', 'desc').limit(limit).execute();
  return rows.map(toPresence);
}

const visitorQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('visitors')
    .innerJoin('members', 'members.id', 'visitors.host_member_id')
    .innerJoin('sites', 'sites.id', 'visitors.site_id')
    .select(['visitors.id', 'visitors.name', 'visitors.company', 'visitors.host_member_id', 'members.name as host_name', 'visitors.expected_at', 'visitors.arrived_at', 'visitors.left_at', 'sites.time_zone']);
type VisitorRow = Awaited<ReturnType<ReturnType<typeof visitorQuery>['execute']>>[number];
const toVisitor = (r: VisitorRow): Visitor => ({
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
  const visitor = await immediate(ctx.db, async (trx) => {
    const host = await currentMember(trx, input.hostMemberId, 'hostMemberId', 'Choose the member they are visiting.');
    const id = newId();
    await trx
      .insertInto('visitors')
      .values({ id, site_id: await defaultSiteId(trx), name: input.name, company: input.company, host_member_id: host.id, expected_at: Date.parse(input.expectedAt), arrived_at: null, left_at: null, created_at: ctx.now().getTime() })
      .execute();
    return toVisitor(await visitorQuery(trx).where('visitors.id', '=', id).executeTakeFirstOrThrow());
  });
  ctx.emit('frontdesk.changed');
  return visitor;
}

/** A visitor arrives: recorded, and their host is told (a desktop notification in the app). */
export async function visitorArrives(ctx: Ctx, id: string): Promise<Visitor> {
  const visitor = await immediate(ctx.db, async (trx) => {
    const row = await visitorQuery(trx).where('visitors.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The visitor');
    if (row.arrived_at !== null) throw new AppError('CONFLICT', `${row.name} has already arrived.`);
    await trx.updateTable('visitors').set({ arrived_at: ctx.now().getTime() }).where('id', '=', id).execute();
    return toVisitor(await visitorQuery(trx).where('visitors.id', '=', id).executeTakeFirstOrThrow());
  });
  ctx.desktop?.notify?.({ title: `${visitor.name} has arrived`, body: `Visiting ${visitor.hostName}${visitor.company ? ` (${visitor.company})` : ''}` });
  ctx.emit('frontdesk.changed');
  return visitor;
}

export async function visitorLeaves(ctx: Ctx, id: string): Promise<Visitor> {
  const visitor = await immediate(ctx.db, async (trx) => {
    const row = await visitorQuery(trx).where('visitors.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The visitor');
    if (row.arrived_at === null) throw new AppError('CONFLICT', `${row.name} has not arrived yet.`);
    if (row.left_at !== null) throw new AppError('CONFLICT', `${row.name} has already left.`);
    await trx.updateTable('visitors').set({ left_at: ctx.now().getTime() }).where('id', '=', id).execute();
    return toVisitor(await visitorQuery(trx).where('visitors.id', '=', id).executeTakeFirstOrThrow());
  });
  ctx.emit('frontdesk.changed');
  return visitor;
}

async function dayRange(db: Kysely<DB>, date: string) {
  const site = await loadSite(db, await defaultSiteId(db), date);
  return { site, from: zonedInstant(date, '00:00', site.timeZone), to: zonedInstant(addDaysIso(date, 1), '00:00', site.timeZone) };
}

async function visitorsBetween(db: Kysely<DB>, siteId: string, from: number, to: number): Promise<Visitor[]> {
  const rows = await visitorQuery(db).where('visitors.site_id', '=', siteId).where('visitors.expected_at', '>=', from).where('visitors.expected_at', '<', to).orderBy('visitors.expected_at').execute();
  return rows.map(toVisitor);
}

export async function visitorsOn(ctx: Ctx, date: string): Promise<Visitor[]> {
  const { site, from, to } = await dayRange(ctx.db, date);
  return visitorsBetween(ctx.db, site.id, from, to);
}

export async function exportVisitors(ctx: Ctx, date: string): Promise<{ filename: string; csv: string }> {
  const visitors = await visitorsOn(ctx, date);
  const { site } = await dayRange(ctx.db, date);
  const local = (at: string | null) => (at ? zonedParts(Date.parse(at), site.timeZone).time : '');
  const csv = Papa.unparse({
    fields: ['date', 'name', 'company', 'host', 'expected', 'arrived', 'left'],
    data: visitors.map((v) => [date, v.name, v.company, v.hostName, v.expectedLocal, local(v.arrivedAt), local(v.leftAt)].map(defuseCell)),
  });
  return { filename: `coopdesk-visitors-${date}.csv`, csv };
}

const toPass = (r: DB['day_passes']): DayPass => ({ id: r.id, date: r.date, name: r.name, memberId: r.member_id, price: r.price_minor, currency: r.currency, paid: r.paid === 1 });

export async function createDayPass(ctx: Ctx, input: { name: string; memberId: string | null; price: number; paid: boolean; date?: string }): Promise<DayPass> {
  const pass = await immediate(ctx.db, async (trx) => {
    if (input.memberId) await currentMember(trx, input.memberId);
    const siteId = await defaultSiteId(trx);
    const site = await loadSite(trx, siteId);
    const id = newId();
    const row = { id, site_id: siteId, date: input.date ?? zonedParts(ctx.now().getTime(), site.timeZone).date, name: input.name, member_id: input.memberId, price_minor: input.price, currency: site.currency, paid: input.paid ? 1 : 0, created_at: ctx.now().getTime() };
    await trx.insertInto('day_passes').values(row).execute();
    return toPass(row);
  });
  ctx.emit('frontdesk.changed');
  return pass;
}

export async function markPaid(ctx: Ctx, id: string): Promise<DayPass> {
  const pass = await immediate(ctx.db, async (trx) => {
    const row = await trx.selectFrom('day_passes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The day pass');
    if (row.paid === 1) throw new AppError('CONFLICT', `${row.name}’s day pass is already paid.`);
    await trx.updateTable('day_passes').set({ paid: 1 }).where('id', '=', id).execute();
    return toPass({ ...row, paid: 1 });
  });
  ctx.emit('frontdesk.changed');
  return pass;
}

async function passesAt(db: Kysely<DB>, siteId: string, date: string): Promise<DayPass[]> {
  const rows = await db.selectFrom('day_passes').selectAll().where('site_id', '=', siteId).where('date', '=', date).orderBy('created_at').execute();
  return rows.map(toPass);
}

export const passesOn = async (ctx: Ctx, date: string) => passesAt(ctx.db, await defaultSiteId(ctx.db), date);

/** Everything the front desk looks at all day, for today at the site. */
export async function today(ctx: Ctx, siteIdInput?: string): Promise<Today> {
  const db = ctx.db;
  const now = ctx.now().getTime();
  const siteId = siteIdInput ?? (await defaultSiteId(db));
  // Closures from yesterday on are plenty to cover "today" in any zone.
  const site = await loadSite(db, siteId, new Date(now - 86_400_000).toISOString().slice(0, 10));
  const date = zonedParts(now, site.timeZone).date;
  const from = zonedInstant(date, '00:00', site.timeZone);
  const to = zonedInstant(addDaysIso(date, 1), '00:00', site.timeZone);
  const window = openingWindow(date, site, weekdayOf(date));

  const [presentRows, bookings, bookables, visitors, dayPasses, locked] = await Promise.all([
    presenceQuery(db).where('presence.site_id', '=', siteId).where('presence.checked_out_at', 'is', null).orderBy('presence.checked_in_at').execute(),
    bookingsRepo.onBoard(db, siteId, from, to),
    bookablesRepo.onBoard(db, siteId),
    visitorsBetween(db, siteId, from, to),
    passesAt(db, siteId, date),
    lockouts(ctx),
  ]);
  const present = presentRows.map(toPresence);
  const here = new Set(present.map((p) => p.memberId));
  const kind = new Map(bookables.map(([id, k, name]) => [id, { kind: k, name }]));

  const toToday = ([bookingId, bookableId, memberName, guestName, title, , startMs, endMs, state, memberId]: (typeof bookings)[number]): TodayBooking => ({
    bookingId,
    bookableName: kind.get(bookableId)?.name ?? '',
    memberId,
    who: memberName ?? `${guestName} (guest)`,
    localStart: zonedParts(startMs, site.timeZone).time,
    localEnd: zonedParts(endMs, site.timeZone).time,
    title,
    checkedIn: state === 'in',
  });
  // Filter on the raw rows first: only what is shown gets formatted (hundreds of bookings a day).
  const waiting = bookings.filter((b) => b[9] !== null && !here.has(b[9]) && b[8] !== 'in');
  const late = waiting.filter((b) => b[6] <= now && b[7] > now).map(toToday);
  const arriving = waiting.filter((b) => b[6] > now && b[6] <= now + 3_600_000).map(toToday);

  const byRoom = new Map<string, TodayBooking[]>();
  for (const b of bookings) if (kind.get(b[1])?.kind === 'room') byRoom.set(b[1], [...(byRoom.get(b[1]) ?? []), toToday(b)]);
  const rooms = bookables.filter(([, k]) => k === 'room').map(([id, , name]) => ({ bookableId: id, name, bookings: byRoom.get(id) ?? [] }));

  const desks = bookables.filter(([, k]) => k === 'desk');
  const total = desks.reduce((n, [, , , capacity]) => n + capacity, 0);
  const closing = window ? window.end : to;
  let freeNow = 0;
  let freeRestOfDay = 0;
  const byDesk = new Map<string, typeof bookings>();
  for (const b of bookings) if (kind.get(b[1])?.kind === 'desk') byDesk.set(b[1], [...(byDesk.get(b[1]) ?? []), b]);
  for (const [id, , , capacity] of desks) {
    const mine = byDesk.get(id) ?? [];
    const heldNow = mine.filter((b) => b[6] <= now && b[7] > now).reduce((n, b) => n + b[5], 0);
    freeNow += Math.max(0, capacity - heldNow);
    const heldLater = mine.filter((b) => b[7] > now && b[6] < closing).reduce((n, b) => n + b[5], 0);
    freeRestOfDay += Math.max(0, capacity - heldLater);
  }

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
    desks: { total, freeNow, freeRestOfDay },
    visitors,
    dayPasses,
    lockouts: locked,
  };
}
