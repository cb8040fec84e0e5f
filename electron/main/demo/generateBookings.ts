import type { Kysely } from 'kysely';
import { DEFAULT_BOOKING_RULES } from '@shared/domain/bookingRules';
import { newId } from '@shared/domain/ids';
import { addDaysIso, minutesOf, weekdayOf, zonedInstant } from '@shared/domain/zoned';
import type { DB } from '../db/schema';
import { seededRandom } from './generate';

/**
 * Bookables and years of bookings for a generated co-op (benchmarks, and a few weeks of them
 * for the demo). Every booking is placed in a free gap by construction, inserted in batches
 * through the same database guard as the app's own bookings.
 */
export interface BookingsPlan {
  siteId: string;
  timeZone: string;
  /** The site's opening hours (weekday 1–7); bookings fall inside them. */
  hours: { weekday: number; open: boolean; opens: string; closes: string }[];
  /** Rules to set on the site first (the benchmark books far ahead). */
  siteRules?: Partial<typeof DEFAULT_BOOKING_RULES>;
  /** Names for the first rooms, desks and resources (the demo); generic names after them. */
  names?: { rooms?: string[]; desks?: string[]; resources?: string[] };
  memberIds: string[];
  rooms: number;
  desks: number;
  resources: number;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  seed?: number;
  /** Share of the generated bookings kept (1 = a busy co-op, the default). */
  busy?: number;
  now: number;
  /** Called every few thousand rows with how many are written. */
  progress?: (written: number) => void;
}

const FEATURES = ['screen', 'whiteboard', 'video', 'phone', 'kitchen'];
const RESOURCES = ['Projector', 'Van', '3D printer', 'Podcast kit', 'Camera', 'Laser cutter', 'PA system', 'Sewing machine'];
const TITLES = ['Client meeting', 'Team stand-up', 'Workshop', 'Interview', 'Bid planning', 'Mentoring', 'Training', ''];

interface Made {
  bookableIds: { rooms: string[]; desks: string[]; resources: string[] };
  bookings: number;
  series: number;
}

export async function generateBookables(
  db: Kysely<DB>,
  plan: Pick<BookingsPlan, 'siteId' | 'rooms' | 'desks' | 'resources' | 'seed' | 'now' | 'memberIds' | 'names'>,
) {
  const random = seededRandom(plan.seed ?? 3);
  const ids = { rooms: [] as string[], desks: [] as string[], resources: [] as string[] };
  const rows: {
    id: string;
    kind: 'room' | 'desk' | 'resource';
    name: string;
    capacity: number;
    features: string;
    hourly_rate_minor: number;
    owner?: string;
  }[] = [];
  for (let i = 0; i < plan.rooms; i++) {
    const id = newId();
    ids.rooms.push(id);
    const capacity = [4, 4, 6, 6, 8, 10, 12, 20][Math.floor(random() * 8)];
    rows.push({
      id,
      kind: 'room' as const,
      name: plan.names?.rooms?.[i] ?? `Room ${i + 1}`,
      capacity,
      features: JSON.stringify(FEATURES.filter(() => random() < 0.45)),
      hourly_rate_minor: capacity * 250,
    });
  }
  for (let i = 0; i < plan.desks; i++) {
    const id = newId();
    ids.desks.push(id);
    rows.push({
      id,
      kind: 'desk' as const,
      name: plan.names?.desks?.[i] ?? `Desk ${String(i + 1).padStart(3, '0')}`,
      capacity: 1,
      features: '[]',
      hourly_rate_minor: 0,
    });
  }
  for (let i = 0; i < plan.resources; i++) {
    const id = newId();
    ids.resources.push(id);
    const name = plan.names?.resources?.[i] ?? `${RESOURCES[i % RESOURCES.length]}${i >= RESOURCES.length ? ` ${Math.floor(i / RESOURCES.length) + 1}` : ''}`;
    rows.push({
      id,
      kind: 'resource' as const,
      name,
      capacity: 1 + Math.floor(random() * 2),
      features: '[]',
      hourly_rate_minor: 500,
      owner: plan.memberIds[Math.floor(random() * plan.memberIds.length)],
    });
  }
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('bookables')
      .values(
        rows.slice(i, i + 200).map(({ owner, ...r }) => ({
          ...r,
          site_id: plan.siteId,
          description: '',
          owner_member_id: owner ?? null,
          rule_overrides: '{}',
          retired_at: null,
          created_at: plan.now,
          updated_at: plan.now,
        })),
      )
      .execute();
  }
  return ids;
}

