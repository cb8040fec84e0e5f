import type { MemberRef } from '@shared/contract/network.contract';
import type { EventKind } from '@shared/domain/events';
import { addDaysIso, zonedInstant } from '@shared/domain/zoned';
import { type Ctx, withDb } from '../../context';
import { commit } from '../../db/tx';
import { memberRefs } from '../members';
import { notify } from '../notifications';
import { loadSite } from '../sites';
import * as repo from './events.repository';
import { cancelEvent } from './events.service';

const DAY = 86_400_000;

/** Attendance counted from the replies: per member (came, did not come though going) and per kind of event. */
export async function attendance(ctx: Ctx, range: { from: string; to: string }) {
  const zone = (await loadSite(ctx.db, ctx.siteId)).timeZone;
  const to = zonedInstant(addDaysIso(range.to, 1), '00:00', zone);
  const rows = await repo.repliesBetween(ctx.db, zonedInstant(range.from, '00:00', zone), to);
  const now = ctx.now().getTime();
  const byMember = new Map<string, { attended: number; noShows: number }>();
  const byKind = new Map<EventKind, { events: Set<string>; attended: number }>();
  for (const r of rows) {
    const k = byKind.get(r.kind) ?? byKind.set(r.kind, { events: new Set(), attended: 0 }).get(r.kind)!;
    k.events.add(r.event_id);
    if (r.attended_at !== null) k.attended += 1;
    if (!r.member_id) continue;
    const m = byMember.get(r.member_id) ?? byMember.set(r.member_id, { attended: 0, noShows: 0 }).get(r.member_id)!;
    if (r.attended_at !== null) m.attended += 1;
    else if (r.state === 'going' && r.starts_at < now) m.noShows += 1;
  }
  const names = await memberRefs(ctx.db, [...byMember.keys()]);
  return {
    byMember: [...byMember]
      .map(([id, c]) => ({ member: names.get(id) as MemberRef, ...c }))
      .filter((r) => r.member)
      .sort((a, b) => b.attended - a.attended || a.member.name.localeCompare(b.member.name)),
    byKind: [...byKind].map(([kind, k]) => ({ kind, events: k.events.size, attended: k.attended })),
  };
}

/**
 * A scheduled job: those going are reminded the day before; an event with too few going at its
 * decision time is cancelled and everyone told.
 */
export async function remindAndDecide(ctx: Ctx): Promise<number> {
  const now = ctx.now().getTime();
  const due = await repo.toRemind(ctx.db, now, now + DAY);
  const undecided = (await repo.toDecide(ctx.db, now)).filter((e) => e.min_attendees !== null);
  if (due.length === 0 && undecided.length === 0) return 0;
  return commit(ctx, 'events.changed', async (trx) => {
    let changed = 0;
    for (const e of due) {
      const going = (await repo.rsvps(trx, e.id)).filter((r) => r.state === 'going' && r.member_id).map((r) => r.member_id!);
      await notify(withDb(ctx, trx), going, { kind: 'event', title: `Tomorrow: ${e.title}`, body: '', href: `/events/${e.id}` });
      await repo.update(trx, e.id, { reminded_at: now });
      changed += 1;
    }
    for (const e of undecided) {
      const going = (await repo.counts(trx, [e.id])).get(e.id)!.going;
      if (going >= e.min_attendees!) {
        await repo.update(trx, e.id, { decide_by: null });
        continue;
      }
      await cancelEvent(withDb(ctx, trx), e, 'system', `Fewer than ${e.min_attendees} signed up`);
      changed += 1;
    }
    return changed;
  });
}
