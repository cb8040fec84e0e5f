import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Bookable, BookableKind, bookableFields } from '@shared/contract/bookables.contract';
import { type BookingRules, overloaded } from '@shared/domain/bookingRules';
import { zonedParts } from '@shared/domain/zoned';
import { newId } from '@shared/domain/ids';
import type { Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { memberById } from '../members';
import { type LoadedSite, loadSite } from '../sites';
import * as repo from './bookables.repository';

type Fields = z.output<typeof bookableFields>;

/** The rules that apply to a bookable: the site's defaults, then its own overrides. */
export function effectiveRules(site: LoadedSite, row: repo.BookableRow): BookingRules {
  return { ...site.rules, ...(JSON.parse(row.rule_overrides) as Partial<BookingRules>) };
}

export function toBookable(row: repo.BookableRow, site: LoadedSite): Bookable {
  return {
    id: row.id,
    siteId: row.site_id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    features: JSON.parse(row.features) as string[],
    hourlyRate: row.hourly_rate_minor,
    currency: site.currency,
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at).toISOString(),
    overrides: JSON.parse(row.rule_overrides) as Partial<BookingRules>,
    rules: effectiveRules(site, row),
  };
}

export async function list(ctx: Ctx, f: { siteId?: string; kind?: Bookable['kind']; includeRetired: boolean }): Promise<Bookable[]> {
  const siteId = f.siteId ?? ctx.siteId;
  const site = await loadSite(ctx.db, siteId);
  const rows = await repo.list(ctx.db, { ...f, siteId });
  return rows.map((r) => toBookable(r, site));
}

async function load(db: Kysely<DB>, id: string): Promise<Bookable> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('The bookable');
  return toBookable(row, await loadSite(db, row.site_id));
}

export const get = (ctx: Ctx, id: string) => load(ctx.db, id);

async function checkReferences(db: Kysely<DB>, fields: Fields): Promise<void> {
  await loadSite(db, fields.siteId);
  if (fields.ownerMemberId && !(await memberById(db, fields.ownerMemberId))) {
    throw new AppError('VALIDATION', 'The owner is not a member of the co-op.', { ownerMemberId: 'Unknown member' });
  }
}

function columns(fields: Fields) {
  return {
    site_id: fields.siteId,
    kind: fields.kind,
    name: fields.name,
    description: fields.description,
    capacity: fields.capacity,
    features: JSON.stringify(fields.features),
    hourly_rate_minor: fields.hourlyRate,
    owner_member_id: fields.ownerMemberId,
    rule_overrides: JSON.stringify(fields.rules),
  };
}

export async function create(ctx: Ctx, fields: Fields): Promise<Bookable> {
  return commit(ctx, 'bookables.changed', async (trx) => {
    await checkReferences(trx, fields);
    const now = ctx.now().getTime();
    const id = newId();
    await repo.insert(trx, { id, ...columns(fields), retired_at: null, created_at: now, updated_at: now });
    return load(trx, id);
  });
}

/**
 * Edits a bookable. Existing bookings keep their times and frozen prices; lowering the capacity
 * below what is already booked is refused by the database guard on the next booking, not here.
 */
export async function update(ctx: Ctx, id: string, fields: Fields): Promise<Bookable> {
  return commit(ctx, 'bookables.changed', async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw notFound('The bookable');
    if (row.site_id !== fields.siteId) {
      throw new AppError('VALIDATION', 'A bookable cannot move to another site; retire it and create a new one.', { siteId: 'Cannot change' });
    }
    await checkReferences(trx, fields);
    if (fields.capacity < row.capacity || fields.kind !== row.kind) await refuseIfBookingsWouldNotFit(trx, row, fields, ctx.now().getTime());
    await repo.update(trx, id, { ...columns(fields), updated_at: ctx.now().getTime() });
    return load(trx, id);
  });
}

/** A smaller capacity, or another kind (a room is booked whole), must still hold every booking still to come. */
async function refuseIfBookingsWouldNotFit(trx: Kysely<DB>, row: repo.BookableRow, fields: Fields, now: number): Promise<void> {
  const site = await loadSite(trx, row.site_id);
  const ahead = await repo.futureBookings(trx, row.id, now);
  const held = ahead.map((b) => ({ ...b, occStart: b.occ_start_ms, occEnd: b.occ_end_ms, quantity: fields.kind === 'room' ? 1 : b.quantity }));
  const misfits = overloaded(held, fields.kind === 'room' ? 1 : fields.capacity);
  if (misfits.length === 0) return;
  const listed = misfits.slice(0, 5).map((b) => {
    const at = zonedParts(b.start_ms, site.timeZone);
    return `${at.date} ${at.time} ${b.who}`;
  });
  const more = misfits.length > 5 ? ` and ${misfits.length - 5} more` : '';
  const message = `${misfits.length} booking${misfits.length === 1 ? '' : 's'} still to come would no longer fit: ${listed.join(', ')}${more}. Move or cancel them first.`;
  throw new AppError('RULE', message, { [fields.kind !== row.kind ? 'kind' : 'capacity']: message }, 'capacity');
}

/** Retired bookables take no new bookings and leave the board; their history stays. */
export async function setRetired(ctx: Ctx, id: string, retired: boolean): Promise<Bookable> {
  return commit(ctx, 'bookables.changed', async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw notFound('The bookable');
    const now = ctx.now().getTime();
    if ((row.retired_at !== null) !== retired) await repo.update(trx, id, { retired_at: retired ? now : null, updated_at: now });
    return load(trx, id);
  });
}

/** The bookables in use at a site, rooms first then desks and equipment, by name: what boards and Today list. */
export async function bookablesAt(
  db: Kysely<DB>,
  siteId: string,
): Promise<{ id: string; kind: BookableKind; name: string; capacity: number; features: string[] }[]> {
  return (await repo.onBoard(db, siteId)).map(([id, kind, name, capacity, features]) => ({
    id,
    kind,
    name,
    capacity,
    features: JSON.parse(features) as string[],
  }));
}

/** A bookable's record as the booking engine reads it: its kind, capacity, site and rule overrides. */
export type BookableRecord = repo.BookableRow;

/** A bookable's record as the booking engine needs it (its rules, capacity and site), or undefined. */
export const bookableRecord = (db: Kysely<DB>, id: string) => repo.findById(db, id);

/** The records of a site's bookables of a kind, for the booking engine's searches. */
export const bookableRecords = (db: Kysely<DB>, filter: Parameters<typeof repo.list>[1]) => repo.list(db, filter);