export async function generateBookings(db: Kysely<DB>, plan: BookingsPlan): Promise<Made> {
  const random = seededRandom(plan.seed ?? 5);
  const member = () => plan.memberIds[Math.floor(random() * plan.memberIds.length)];
  const ids = await generateBookables(db, plan);
  const zone = plan.timeZone;
  if (plan.siteRules) {
    await db
      .updateTable('sites')
      .set({ booking_rules: JSON.stringify({ ...DEFAULT_BOOKING_RULES, ...plan.siteRules }) })
      .where('id', '=', plan.siteId)
      .execute();
  }

  // Each room has a standing weekly meeting (a series) on one weekday at 09:00.
  const seriesOf = new Map<string, { id: string; weekday: number; memberId: string }>();
  for (const roomId of ids.rooms) {
    const open = plan.hours.filter((h) => h.open && h.opens <= '09:00' && h.closes >= '10:00').map((h) => h.weekday);
    const s = { id: newId(), weekday: open.length ? open[Math.floor(random() * open.length)] : 0, memberId: member() };
    seriesOf.set(roomId, s);
    await db
      .insertInto('booking_series')
      .values({
        id: s.id,
        bookable_id: roomId,
        member_id: s.memberId,
        recurrence: JSON.stringify({ freq: 'weekly', interval: 1, byWeekday: [s.weekday], until: plan.to, startTime: '09:00', endTime: '10:00' }),
        created_at: plan.now,
      })
      .execute();
  }

  let batch: DB['bookings'][] = [];
  let written = 0;
  const flush = async () => {
    for (let i = 0; i < batch.length; i += 400)
      await db
        .insertInto('bookings')
        .values(batch.slice(i, i + 400))
        .execute();
    written += batch.length;
    batch = [];
    plan.progress?.(written);
  };
  const busy = plan.busy ?? 1;
  const add = (bookableId: string, start: number, end: number, memberId: string, quantity: number, seriesId: string | null, title = '') => {
    if (seriesId === null && busy < 1 && random() > busy) return;
    const cancelled = end < plan.now && random() < 0.04;
    batch.push({
      id: newId(),
      bookable_id: bookableId,
      member_id: memberId,
      guest_name: '',
      title,
      quantity,
      units: 1,
      start_ms: start,
      end_ms: end,
      occ_start_ms: start,
      occ_end_ms: end,
      status: cancelled ? 'cancelled' : 'confirmed',
      series_id: seriesId,
      // every fifth booking charged beyond a plan's credits, so statements have usage to list
      price_minor: batch.length % 5 === 0 ? 1200 : 0,
      credits_used: 0,
      currency: 'GBP',
      checked_in_at: end < plan.now && !cancelled ? start : null,
      cancelled_at: cancelled ? start - 86_400_000 : null,
      cancelled_by: cancelled ? memberId : null,
      cancel_reason: '',
      cutoff_overridden: 0,
      created_at: start - 86_400_000,
      updated_at: start - 86_400_000,
    });
  };

  let series = 0;
  for (let date = plan.from; date <= plan.to; date = addDaysIso(date, 1)) {
    const day = plan.hours.find((h) => h.weekday === weekdayOf(date));
    if (!day?.open) continue;
    const weekday = day.weekday;
    const [opens, closes] = [minutesOf(day.opens), minutesOf(day.closes)];
    // One zone lookup a day: no clock change happens between opening and closing time.
    const noon = zonedInstant(date, '12:00', zone);
    const at = (minutes: number) => noon + (minutes - 12 * 60) * 60_000;

    for (const roomId of ids.rooms) {
      let t = opens;
      const s = seriesOf.get(roomId)!;
      if (s.weekday === weekday) {
        add(roomId, at(9 * 60), at(10 * 60), s.memberId, 4, s.id, 'Standing meeting');
        series++;
        t = 10 * 60;
      }
      // A random walk of meetings through the day, each in the gap after the last.
      for (;;) {
        t += Math.floor(random() * 2) * 30;
        const length = (1 + Math.floor(random() * 4)) * 30;
        if (t + length > closes) break;
        if (!(s.weekday === weekday && t < 10 * 60 && t + length > 9 * 60))
          add(roomId, at(t), at(t + length), member(), 2 + Math.floor(random() * 4), null, TITLES[Math.floor(random() * TITLES.length)]);
        t += length;
      }
    }
    for (const deskId of ids.desks) {
      const r = random();
      if (r < 0.3) add(deskId, at(opens), at(closes), member(), 1, null);
      else if (r < 0.9) {
        const mid = opens + (closes - opens) / 2;
        if (random() < 0.7) add(deskId, at(opens), at(mid), member(), 1, null);
        if (random() < 0.7) add(deskId, at(mid), at(closes), member(), 1, null);
      }
    }
    for (const resourceId of ids.resources) {
      const start = opens + Math.floor(random() * 4) * 60;
      if (random() < 0.8 && start + 120 <= closes) add(resourceId, at(start), at(start + 120), member(), 1, null);
    }
    if (batch.length >= 20_000) await flush();
  }
  await flush();
  return { bookableIds: ids, bookings: written, series };
}

/** The members a demo books for: those active in the register. */
export const activeMemberIds = async (db: Kysely<DB>) =>
  (await db.selectFrom('members').select('id').where('status', '=', 'active').execute()).map((m) => m.id);
