import { EVENT_KIND_LABELS } from '@shared/domain/events';
import type { Ctx } from '../../context';
import { type CalendarEntry, calendarFile } from '../../ics';
import { bookableRecord } from '../bookables';
import { loadSite } from '../sites';
import type { EventsTable } from './events.tables';
import * as repo from './events.repository';

/** Events in calendar apps: a member's own (going, waiting, hosting) in their feed, and the co-op's whole programme in its own. */

const DAY = 86_400_000;
const PAST_DAYS = 30;
const FUTURE_DAYS = 400;

async function entries(ctx: Ctx, rows: readonly EventsTable[], waiting: ReadonlySet<string> = new Set()): Promise<CalendarEntry[]> {
  const rooms = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.room_id ? [r.room_id] : [])))) rooms.set(id, (await bookableRecord(ctx.db, id))?.name ?? 'A room');
  const site = await loadSite(ctx.db, ctx.siteId);
  return rows.map((r) => ({
    uid: `event-${r.id}@coopdesk`,
    start: r.starts_at,
    end: r.ends_at,
    stamp: r.updated_at,
    summary: `${r.title} (${EVENT_KIND_LABELS[r.kind]})${waiting.has(r.id) ? ' — on the waitlist' : ''}`,
    description: r.description || undefined,
    location: r.room_id ? `${rooms.get(r.room_id)}, ${site.name}` : r.venue,
    status: r.state === 'cancelled' ? 'cancelled' : waiting.has(r.id) ? 'tentative' : 'confirmed',
  }));
}

/** The events a member replied to (going or waiting) or hosts, from a month ago on: for their private feed. */
export async function memberEventEntries(ctx: Ctx, memberId: string): Promise<CalendarEntry[]> {
  const from = ctx.now().getTime() - PAST_DAYS * DAY;
  const { rows, waiting } = await repo.ofMember(ctx.db, memberId, from);
  return entries(ctx, rows, waiting);
}

/** The co-op's programme, a month back and a year ahead, cancelled ones marked so: the events feed. */
export async function coopEventsCalendar(ctx: Ctx): Promise<string> {
  const now = ctx.now().getTime();
  const site = await loadSite(ctx.db, ctx.siteId);
  const rows = await repo.between(ctx.db, now - PAST_DAYS * DAY, now + FUTURE_DAYS * DAY);
  return calendarFile(`${site.name} — events`, site.timeZone, await entries(ctx, rows));
}
